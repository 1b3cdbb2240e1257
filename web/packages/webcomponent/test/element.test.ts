// @vitest-environment happy-dom
/// <reference types="node" />
import nodeConsole from 'node:console';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOADING_TIMEOUT_MS, OpenViduMeetElement, READY_GRACE_MS } from '../src/element';

beforeAll(() => {
  if (!customElements.get('openvidu-meet')) customElements.define('openvidu-meet', OpenViduMeetElement);
});

// happy-dom never loads iframe pages (that is what keeps these tests offline and deterministic) and reports each refused
// load through console.error of the process console it was set up with (not the test's). Only that notice is dropped;
// any other console.error, on either console, fails the test.
const IFRAME_REFUSED = /Iframe page loading is disabled/;
let unexpectedErrors: unknown[][] = [];

beforeEach(() => {
  unexpectedErrors = [];
  const record = (...args: unknown[]) => {
    if (args.length === 1 && args[0] instanceof Error && IFRAME_REFUSED.test(args[0].message)) return;
    unexpectedErrors.push(args);
  };
  vi.spyOn(nodeConsole, 'error').mockImplementation(record);
  if (console !== nodeConsole) vi.spyOn(console, 'error').mockImplementation(record);
});

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.restoreAllMocks();
  expect(unexpectedErrors).toEqual([]);
});

function mount(attrs: Record<string, string>): OpenViduMeetElement {
  const el = document.createElement('openvidu-meet') as OpenViduMeetElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  // The test DOM does not run the meeting page: the iframe's window is a stand-in that records postMessage calls.
  const frameWindow = { postMessage: vi.fn() } as unknown as Window;
  Object.defineProperty(el.shadowRoot!.querySelector('iframe')!, 'contentWindow', { get: () => frameWindow });
  document.body.append(el);
  return el;
}

const parts = (el: OpenViduMeetElement) => ({
  iframe: el.shadowRoot!.querySelector('iframe')!,
  overlay: el.shadowRoot!.querySelector('.overlay')! as HTMLElement,
});

function fromFrame(el: OpenViduMeetElement, data: unknown, origin: string): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: parts(el).iframe.contentWindow }));
}

describe('<openvidu-meet>', () => {
  it('renders an iframe with the permissions and the attributes in its URL', () => {
    const el = mount({ 'room-url': 'http://meet.test/room/r-1?secret=s', 'participant-name': 'Bo' });
    const { iframe } = parts(el);
    expect(iframe.getAttribute('allow')).toContain('camera; microphone; display-capture; fullscreen; autoplay');
    expect(new URL(iframe.src).searchParams.get('participant-name')).toBe('Bo');
    el.setAttribute('participant-name', 'Cy');
    expect(new URL(parts(el).iframe.src).searchParams.get('participant-name')).toBe('Cy');
  });

  it('answers ready with initialize to the frame origin only, then re-dispatches events', () => {
    const el = mount({ 'room-url': 'http://meet.test/room/r-1?secret=s' });
    const post = vi.mocked(parts(el).iframe.contentWindow!.postMessage);
    fromFrame(el, { event: 'ready' }, 'http://evil.test');
    expect(post).not.toHaveBeenCalled();
    fromFrame(el, { event: 'ready' }, 'http://meet.test');
    expect(post).toHaveBeenCalledWith({ command: 'initialize', payload: { domain: window.location.origin } }, 'http://meet.test');

    const joined: unknown[] = [];
    const onceLeft = vi.fn();
    el.addEventListener('joined', (e) => joined.push((e as CustomEvent).detail));
    el.once('left', onceLeft);
    fromFrame(el, { event: 'joined', payload: { roomId: 'r-1', participantIdentity: 'p' } }, 'http://evil.test');
    expect(joined).toEqual([]);
    fromFrame(el, { event: 'joined', payload: { roomId: 'r-1', participantIdentity: 'p' } }, 'http://meet.test');
    expect(joined).toEqual([{ roomId: 'r-1', participantIdentity: 'p' }]);

    el.kickParticipant('other');
    expect(post).toHaveBeenLastCalledWith({ command: 'kickParticipant', payload: { participantIdentity: 'other' } }, 'http://meet.test');
    el.leaveRoom();
    expect(post).toHaveBeenLastCalledWith({ command: 'leaveRoom', payload: {} }, 'http://meet.test');

    fromFrame(el, { event: 'left', payload: { reason: 'voluntary_leave' } }, 'http://meet.test');
    fromFrame(el, { event: 'joined', payload: {} }, 'http://meet.test');
    fromFrame(el, { event: 'left', payload: { reason: 'meeting_ended' } }, 'http://meet.test');
    expect(onceLeft).toHaveBeenCalledTimes(1);
    expect(onceLeft).toHaveBeenCalledWith({ reason: 'voluntary_leave' });
  });

  it('ignores commands before the participant joined', () => {
    const el = mount({ 'room-url': 'http://meet.test/room/r-1?secret=s' });
    const post = vi.mocked(parts(el).iframe.contentWindow!.postMessage);
    fromFrame(el, { event: 'ready' }, 'http://meet.test');
    post.mockClear();
    el.endMeeting();
    el.leaveRoom();
    expect(post).not.toHaveBeenCalled();
  });

  it('off removes listeners', () => {
    const el = mount({ 'room-url': 'http://meet.test/room/r-1?secret=s' });
    const cb = vi.fn();
    el.on('closed', cb).off('closed', cb);
    fromFrame(el, { event: 'ready' }, 'http://meet.test');
    fromFrame(el, { event: 'closed', payload: {} }, 'http://meet.test');
    expect(cb).not.toHaveBeenCalled();
  });

  it('shows the timeout overlay when the meeting never says ready, and an error without a URL', () => {
    vi.useFakeTimers();
    const el = mount({ 'room-url': 'http://meet.test/room/r-1?secret=s' });
    expect(parts(el).overlay.classList.contains('visible')).toBe(false);
    vi.advanceTimersByTime(LOADING_TIMEOUT_MS + 1);
    expect(parts(el).overlay.classList.contains('visible')).toBe(true);
    expect(parts(el).overlay.textContent).toBe('Loading timed out');
    const failing = mount({ 'room-url': 'http://meet.test/room/r-2?secret=s' });
    parts(failing).iframe.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(READY_GRACE_MS + 1);
    expect(parts(failing).overlay.textContent).toBe('Failed to load meeting');
    const bare = mount({});
    expect(parts(bare).overlay.textContent).toContain('room-url');
  });
});
