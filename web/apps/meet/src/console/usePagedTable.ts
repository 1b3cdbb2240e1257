import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from 'react';
import { initialTable, tableReducer, type TableAction, type TableState } from './tableState';
import type { ListQuery, Pagination } from './types';
import { errorText } from './ui';

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/** A list response's items and pagination as one page. */
export function pageOf<T>(items: T[], pagination: Pick<Pagination, 'nextPageToken'>): Page<T> {
  return { items, nextPageToken: pagination.nextPageToken };
}

export interface PagedTableOptions<T> {
  /** One page for the query; the hook passes the next page token only when it appends. */
  fetchPage(query: ListQuery): Promise<Page<T>>;
  idOf(item: T): string;
  sortField: string;
  search?: string;
  /** How long typing in the search box settles before it becomes a filter. */
  searchDelayMs?: number;
}

export interface PagedTable<T> {
  state: TableState<T>;
  dispatch: Dispatch<TableAction<T>>;
  loading: boolean;
  error: string | null;
  searchText: string;
  setSearchText(text: string): void;
  /** First page again for the current filters and sort. */
  reload(): void;
  /** The page after the last one loaded, appended; nothing when there is none. */
  loadMore(): void;
}

/**
 * A console table that pages through a list endpoint: filters and sort reload from the first page, "Load more" appends
 * the next. Only the latest request may land: a page that answers after a newer load started (a filter changed while
 * "Load more" was in flight) is dropped, so it can neither append rows of the old filter nor bring back its page token.
 */
export function usePagedTable<T>(options: PagedTableOptions<T>): PagedTable<T> {
  const { sortField, search = '', searchDelayMs = 300 } = options;
  const fetchRef = useRef(options.fetchPage);
  fetchRef.current = options.fetchPage;
  const idOf = useRef(options.idOf).current;
  const reducer = useMemo(() => tableReducer<T>(idOf), [idOf]);
  const [state, dispatch] = useReducer(reducer, undefined, () => ({ ...initialTable<T>(sortField), search }));
  const [searchText, setSearchText] = useState(search);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const latest = useRef(0);

  const load = useCallback(async (append: boolean) => {
    const s = stateRef.current;
    if (append && !s.nextPageToken) return;
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current({ search: s.search, status: s.status, sortField: s.sortField, sortOrder: s.sortOrder, nextPageToken: append ? s.nextPageToken : undefined });
      if (ticket === latest.current) dispatch({ type: 'loaded', items: page.items, nextPageToken: page.nextPageToken, append });
    } catch (e) {
      if (ticket === latest.current) setError(errorText(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(false);
  }, [load, state.search, state.status, state.sortField, state.sortOrder]);

  useEffect(() => {
    if (searchText === stateRef.current.search) return;
    const t = window.setTimeout(() => dispatch({ type: 'filter', search: searchText }), searchDelayMs);
    return () => window.clearTimeout(t);
  }, [searchText, searchDelayMs]);

  const reload = useCallback(() => void load(false), [load]);
  const loadMore = useCallback(() => void load(true), [load]);
  return { state, dispatch, loading, error, searchText, setSearchText, reload, loadMore };
}
