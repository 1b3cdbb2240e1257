import { describe, expect, it } from 'vitest';
import { frameSource, readInbound } from '../src/protocol';

const attrs = (map: Record<string, string>) => (name: string) => map[name] ?? null;

describe('frameSource', () => {
  it('copies every pass-through attribute into the room URL and keeps the secret', () => {
    const s = frameSource(attrs({ 'room-url': 'https://meet.example/room/r-1?secret=abc', 'participant-name': 'Ana María', 'e2ee-key': 'k', 'leave-redirect-url': '/bye', 'show-only-recordings': 'true' }), 'https://host.example/page');
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const url = new URL(s.url);
    expect(url.origin).toBe('https://meet.example');
    expect(s.origin).toBe('https://meet.example');
    expect(url.searchParams.get('secret')).toBe('abc');
    expect(url.searchParams.get('participant-name')).toBe('Ana María');
    expect(url.searchParams.get('e2ee-key')).toBe('k');
    expect(url.searchParams.get('leave-redirect-url')).toBe('/bye');
    expect(url.searchParams.get('show-only-recordings')).toBe('true');
  });

  it('falls back to recording-url and rejects missing or non-http URLs', () => {
    const rec = frameSource(attrs({ 'recording-url': 'http://127.0.0.1:5000/recording/x?secret=s' }), 'http://a/');
    expect(rec.ok && rec.url).toBe('http://127.0.0.1:5000/recording/x?secret=s');
    expect(frameSource(attrs({}), 'http://a/')).toEqual({ ok: false, error: 'The room-url or recording-url attribute is required' });
    expect(frameSource(attrs({ 'room-url': 'javascript:alert(1)' }), 'http://a/').ok).toBe(false);
  });
});

describe('readInbound', () => {
  it('ignores every origin but the frame origin', () => {
    expect(readInbound({ event: 'joined', payload: {} }, 'http://evil', 'http://meet')).toBeNull();
    expect(readInbound({ event: 'joined', payload: {} }, 'http://meet', null)).toBeNull();
    expect(readInbound({ event: 'joined', payload: { roomId: 'r' } }, 'http://meet', 'http://meet')).toEqual({ event: 'joined', payload: { roomId: 'r' } });
  });

  it('drops unknown events and maps unknown leave reasons to unknown', () => {
    expect(readInbound({ event: 'hack' }, 'http://m', 'http://m')).toBeNull();
    expect(readInbound('joined', 'http://m', 'http://m')).toBeNull();
    expect(readInbound({ event: 'left', payload: { reason: 'weird' } }, 'http://m', 'http://m')?.payload.reason).toBe('unknown');
    expect(readInbound({ event: 'left', payload: { reason: 'participant_kicked' } }, 'http://m', 'http://m')?.payload.reason).toBe('participant_kicked');
  });
});
