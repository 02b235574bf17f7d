export * from './clock/index.js';
export * from './contracts/index.js';
export * from './errors.js';
export * from './geo/index.js';
export * from './identifiers/index.js';
export * from './onss/index.js';
export * from './permissions/index.js';
export * from './exports/index.js';
