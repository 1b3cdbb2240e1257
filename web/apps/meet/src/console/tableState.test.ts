import { describe, expect, it } from 'vitest';
import { initialTable, tableReducer, type TableState } from './tableState';

interface Row {
  id: string;
  n: number;
}
const reduce = tableReducer<Row>((r) => r.id);
const rows = (...ids: string[]) => ids.map((id, n) => ({ id, n }));

describe('tableReducer', () => {
  it('appends pages without duplicates and replaces on a fresh load', () => {
    let s: TableState<Row> = initialTable('creationDate');
    s = reduce(s, { type: 'loaded', items: rows('a', 'b'), nextPageToken: 't1', append: false });
    s = reduce(s, { type: 'loaded', items: rows('b', 'c'), append: true });
    expect(s.items.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(s.nextPageToken).toBeUndefined();
    s = reduce(s, { type: 'loaded', items: rows('z'), append: false });
    expect(s.items.map((r) => r.id)).toEqual(['z']);
  });

  it('selects, selects all, and forgets removed or vanished rows', () => {
    let s = reduce(initialTable<Row>('creationDate'), { type: 'loaded', items: rows('a', 'b', 'c'), append: false });
    s = reduce(s, { type: 'toggle', id: 'a' });
    expect([...s.selected]).toEqual(['a']);
    s = reduce(s, { type: 'toggleAll' });
    expect(s.selected.size).toBe(3);
    s = reduce(s, { type: 'removed', ids: ['b'] });
    expect([...s.selected].sort()).toEqual(['a', 'c']);
    expect(s.items.map((r) => r.id)).toEqual(['a', 'c']);
    s = reduce(s, { type: 'toggleAll' });
    expect(s.selected.size).toBe(0);
    s = reduce(s, { type: 'toggle', id: 'c' });
    s = reduce(s, { type: 'loaded', items: rows('a'), append: false });
    expect(s.selected.size).toBe(0);
  });

  it('flips the order on the same column and resets paging on filter and sort changes', () => {
    let s = reduce(initialTable<Row>('creationDate'), { type: 'loaded', items: rows('a'), nextPageToken: 't', append: false });
    s = reduce(s, { type: 'sort', field: 'creationDate' });
    expect(s.sortOrder).toBe('asc');
    expect(s.nextPageToken).toBeUndefined();
    s = reduce(s, { type: 'sort', field: 'roomName' });
    expect([s.sortField, s.sortOrder]).toEqual(['roomName', 'desc']);
    s = reduce(s, { type: 'toggle', id: 'a' });
    s = reduce(s, { type: 'filter', status: 'closed' });
    expect(s.status).toBe('closed');
    expect(s.selected.size).toBe(0);
    s = reduce(s, { type: 'replaced', item: { id: 'a', n: 42 } });
    expect(s.items[0]!.n).toBe(42);
  });
});
