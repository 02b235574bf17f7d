export * from './belgian-holidays.js';
export * from './csv-cells.js';
export * from './payroll-layouts.js';
export * from './work-hour-splits.js';
