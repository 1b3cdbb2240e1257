import type { ClientEnvironment, WebSocketLike } from '../src/environment';

export class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly sent: Record<string, unknown>[] = [];
  closedWith: number | undefined;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  receiveRaw(data: unknown): void {
    this.onmessage?.({ data });
  }

  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }

  sentOfType(type: string): Record<string, unknown>[] {
    return this.sent.filter((m) => m.type === type);
  }

  last(type: string): Record<string, unknown> {
    const all = this.sentOfType(type);
    const found = all[all.length - 1];
    if (!found) throw new Error(`nothing of type ${type} sent; sent: ${this.sent.map((m) => m.type).join(',')}`);
    return found;
  }
}

export class FakeTrack {
  enabled = true;
  stopped = false;
  private readonly listeners = new Map<string, (() => void)[]>();
  constructor(
    readonly kind: 'audio' | 'video',
    readonly id: string = `${kind}-${Math.floor(Math.random() * 1e9)}`,
  ) {}
  stop(): void {
    this.stopped = true;
  }
  addEventListener(type: string, fn: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  fire(type: string): void {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
}

export class FakeTransceiver {
  mid: string | null = null;
  readonly sender: { track: FakeTrack | null; replaceTrack(t: FakeTrack | null): Promise<void> };
  readonly receiver: { track: FakeTrack };
  constructor(
    public direction: string,
    kind: 'audio' | 'video',
    track: FakeTrack | null,
  ) {
    const sender = {
      track,
      replaceTrack: (t: FakeTrack | null) => {
        sender.track = t;
        return Promise.resolve();
      },
    };
    this.sender = sender;
    this.receiver = { track: new FakeTrack(kind, `remote-${kind}-${Math.floor(Math.random() * 1e9)}`) };
  }
}

/** Enough of RTCPeerConnection for the SDK's state logic; SDP is a list of `m=<kind>` + `a=mid:<mid>` lines. */
export class FakePeerConnection extends EventTarget {
  static all: FakePeerConnection[] = [];
  readonly transceivers: FakeTransceiver[] = [];
  signalingState: RTCSignalingState = 'stable';
  connectionState: RTCPeerConnectionState = 'new';
  localDescription: { type: string; sdp: string } | null = null;
  remoteDescription: { type: string; sdp: string } | null = null;
  closed = false;
  offers = 0;
  stats = new Map<string, Record<string, unknown>>();
  private nextMid = 0;

  constructor() {
    super();
    FakePeerConnection.all.push(this);
  }

  addTransceiver(track: FakeTrack, init: { direction: string }): FakeTransceiver {
    const t = new FakeTransceiver(init.direction, track.kind, track);
    this.transceivers.push(t);
    return t;
  }

  getTransceivers(): FakeTransceiver[] {
    return [...this.transceivers];
  }

  createOffer(): Promise<{ type: 'offer'; sdp: string }> {
    this.offers++;
    return Promise.resolve({ type: 'offer', sdp: `offer-${this.offers}` });
  }

  createAnswer(): Promise<{ type: 'answer'; sdp: string }> {
    return Promise.resolve({ type: 'answer', sdp: `answer-to-${this.remoteDescription?.sdp.length ?? 0}` });
  }

  setLocalDescription(desc: { type: string; sdp?: string }): Promise<void> {
    if (desc.type === 'rollback') {
      this.signalingState = 'stable';
      return Promise.resolve();
    }
    if (desc.type === 'offer') {
      for (const t of this.transceivers) if (t.mid === null) t.mid = String(this.nextMid++);
      this.signalingState = 'have-local-offer';
    } else {
      this.signalingState = 'stable';
    }
    this.localDescription = { type: desc.type, sdp: desc.sdp ?? '' };
    return Promise.resolve();
  }

  setRemoteDescription(desc: { type: string; sdp: string }): Promise<void> {
    this.remoteDescription = { type: desc.type, sdp: desc.sdp };
    if (desc.type === 'offer') {
      let kind: 'audio' | 'video' = 'audio';
      for (const line of desc.sdp.split(/\r?\n/)) {
        if (line.startsWith('m=')) kind = line.slice(2).startsWith('video') ? 'video' : 'audio';
        if (line.startsWith('a=mid:')) {
          const mid = line.slice(6);
          if (!this.transceivers.some((t) => t.mid === mid)) {
            const t = new FakeTransceiver('recvonly', kind, null);
            t.mid = mid;
            this.transceivers.push(t);
          }
        }
      }
      this.signalingState = 'have-remote-offer';
    } else {
      this.signalingState = 'stable';
    }
    return Promise.resolve();
  }

  getStats(): Promise<Map<string, Record<string, unknown>>> {
    return Promise.resolve(this.stats);
  }

  close(): void {
    this.closed = true;
    this.signalingState = 'closed';
  }

  failIce(): void {
    this.connectionState = 'failed';
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

export interface FakeWorld {
  sockets: FakeWebSocket[];
  env: Partial<ClientEnvironment>;
  socket(index?: number): FakeWebSocket;
}

export function fakeWorld(): FakeWorld {
  const sockets: FakeWebSocket[] = [];
  FakePeerConnection.all = [];
  return {
    sockets,
    env: {
      createWebSocket: (url) => {
        const s = new FakeWebSocket(url);
        sockets.push(s);
        return s;
      },
      createPeerConnection: () => new FakePeerConnection() as unknown as RTCPeerConnection,
      random: () => 0.5,
    },
    socket(index = sockets.length - 1) {
      const s = sockets[index];
      if (!s) throw new Error(`no socket ${index}`);
      return s;
    },
  };
}

export function participant(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { participantId: id, name: id, role: 'speaker', joinedAt: 1, handRaisedAt: null, isOriginalModerator: false, tracks: [], ...extra };
}

export function joinedMessage(requestId: unknown, self = 'me', others: string[] = [], departureTimeoutMs = 20000): object {
  return {
    type: 'joined',
    requestId,
    self: participant(self, { role: 'moderator', isOriginalModerator: true }),
    participants: others.map((o) => participant(o)),
    room: { roomId: 'room-1', roomName: 'Room 1', config: { chat: { enabled: true } } },
    meeting: { startedAt: 1, recording: false },
    departureTimeoutMs,
  };
}

/** Lets pending promise callbacks run (several hops of awaits). */
export async function flush(times = 20): Promise<void> {
  for (let i = 0; i < times; i++) await Promise.resolve();
}
