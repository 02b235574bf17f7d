import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What a list screen asks the server for: a search, a page, a sort and its own filters. */
export interface ListState<Sort extends string, Filter extends string> {
  q: string;
  page: number;
  pageSize: number;
  sort: Sort;
  order: 'asc' | 'desc';
  filters: Record<Filter, string>;
}

export interface ListStateOptions<Sort extends string, Filter extends string> {
  sortFields: readonly Sort[];
  defaultSort: Sort;
  defaultOrder?: 'asc' | 'desc';
  filters?: readonly Filter[];
  pageSize?: number;
}

/**
 * A list's search, page, sort and filters kept in the address bar, so that a list can be
 * bookmarked, shared and found again with the back button. Unknown or malformed values fall back
 * to the defaults rather than failing. Example:
 * `const list = useListState({ sortFields: ['name', 'createdAt'], defaultSort: 'name', filters: ['active'] })`.
 */
export function useListState<Sort extends string, Filter extends string = never>(
  options: ListStateOptions<Sort, Filter>,
) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { sortFields, defaultSort, defaultOrder = 'asc', filters = [], pageSize = 20 } = options;

  // The option arrays are literals in the callers: keyed on their contents, not their identity.
  const sortKey = sortFields.join();
  const filterKey = filters.join();
  const state = useMemo((): ListState<Sort, Filter> => {
    const sortChoices = sortKey.split(',') as Sort[];
    const filterNames = (filterKey ? filterKey.split(',') : []) as Filter[];
    const sort = searchParams.get('sort') as Sort | null;
    const page = Number(searchParams.get('page') ?? '1');
    const filterValues = Object.fromEntries(
      filterNames.map((name) => [name, searchParams.get(name) ?? '']),
    ) as Record<Filter, string>;
    return {
      q: searchParams.get('q') ?? '',
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      pageSize,
      sort: sort && sortChoices.includes(sort) ? sort : defaultSort,
      order: (searchParams.get('order') ?? defaultOrder) === 'desc' ? 'desc' : 'asc',
      filters: filterValues,
    };
  }, [searchParams, sortKey, defaultSort, defaultOrder, filterKey, pageSize]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return {
    state,
    /** The query parameters to send: search, page, sort, order and the filters that are set. */
    query: useMemo(() => {
      const query: Record<string, string | number> = {
        page: state.page,
        pageSize: state.pageSize,
        sort: state.sort,
        order: state.order,
      };
      if (state.q.trim()) query.q = state.q.trim();
      for (const [name, value] of Object.entries<string>(state.filters)) if (value) query[name] = value;
      return query;
    }, [state]),
    setSearch: useCallback((q: string) => update({ q, page: undefined }), [update]),
    setPage: useCallback((page: number) => update({ page }), [update]),
    setFilter: useCallback(
      (name: Filter, value: string) => update({ [name]: value, page: undefined }),
      [update],
    ),
    /** Sets several filters at once (a choice and its label), back to the first page. */
    setFilters: useCallback(
      (values: Partial<Record<Filter, string>>) => update({ ...values, page: undefined }),
      [update],
    ),
    /** Sorts on a column; a second click on the same column reverses the order. */
    toggleSort: useCallback(
      (field: Sort) => {
        const order = state.sort === field && state.order === 'asc' ? 'desc' : 'asc';
        update({ sort: field, order, page: undefined });
      },
      [state.sort, state.order, update],
    ),
  };
}

export type ListControls<Sort extends string, Filter extends string> = ReturnType<
  typeof useListState<Sort, Filter>
>;
