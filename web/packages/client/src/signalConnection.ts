import type { ClientEnvironment, WebSocketLike } from './environment';
import { SignalError } from './errors';
import { parseServerMessage, type ClientMessage, type ServerMessage } from './protocol';

const PING_INTERVAL_MS = 5000;
const REQUEST_TIMEOUT_MS = 15000;

interface Pending {
  resolve(message: ServerMessage): void;
  reject(error: Error): void;
  timer: unknown;
}

export interface SignalHandlers {
  onMessage(message: ServerMessage): void;
  onClose(code: number, reason: string): void;
}

/** One WebSocket session: JSON framing, requestId correlation and keep-alive pings. */
export class SignalConnection {
  private readonly pending = new Map<string, Pending>();
  private pingTimer: unknown;
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly socket: WebSocketLike,
    private readonly env: ClientEnvironment,
    private readonly handlers: SignalHandlers,
  ) {
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onclose = (ev) => this.handleClose(ev.code, ev.reason);
    socket.onerror = () => {
      /* close follows */
    };
    this.pingTimer = env.setInterval(() => this.send({ type: 'ping' }), PING_INTERVAL_MS);
  }

  /** Opens the socket; rejects if it closes before opening or does not open within the timeout. */
  static open(url: string, env: ClientEnvironment, handlers: SignalHandlers, timeoutMs = 10000): Promise<SignalConnection> {
    return new Promise((resolve, reject) => {
      let socket: WebSocketLike;
      try {
        socket = env.createWebSocket(url);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const timer = env.setTimeout(() => {
        socket.onopen = socket.onclose = socket.onerror = null;
        socket.close();
        reject(new SignalError('timeout', 'The signalling connection did not open in time'));
      }, timeoutMs);
      socket.onopen = () => {
        env.clearTimeout(timer);
        resolve(new SignalConnection(socket, env, handlers));
      };
      socket.onclose = (ev) => {
        env.clearTimeout(timer);
        reject(new SignalError('connect_failed', `The signalling connection closed (${ev.code})`));
      };
      socket.onerror = () => {
        /* close follows */
      };
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(message: ClientMessage): void {
    if (this.closed) return;
    try {
      this.socket.send(JSON.stringify(message));
    } catch {
      // the socket is going away; onclose handles it
    }
  }

  /** Sends a message with a fresh requestId and resolves with the server's direct answer. */
  request(message: ClientMessage, timeoutMs = REQUEST_TIMEOUT_MS): Promise<ServerMessage> {
    if (this.closed) return Promise.reject(new SignalError('closed', 'The signalling connection is closed'));
    const requestId = `r${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = this.env.setTimeout(() => {
        this.pending.delete(requestId);
        reject(new SignalError('timeout', `No answer to ${message.type}`));
      }, timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      this.send({ ...message, requestId });
    });
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.socket.onclose = null;
    this.socket.close(code, reason);
    this.handleClose(code, reason);
  }

  private receive(data: unknown): void {
    const message = parseServerMessage(data);
    if (!message) return;
    const requestId = 'requestId' in message ? message.requestId : undefined;
    if (requestId !== undefined) {
      const waiter = this.pending.get(requestId);
      if (waiter) {
        this.pending.delete(requestId);
        this.env.clearTimeout(waiter.timer);
        if (message.type === 'error') waiter.reject(new SignalError(message.code, message.message));
        else waiter.resolve(message);
        return;
      }
    }
    this.handlers.onMessage(message);
  }

  private handleClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.env.clearInterval(this.pingTimer);
    for (const [, waiter] of this.pending) {
      this.env.clearTimeout(waiter.timer);
      waiter.reject(new SignalError('closed', `The signalling connection closed (${code})`));
    }
    this.pending.clear();
    this.handlers.onClose(code, reason);
  }
}
