/** REST calls of the meeting app (contract §4.3, §5, §7.2); every failure becomes an ApiError with the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ThemeColors {
  name: string;
  enabled: boolean;
  baseTheme: 'light' | 'dark';
  backgroundColor?: string;
  primaryColor?: string;
  secondaryColor?: string;
  accentColor?: string;
  surfaceColor?: string;
}

export type RoomStatus = 'open' | 'active_meeting' | 'closed';

export interface MeetRoom {
  roomId: string;
  roomName: string;
  status: RoomStatus;
  config: import('./protocol').RoomConfig;
  moderatorUrl?: string;
  speakerUrl: string;
}

export interface MeetRecording {
  recordingId: string;
  roomId: string;
  roomName: string;
  status: string;
  filename?: string;
  startDate?: number;
  endDate?: number;
  duration?: number;
  size?: number;
}

export interface TokenRequest {
  secret: string;
  grantJoinMeetingPermission?: boolean;
  participantName?: string;
  participantIdentity?: string;
}

export interface TokenClaims {
  role: 'moderator' | 'speaker';
  permissions: Record<string, boolean>;
  name?: string;
  identity?: string;
  expiresAt?: number;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class MeetApi {
  constructor(
    private readonly baseUrl = '',
    private readonly fetcher: Fetch = (i, init) => fetch(i, init),
  ) {}

  token(roomId: string, body: TokenRequest): Promise<{ token: string }> {
    return this.call('POST', `/internal-api/v1/rooms/${encodeURIComponent(roomId)}/token`, undefined, body);
  }

  room(roomId: string, memberToken: string): Promise<MeetRoom> {
    return this.call('GET', `/api/v1/rooms/${encodeURIComponent(roomId)}`, memberToken);
  }

  endMeeting(roomId: string, memberToken: string): Promise<{ message: string }> {
    return this.call('DELETE', `/internal-api/v1/meetings/${encodeURIComponent(roomId)}`, memberToken);
  }

  kick(roomId: string, participantId: string, memberToken: string): Promise<{ message: string }> {
    return this.call('DELETE', `/internal-api/v1/meetings/${encodeURIComponent(roomId)}/participants/${encodeURIComponent(participantId)}`, memberToken);
  }

  setRole(roomId: string, participantId: string, role: 'moderator' | 'speaker', memberToken: string): Promise<{ message: string }> {
    return this.call('PUT', `/internal-api/v1/meetings/${encodeURIComponent(roomId)}/participants/${encodeURIComponent(participantId)}/role`, memberToken, { role });
  }

  startRecording(roomId: string, memberToken: string): Promise<{ recordingId: string; status: string }> {
    return this.call('POST', '/internal-api/v1/recordings', memberToken, { roomId });
  }

  stopRecording(recordingId: string, memberToken: string): Promise<{ recordingId: string; status: string }> {
    return this.call('POST', `/internal-api/v1/recordings/${encodeURIComponent(recordingId)}/stop`, memberToken);
  }

  recordings(roomId: string, memberToken: string): Promise<{ recordings: MeetRecording[] }> {
    return this.call('GET', `/api/v1/recordings?roomId=${encodeURIComponent(roomId)}&maxItems=100`, memberToken);
  }

  recording(recordingId: string, secret: string | null, memberToken?: string): Promise<MeetRecording> {
    const q = secret ? `?secret=${encodeURIComponent(secret)}` : '';
    return this.call('GET', `/api/v1/recordings/${encodeURIComponent(recordingId)}${q}`, memberToken);
  }

  async appearance(): Promise<ThemeColors | undefined> {
    const body = await this.call<{ appearance?: { themes?: ThemeColors[] } }>('GET', '/internal-api/v1/config/rooms/appearance');
    return body.appearance?.themes?.[0];
  }

  private async call<T>(method: string, path: string, memberToken?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (memberToken) headers['X-Room-Member-Token'] = `Bearer ${memberToken}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'The server cannot be reached');
    }
    let payload: unknown = undefined;
    const text = await response.text();
    if (text.length > 0) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = undefined;
      }
    }
    if (!response.ok) {
      const message = (payload as { message?: unknown } | undefined)?.message;
      throw new ApiError(response.status, typeof message === 'string' ? message : `Request failed (${response.status})`);
    }
    return payload as T;
  }
}

/** Reads (without verifying) the claims the app needs from a room member token. */
export function decodeMemberToken(token: string): TokenClaims | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = JSON.parse(decodeBase64Url(part)) as { metadata?: unknown; name?: unknown; sub?: unknown; exp?: unknown };
    const metadata = typeof json.metadata === 'string' ? (JSON.parse(json.metadata) as { role?: unknown; permissions?: unknown }) : (json.metadata as { role?: unknown; permissions?: unknown } | undefined);
    if (!metadata || (metadata.role !== 'moderator' && metadata.role !== 'speaker')) return undefined;
    return {
      role: metadata.role,
      permissions: (metadata.permissions as Record<string, boolean> | undefined) ?? {},
      name: typeof json.name === 'string' ? json.name : undefined,
      identity: typeof json.sub === 'string' ? json.sub : undefined,
      expiresAt: typeof json.exp === 'number' ? json.exp * 1000 : undefined,
    };
  } catch {
    return undefined;
  }
}

function decodeBase64Url(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
