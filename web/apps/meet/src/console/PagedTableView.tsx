import type { ReactNode } from 'react';
import { Icon } from '../meeting/Icon';
import type { PagedTable } from './usePagedTable';

export interface Column {
  label: string;
  /** Sortable columns name the server's sort field. */
  sortField?: string;
  className?: string;
}

interface Props<T> {
  table: PagedTable<T>;
  /** Prefix of the element ids: `<name>-search`, `<name>-status`, `<name>-refresh`, `<name>-table`. */
  name: string;
  idOf(item: T): string;
  searchPlaceholder: string;
  searchLabel: string;
  statusOptions: readonly { value: string; label: string }[];
  /** Buttons after the refresh button (bulk actions on the selection). */
  actions?: ReactNode;
  columns: readonly Column[];
  selectAllLabel: string;
  selectLabel(item: T): string;
  /** The data-* attributes of an item's row. */
  rowAttributes?(item: T): Record<string, string>;
  /** The cells after the selection checkbox. */
  cells(item: T): ReactNode;
  emptyText: string;
}

/** The filter bar, the selectable and sortable table and the "Load more" footer of a paged console table. */
export function PagedTableView<T>(p: Props<T>) {
  const { state, dispatch, loading, error } = p.table;
  const sortHeader = (c: Column) => {
    const sorted = state.sortField === c.sortField;
    return (
      <th key={c.label} className={c.className} aria-sort={sorted ? (state.sortOrder === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-btn" onClick={() => dispatch({ type: 'sort', field: c.sortField ?? '' })}>
          {c.label} {sorted ? (state.sortOrder === 'asc' ? '↑' : '↓') : ''}
        </button>
      </th>
    );
  };
  const allSelected = state.items.length > 0 && state.selected.size === state.items.length;
  return (
    <>
      <div className="toolbar-row">
        <input className="input search" type="search" id={`${p.name}-search`} placeholder={p.searchPlaceholder} aria-label={p.searchLabel} value={p.table.searchText} onChange={(e) => p.table.setSearchText(e.target.value)} />
        <select aria-label="Filter by status" id={`${p.name}-status`} value={state.status} onChange={(e) => dispatch({ type: 'filter', status: e.target.value })}>
          <option value="">All statuses</option>
          {p.statusOptions.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        <button type="button" className="btn btn-ghost btn-small" onClick={p.table.reload} aria-label="Refresh" id={`${p.name}-refresh`}>
          <Icon name="refresh" size={18} />
        </button>
        {p.actions}
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div className="table-wrap card">
        <table className="data-table" id={`${p.name}-table`}>
          <thead>
            <tr>
              <th className="check-col"><input type="checkbox" aria-label={p.selectAllLabel} checked={allSelected} onChange={() => dispatch({ type: 'toggleAll' })} /></th>
              {p.columns.map((c) => (c.sortField ? sortHeader(c) : <th key={c.label} className={c.className}>{c.label}</th>))}
            </tr>
          </thead>
          <tbody>
            {state.items.map((item) => {
              const id = p.idOf(item);
              return (
                <tr key={id} {...p.rowAttributes?.(item)}>
                  <td className="check-col"><input type="checkbox" aria-label={p.selectLabel(item)} checked={state.selected.has(id)} onChange={() => dispatch({ type: 'toggle', id })} /></td>
                  {p.cells(item)}
                </tr>
              );
            })}
            {state.items.length === 0 && !loading && (
              <tr><td colSpan={p.columns.length + 1} className="empty-row muted">{p.emptyText}</td></tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="load-more">
        {loading && <div className="spinner" role="status" aria-label="Loading" />}
        {!loading && state.nextPageToken && <button type="button" className="btn btn-secondary" onClick={p.table.loadMore}>Load more</button>}
      </div>
    </>
  );
}
