export * from './tenants.js';
export * from './identity.js';
export * from './people.js';
export * from './places.js';
export * from './clock.js';
export * from './onss.js';
export * from './platform.js';
export * from './notifications.js';
