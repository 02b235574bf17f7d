export * from './weeks.js';
