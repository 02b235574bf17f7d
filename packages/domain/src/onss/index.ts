export * from './registration.js';
export * from './correction-reminders.js';
