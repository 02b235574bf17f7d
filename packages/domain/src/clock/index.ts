export * from './durations.js';
export * from './local-time.js';
export * from './state-machine.js';
