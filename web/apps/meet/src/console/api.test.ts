import { describe, expect, it } from 'vitest';
import { ACCESS_KEY, ConsoleApi, ConsoleError, REFRESH_KEY, type TokenStore } from './api';

function memoryStore(initial: Record<string, string> = {}): TokenStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => (v === null ? data.delete(k) : data.set(k, v)) };
}

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

function fakeFetch(answer: (call: Call) => { status: number; body?: unknown }) {
  const calls: Call[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    const call: Call = { url, method: init?.method ?? 'GET', headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string | undefined };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { calls, fetcher };
}

describe('ConsoleApi', () => {
  it('logs in, stores both tokens and sends the access token as a bearer', async () => {
    const store = memoryStore();
    const { calls, fetcher } = fakeFetch((c) => (c.url.endsWith('/login') ? { status: 200, body: { accessToken: 'A1', refreshToken: 'R1' } } : { status: 200, body: { totalRooms: 1, activeRooms: 0, totalRecordings: 0, completeRecordings: 0 } }));
    const api = new ConsoleApi(store, fetcher);
    await api.login('admin', 'admin');
    expect(JSON.parse(calls[0]!.body!)).toEqual({ username: 'admin', password: 'admin' });
    expect(store.get(ACCESS_KEY)).toBe('A1');
    expect(store.get(REFRESH_KEY)).toBe('R1');
    expect((await api.analytics()).totalRooms).toBe(1);
    expect(calls[1]!.headers.Authorization).toBe('Bearer A1');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const store = memoryStore({ [ACCESS_KEY]: 'old', [REFRESH_KEY]: 'R' });
    const { calls, fetcher } = fakeFetch((c) => {
      if (c.url.endsWith('/auth/refresh')) return { status: 200, body: { accessToken: 'new' } };
      return c.headers.Authorization === 'Bearer new' ? { status: 200, body: [] } : { status: 401, body: { error: 'Authentication Error', message: 'Invalid token' } };
    });
    const api = new ConsoleApi(store, fetcher);
    await Promise.all([api.apiKeys(), api.apiKeys()]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(calls.find((c) => c.url.endsWith('/auth/refresh'))!.headers['X-Refresh-Token']).toBe('Bearer R');
    expect(store.get(ACCESS_KEY)).toBe('new');
  });

  it('signs out when the refresh fails', async () => {
    const store = memoryStore({ [ACCESS_KEY]: 'old', [REFRESH_KEY]: 'R' });
    const { fetcher } = fakeFetch((c) => (c.url.endsWith('/auth/refresh') ? { status: 400, body: { message: 'Invalid refresh token' } } : { status: 401, body: { message: 'Invalid token' } }));
    const api = new ConsoleApi(store, fetcher);
    let signedOut = false;
    api.onSignedOut = () => (signedOut = true);
    await expect(api.profile()).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toBe(true);
    expect(api.signedIn).toBe(false);
  });

  it('turns error bodies into ConsoleError with the code and validation details', async () => {
    const { fetcher } = fakeFetch(() => ({ status: 409, body: { error: 'room_has_active_meeting', message: "Room 'r' cannot be deleted because it has an active meeting." } }));
    const api = new ConsoleApi(memoryStore({ [ACCESS_KEY]: 'A' }), fetcher);
    const error = await api.deleteRoom('r').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error).toMatchObject({ status: 409, error: 'room_has_active_meeting' });
    const { fetcher: f2 } = fakeFetch(() => ({ status: 422, body: { error: 'Unprocessable Entity', message: 'Invalid request', details: [{ field: 'appearance.themes.0.primaryColor', message: 'Must be a valid hex color code (with or without alpha)' }] } }));
    const e2 = await new ConsoleApi(memoryStore({ [ACCESS_KEY]: 'A' }), f2).saveAppearance({ name: 'default', enabled: true, baseTheme: 'dark', primaryColor: 'red' }).catch((e: unknown) => e);
    expect((e2 as ConsoleError).message).toBe('Must be a valid hex color code (with or without alpha)');
  });

  it('sends delete policies and list filters in the query, and keeps partial bulk results', async () => {
    const { calls, fetcher } = fakeFetch((c) => (c.method === 'DELETE' && c.url.includes('roomIds') ? { status: 400, body: { message: '1 room(s) failed', successful: [], failed: [{ roomId: 'b', error: 'Room Error', message: 'x' }] } } : { status: 200, body: { rooms: [], recordings: [], pagination: { isTruncated: false, maxItems: 20 } } }));
    const api = new ConsoleApi(memoryStore({ [ACCESS_KEY]: 'A' }), fetcher);
    await api.deleteRoom('r 1', 'force', 'close');
    expect(calls[0]!.url).toBe('/api/v1/rooms/r%201?withMeeting=force&withRecordings=close');
    const bulk = await api.deleteRooms(['a', 'b']);
    expect(bulk.failed).toHaveLength(1);
    await api.rooms({ search: ' team ', status: 'open', sortField: 'roomName', sortOrder: 'asc', nextPageToken: 'tok' });
    const url = new URL(calls[2]!.url, 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({ roomName: 'team', status: 'open', sortField: 'roomName', sortOrder: 'asc', maxItems: '20', nextPageToken: 'tok' });
    await api.recordings({ search: 'room_1-abc' });
    expect(new URL(calls[3]!.url, 'http://x').searchParams.get('roomId')).toBe('room_1-abc');
    await api.recordings({ search: 'my room' });
    expect(new URL(calls[4]!.url, 'http://x').searchParams.get('roomId')).toBeNull();
  });

  it('reports an unreachable server as status 0', async () => {
    const api = new ConsoleApi(memoryStore(), async () => {
      throw new TypeError('network');
    });
    await expect(api.login('admin', 'admin')).rejects.toMatchObject({ status: 0, message: 'The server cannot be reached' });
  });
});
