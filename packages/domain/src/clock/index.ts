export * from './anomaly-rules.js';
export * from './durations.js';
export * from './local-time.js';
export * from './schedule.js';
export * from './state-machine.js';
export * from './task-visibility.js';
