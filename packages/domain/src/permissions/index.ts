export * from './rights-table.js';
