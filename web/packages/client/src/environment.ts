/** The subset of the DOM WebSocket the SDK uses, so tests can inject a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Timers, clock and factories the client uses; every one can be replaced in tests. */
export interface ClientEnvironment {
  createWebSocket(url: string): WebSocketLike;
  createPeerConnection(config: RTCConfiguration): RTCPeerConnection;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  random(): number;
}

export function browserEnvironment(): ClientEnvironment {
  return {
    createWebSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    createPeerConnection: (config) => new RTCPeerConnection(config),
    now: () => Date.now(),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
    setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
    clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>),
    random: () => Math.random(),
  };
}
