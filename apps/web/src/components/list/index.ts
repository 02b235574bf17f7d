export { ACTIONS_CELL, DataTable, ROW_ACTION } from './data-table';
export type { Column } from './data-table';
export { ListSearch } from './list-search';
export { EmptyState, ListStatus, Notice } from './list-status';
export { Pagination } from './pagination';
export { useListState } from './use-list-state';
export type { ListControls, ListState } from './use-list-state';
export { useFormInUrl } from './use-form-in-url';
