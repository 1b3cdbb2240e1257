import { describe, expect, it } from 'vitest';
import { ApiError, MeetApi, decodeMemberToken } from '../src/api';

function jwt(payload: object): string {
  const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64('{"alg":"HS256"}')}.${b64(JSON.stringify(payload))}.sig`;
}

describe('MeetApi', () => {
  it('posts the token request and sends the member token header on meeting calls', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const api = new MeetApi('http://127.0.0.1:5000', (url, init) => {
      calls.push({ url, init });
      return Promise.resolve(new Response(JSON.stringify({ token: 't', message: 'ok' }), { status: 200 }));
    });
    await api.token('room-1', { secret: 's', grantJoinMeetingPermission: true, participantName: 'Ann' });
    await api.kick('room-1', 'bob-1', 'tok');
    await api.setRole('room-1', 'bob-1', 'moderator', 'tok');
    expect(calls[0]?.url).toBe('http://127.0.0.1:5000/internal-api/v1/rooms/room-1/token');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({ secret: 's', grantJoinMeetingPermission: true, participantName: 'Ann' });
    expect(calls[1]?.init?.method).toBe('DELETE');
    expect(calls[1]?.url).toBe('http://127.0.0.1:5000/internal-api/v1/meetings/room-1/participants/bob-1');
    expect((calls[1]?.init?.headers as Record<string, string>)['X-Room-Member-Token']).toBe('Bearer tok');
    expect(JSON.parse(calls[2]?.init?.body as string)).toEqual({ role: 'moderator' });
  });

  it('turns error answers into ApiError with status and message', async () => {
    const api = new MeetApi('', () => Promise.resolve(new Response(JSON.stringify({ error: 'x', message: 'Room is closed' }), { status: 409 })));
    await expect(api.token('r', { secret: 's' })).rejects.toEqual(new ApiError(409, 'Room is closed'));
    const down = new MeetApi('', () => Promise.reject(new TypeError('fetch failed')));
    await expect(down.token('r', { secret: 's' })).rejects.toMatchObject({ status: 0 });
  });

  it('reads the first theme of the appearance config', async () => {
    const api = new MeetApi('', () => Promise.resolve(new Response(JSON.stringify({ appearance: { themes: [{ name: 'default', enabled: true, baseTheme: 'dark', primaryColor: '#123456' }] } }))));
    expect(await api.appearance()).toMatchObject({ primaryColor: '#123456' });
  });
});

describe('decodeMemberToken', () => {
  it('reads role, permissions, name and identity', () => {
    const token = jwt({ sub: 'ann-1', name: 'Ann', exp: 10, metadata: JSON.stringify({ role: 'moderator', permissions: { canChat: true } }) });
    expect(decodeMemberToken(token)).toEqual({ role: 'moderator', permissions: { canChat: true }, name: 'Ann', identity: 'ann-1', expiresAt: 10000 });
  });

  it('returns undefined for garbage', () => {
    expect(decodeMemberToken('abc')).toBeUndefined();
    expect(decodeMemberToken('a.b.c')).toBeUndefined();
    expect(decodeMemberToken(jwt({ metadata: '{"role":"admin"}' }))).toBeUndefined();
  });
});
