// Pure logic of the <openvidu-meet> element (contract §9), kept free of the DOM so it can be unit tested.
import { LEAVE_REASONS } from '@convene/client/protocol';

/** Attributes copied into the iframe URL's query string (everything but the URL attributes themselves). */
export const PASSTHROUGH_ATTRIBUTES = ['participant-name', 'e2ee-key', 'leave-redirect-url', 'show-only-recordings'] as const;
export const OBSERVED_ATTRIBUTES = ['room-url', 'recording-url', ...PASSTHROUGH_ATTRIBUTES] as const;

export type MeetEvent = 'joined' | 'left' | 'closed';
export const MEET_EVENTS: readonly MeetEvent[] = ['joined', 'left', 'closed'];
export type MeetCommand = 'endMeeting' | 'leaveRoom' | 'kickParticipant';

export type FrameSource = { ok: true; url: string; origin: string } | { ok: false; error: string };

/**
 * The iframe URL for the element's attributes: `room-url` (else `recording-url`) plus the pass-through attributes as
 * query parameters. `base` resolves relative URLs (the embedding page's location).
 */
export function frameSource(attributes: (name: string) => string | null, base: string): FrameSource {
  const target = attributes('room-url') ?? attributes('recording-url');
  if (!target) return { ok: false, error: 'The room-url or recording-url attribute is required' };
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return { ok: false, error: `'${target}' is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `'${target}' must be an http(s) URL` };
  for (const name of PASSTHROUGH_ATTRIBUTES) {
    const value = attributes(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  return { ok: true, url: url.toString(), origin: url.origin };
}

export interface InboundEvent {
  event: MeetEvent | 'ready';
  payload: Record<string, unknown>;
}

/** Validates a message from the iframe: only the expected origin and a known event shape pass. */
export function readInbound(data: unknown, origin: string, expectedOrigin: string | null): InboundEvent | null {
  if (expectedOrigin === null || origin !== expectedOrigin) return null;
  if (typeof data !== 'object' || data === null) return null;
  const { event, payload } = data as { event?: unknown; payload?: unknown };
  if (event !== 'ready' && event !== 'joined' && event !== 'left' && event !== 'closed') return null;
  const body = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  if (event === 'left') {
    const reason = body.reason;
    const known = typeof reason === 'string' && (LEAVE_REASONS as readonly string[]).includes(reason);
    return { event, payload: { ...body, reason: known ? reason : 'unknown' } };
  }
  return { event, payload: body };
}
