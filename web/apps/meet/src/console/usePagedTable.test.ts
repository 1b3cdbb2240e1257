// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListQuery } from './types';
import { usePagedTable, type Page, type PagedTable } from './usePagedTable';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Row {
  id: string;
}
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));

/** A list endpoint whose answers the test gives, one request at a time and in any order. */
class FakeEndpoint {
  readonly queries: ListQuery[] = [];
  private readonly pending: { resolve(page: Page<Row>): void; reject(e: unknown): void }[] = [];
  readonly fetchPage = (q: ListQuery) =>
    new Promise<Page<Row>>((resolve, reject) => {
      this.queries.push(q);
      this.pending.push({ resolve, reject });
    });
  async answer(index: number, page: Page<Row>): Promise<void> {
    await act(async () => this.pending[index]!.resolve(page));
  }
  async fail(index: number, e: unknown): Promise<void> {
    await act(async () => this.pending[index]!.reject(e));
  }
}

let root: Root | null = null;
let table!: PagedTable<Row>;

async function mount(endpoint: FakeEndpoint, search?: string): Promise<void> {
  function Probe() {
    table = usePagedTable<Row>({ fetchPage: endpoint.fetchPage, idOf: (r) => r.id, sortField: 'creationDate', search });
    return null;
  }
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(createElement(Probe)));
}

const ids = () => table.state.items.map((r) => r.id);

beforeEach(() => {
  vi.useRealTimers();
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('usePagedTable', () => {
  it('loads the first page, appends the next with its token, and stops at the last', async () => {
    const api = new FakeEndpoint();
    await mount(api);
    expect(api.queries).toEqual([{ search: '', status: '', sortField: 'creationDate', sortOrder: 'desc', nextPageToken: undefined }]);
    expect(table.loading).toBe(true);
    await api.answer(0, { items: rows('a', 'b'), nextPageToken: 't1' });
    expect(ids()).toEqual(['a', 'b']);
    expect(table.loading).toBe(false);

    await act(async () => table.loadMore());
    expect(api.queries[1]?.nextPageToken).toBe('t1');
    await api.answer(1, { items: rows('b', 'c') });
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect(table.state.nextPageToken).toBeUndefined();

    await act(async () => table.loadMore());
    expect(api.queries).toHaveLength(2);
  });

  it('a filter change resets to the first page and drops a "Load more" answer of the old filter', async () => {
    const api = new FakeEndpoint();
    await mount(api);
    await api.answer(0, { items: rows('a', 'b'), nextPageToken: 't1' });
    await act(async () => table.loadMore());
    await act(async () => table.dispatch({ type: 'filter', status: 'closed' }));
    expect(api.queries[2]).toMatchObject({ status: 'closed', nextPageToken: undefined });

    await api.answer(2, { items: rows('z') });
    await api.answer(1, { items: rows('c'), nextPageToken: 't2' });
    expect(ids()).toEqual(['z']);
    expect(table.state.nextPageToken).toBeUndefined();
    expect(table.loading).toBe(false);
  });

  it('an older first-page answer arriving last does not replace the newer one', async () => {
    const api = new FakeEndpoint();
    await mount(api);
    await act(async () => table.dispatch({ type: 'sort', field: 'roomName' }));
    await api.answer(1, { items: rows('by-name'), nextPageToken: 'n1' });
    await api.answer(0, { items: rows('by-date'), nextPageToken: 'd1' });
    expect(ids()).toEqual(['by-name']);
    expect(table.state.nextPageToken).toBe('n1');
  });

  it('typing settles into a search filter that reloads from the first page; failures show as the error', async () => {
    vi.useFakeTimers();
    const api = new FakeEndpoint();
    await mount(api, 'r-1');
    expect(api.queries[0]?.search).toBe('r-1');
    await api.answer(0, { items: rows('a'), nextPageToken: 't1' });
    await act(async () => table.setSearchText('bo'));
    expect(api.queries).toHaveLength(1);
    await act(async () => vi.advanceTimersByTime(300));
    expect(api.queries[1]).toMatchObject({ search: 'bo', nextPageToken: undefined });
    await api.fail(1, new Error('server down'));
    expect(table.error).toBe('server down');
    expect(table.loading).toBe(false);
  });
});
