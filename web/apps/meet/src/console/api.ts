import type { Analytics, ApiKey, DeleteOutcome, Delivery, ListQuery, MeetingPolicy, Pagination, Recording, RecordingsPolicy, Room, RoomConfig, RoomOptions, Theme, WebhooksConfig } from './types';

/** A failed console call: HTTP status (0 = unreachable), the server's message, its `error` name and validation details. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly error?: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

/** Where the tokens live (contract §4.1: localStorage keys of the original SPA). */
export interface TokenStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export const ACCESS_KEY = 'ovMeet-accessToken';
export const REFRESH_KEY = 'ovMeet-refreshToken';

export const browserStore: TokenStore = {
  get: (k) => {
    try {
      return localStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k, v) => {
    try {
      if (v === null) localStorage.removeItem(k);
      else localStorage.setItem(k, v);
    } catch {
      /* storage disabled: the session lasts for this page only */
    }
  },
};

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function listQuery(q: ListQuery, searchParam: string): string {
  const p = new URLSearchParams();
  if (q.search?.trim()) p.set(searchParam, q.search.trim());
  if (q.status) p.set('status', q.status);
  if (q.sortField) p.set('sortField', q.sortField);
  if (q.sortOrder) p.set('sortOrder', q.sortOrder);
  p.set('maxItems', String(q.maxItems ?? 20));
  if (q.nextPageToken) p.set('nextPageToken', q.nextPageToken);
  return p.toString();
}

/**
 * The admin console's REST client. Sends the access token; on a 401 it refreshes once with the refresh token and
 * retries; when that fails the session ends (`onSignedOut`).
 */
export class ConsoleApi {
  onSignedOut: () => void = () => {};
  private refreshing: Promise<boolean> | null = null;

  constructor(
    private readonly store: TokenStore = browserStore,
    private readonly fetcher: Fetch = (i, init) => fetch(i, init),
    private readonly baseUrl = '',
  ) {}

  get signedIn(): boolean {
    return this.store.get(ACCESS_KEY) !== null;
  }

  async login(username: string, password: string): Promise<void> {
    const body = await this.send<{ accessToken: string; refreshToken: string }>('POST', '/internal-api/v1/auth/login', { username, password }, {});
    this.store.set(ACCESS_KEY, body.accessToken);
    this.store.set(REFRESH_KEY, body.refreshToken);
  }

  async logout(): Promise<void> {
    const headers = this.authHeaders();
    const refresh = this.store.get(REFRESH_KEY);
    if (refresh) headers['X-Refresh-Token'] = `Bearer ${refresh}`;
    this.store.set(ACCESS_KEY, null);
    this.store.set(REFRESH_KEY, null);
    await this.send('POST', '/internal-api/v1/auth/logout', undefined, headers).catch(() => undefined);
  }

  profile = () => this.call<{ username: string; roles: string[] }>('GET', '/internal-api/v1/users/profile');
  changePassword = (currentPassword: string, newPassword: string) => this.call<{ message: string }>('POST', '/internal-api/v1/users/change-password', { currentPassword, newPassword });
  analytics = () => this.call<Analytics>('GET', '/internal-api/v1/analytics');

  rooms = (q: ListQuery) => this.call<{ rooms: Room[]; pagination: Pagination }>('GET', `/api/v1/rooms?${listQuery(q, 'roomName')}`);
  room = (roomId: string) => this.call<Room>('GET', `/api/v1/rooms/${encodeURIComponent(roomId)}`);
  createRoom = (options: RoomOptions) => this.call<Room>('POST', '/api/v1/rooms', options);
  updateRoomConfig = (roomId: string, config: RoomConfig) => this.call<{ message: string }>('PUT', `/api/v1/rooms/${encodeURIComponent(roomId)}/config`, { config });
  setRoomStatus = (roomId: string, status: 'open' | 'closed') => this.call<{ message: string; room: Room }>('PUT', `/api/v1/rooms/${encodeURIComponent(roomId)}/status`, { status });
  deleteRoom = (roomId: string, withMeeting: MeetingPolicy = 'fail', withRecordings: RecordingsPolicy = 'fail') =>
    this.call<DeleteOutcome>('DELETE', `/api/v1/rooms/${encodeURIComponent(roomId)}?withMeeting=${withMeeting}&withRecordings=${withRecordings}`);
  deleteRooms = (roomIds: string[], withMeeting: MeetingPolicy = 'fail', withRecordings: RecordingsPolicy = 'fail') =>
    this.call<{ message: string; successful: DeleteOutcome[]; failed?: { roomId: string; error: string; message: string }[] }>(
      'DELETE',
      `/api/v1/rooms?roomIds=${roomIds.map(encodeURIComponent).join(',')}&withMeeting=${withMeeting}&withRecordings=${withRecordings}`,
      undefined,
      true,
    );

  /** Search matches the room name, or the room id when the text could be one (the server ORs the two, §3.10). */
  recordings = (q: ListQuery) => {
    let query = listQuery(q, 'roomName');
    const text = q.search?.trim() ?? '';
    if (/^[a-zA-Z0-9_-]+$/.test(text)) query += `&roomId=${encodeURIComponent(text)}`;
    return this.call<{ recordings: Recording[]; pagination: Pagination }>('GET', `/api/v1/recordings?${query}`);
  };
  deleteRecording = (id: string) => this.call<{ message: string }>('DELETE', `/api/v1/recordings/${encodeURIComponent(id)}`);
  deleteRecordings = (ids: string[]) =>
    this.call<{ message: string; deleted: string[]; failed?: { recordingId: string; error: string }[] }>('DELETE', `/api/v1/recordings?recordingIds=${ids.map(encodeURIComponent).join(',')}`, undefined, true);
  recordingUrl = (id: string) => this.call<{ url: string }>('GET', `/api/v1/recordings/${encodeURIComponent(id)}/url`);
  /** A link the browser can follow directly (the access token travels as `accessToken=`, contract §3.15). */
  downloadHref(ids: string[]): string {
    return `${this.baseUrl}/api/v1/recordings/download?recordingIds=${ids.map(encodeURIComponent).join(',')}&accessToken=${encodeURIComponent(this.store.get(ACCESS_KEY) ?? '')}`;
  }
  mediaHref(id: string): string {
    return `${this.baseUrl}/api/v1/recordings/${encodeURIComponent(id)}/media?accessToken=${encodeURIComponent(this.store.get(ACCESS_KEY) ?? '')}`;
  }

  apiKeys = () => this.call<ApiKey[]>('GET', '/internal-api/v1/api-keys');
  createApiKey = () => this.call<ApiKey>('POST', '/internal-api/v1/api-keys');
  deleteApiKeys = () => this.call<{ message: string }>('DELETE', '/internal-api/v1/api-keys');
  webhooks = () => this.call<WebhooksConfig>('GET', '/internal-api/v1/config/webhooks');
  saveWebhooks = (config: WebhooksConfig) => this.call<{ message: string }>('PUT', '/internal-api/v1/config/webhooks', config);
  testWebhook = (url: string) => this.call<{ message: string }>('POST', '/internal-api/v1/config/webhooks/test', { url });
  deliveries = (nextPageToken?: string) =>
    this.call<{ deliveries: Delivery[]; pagination: Pagination }>('GET', `/internal-api/v1/config/webhooks/deliveries?maxItems=20${nextPageToken ? `&nextPageToken=${encodeURIComponent(nextPageToken)}` : ''}`);
  redeliver = (id: string) => this.call<unknown>('POST', `/internal-api/v1/config/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`);

  async appearance(): Promise<Theme | undefined> {
    const body = await this.call<{ appearance?: { themes?: Theme[] } }>('GET', '/internal-api/v1/config/rooms/appearance');
    return body.appearance?.themes?.[0];
  }
  saveAppearance = (theme: Theme) => this.call<{ message: string }>('PUT', '/internal-api/v1/config/rooms/appearance', { appearance: { themes: [theme] } });

  /** An authenticated call; `partialOk` keeps 400 bodies of bulk operations (they list what failed) as results. */
  private async call<T>(method: string, path: string, body?: unknown, partialOk = false): Promise<T> {
    try {
      return await this.send<T>(method, path, body, this.authHeaders(), partialOk);
    } catch (e) {
      if (!(e instanceof ConsoleError) || e.status !== 401) throw e;
      if (!(await this.refresh())) {
        this.onSignedOut();
        throw e;
      }
      return this.send<T>(method, path, body, this.authHeaders(), partialOk);
    }
  }

  /** One refresh at a time, shared by every call that got a 401 meanwhile. */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      const token = this.store.get(REFRESH_KEY);
      if (!token) return false;
      try {
        const body = await this.send<{ accessToken: string }>('POST', '/internal-api/v1/auth/refresh', undefined, { 'X-Refresh-Token': `Bearer ${token}` });
        this.store.set(ACCESS_KEY, body.accessToken);
        return true;
      } catch {
        this.store.set(ACCESS_KEY, null);
        this.store.set(REFRESH_KEY, null);
        return false;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private authHeaders(): Record<string, string> {
    const token = this.store.get(ACCESS_KEY);
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  private async send<T>(method: string, path: string, body: unknown, headers: Record<string, string>, partialOk = false): Promise<T> {
    const all: Record<string, string> = { Accept: 'application/json', ...headers };
    if (body !== undefined) all['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(this.baseUrl + path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ConsoleError(0, 'The server cannot be reached');
    }
    const text = await response.text();
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : undefined;
    } catch {
      payload = undefined;
    }
    if (response.ok || (partialOk && response.status === 400 && payload && typeof payload === 'object' && ('failed' in payload))) return payload as T;
    const p = (payload ?? {}) as { message?: unknown; error?: unknown; details?: unknown };
    const message = typeof p.message === 'string' ? p.message : text && !payload ? text : `Request failed (${response.status})`;
    const details = Array.isArray(p.details) ? (p.details as { field: string; message: string }[]) : [];
    throw new ConsoleError(response.status, details.length > 0 ? details.map((d) => d.message).join('; ') : message, typeof p.error === 'string' ? p.error : undefined, details);
  }
}
