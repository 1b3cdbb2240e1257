import { backoffDelay } from './backoff';
import { Emitter } from './emitter';
import { browserEnvironment, type ClientEnvironment } from './environment';
import { JoinError, SignalError } from './errors';
import type { ConnectionState, MeetingEvents } from './events';
import {
  TERMINAL_CLOSE_CODES,
  isLeaveReason,
  type JoinedMessage,
  type LeaveReason,
  type ParticipantInfo,
  type RecordingState,
  type RoomConfig,
  type ServerMessage,
  type TrackSource,
} from './protocol';
import { Publisher, type LocalTrack } from './publisher';
import { QualityEstimator } from './quality';
import { SignalConnection } from './signalConnection';
import { Subscriber, type RemoteTrack } from './subscriber';

export interface MeetingClientOptions {
  environment?: Partial<ClientEnvironment>;
  rtcConfiguration?: RTCConfiguration;
  /** Called before each reconnection attempt; return a fresh token (defaults to the one given to connect). */
  refreshToken?: () => Promise<string>;
  /** How often to sample getStats for connection quality; 0 disables. */
  qualityIntervalMs?: number;
}

const JOIN_TIMEOUT_MS = 10000;
const LEAVE_GRACE_MS = 2000;
const MAX_RECONNECT_ATTEMPTS = 60;

/** A connection to one meeting over the Convene signalling protocol (docs/protocol.md). */
export class MeetingClient extends Emitter<MeetingEvents> {
  readonly participants = new Map<string, ParticipantInfo>();
  self!: ParticipantInfo;
  room!: { roomId: string; roomName: string; config: RoomConfig };
  meeting!: { startedAt: number; recording: boolean };
  recording: { status: RecordingState; startedAt?: number } | null = null;
  private readonly env: ClientEnvironment;
  private readonly remoteTracks = new Map<string, RemoteTrack>();
  private readonly quality = new QualityEstimator();
  private signal: SignalConnection | null = null;
  private publisher: Publisher | null = null;
  private subscriber: Subscriber | null = null;
  private state: ConnectionState = 'connecting';
  private departureTimeoutMs = 20000;
  private qualityTimer: unknown;
  private leftReason: LeaveReason | null = null;
  private leaveTimer: unknown;
  private reconnecting = false;

  private constructor(
    private readonly url: string,
    private token: string,
    private readonly options: MeetingClientOptions,
  ) {
    super();
    this.env = { ...browserEnvironment(), ...options.environment };
  }

  /** Opens the signalling socket, joins, and sets up both peer connections. Rejects with JoinError on refusal. */
  static async connect(url: string, token: string, options: MeetingClientOptions = {}): Promise<MeetingClient> {
    const client = new MeetingClient(url, token, options);
    await client.establish(false);
    const interval = options.qualityIntervalMs ?? 2000;
    if (interval > 0) client.qualityTimer = client.env.setInterval(() => void client.sampleQuality(), interval);
    return client;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  get localTracks(): ReadonlyMap<TrackSource, LocalTrack> {
    return this.publisher?.tracks ?? new Map();
  }

  get subscribedTracks(): RemoteTrack[] {
    return [...this.remoteTracks.values()];
  }

  publishCamera(track: MediaStreamTrack, muted = false): Promise<LocalTrack> {
    return this.publish('camera', track, muted);
  }

  publishMicrophone(track: MediaStreamTrack, muted = false): Promise<LocalTrack> {
    return this.publish('microphone', track, muted);
  }

  /**
   * Shares the screen. Without `replace`, fails if a screen is already shared; with it, swaps the shared surface in
   * place (same track id, no renegotiation). Pass a track to skip getDisplayMedia (tests, custom capture).
   */
  async publishScreen(options: { replace?: boolean; track?: MediaStreamTrack; audio?: boolean } = {}): Promise<LocalTrack> {
    const current = this.publisher?.tracks.get('screen_share');
    if (current && !options.replace) throw new SignalError('already_sharing', 'A screen is already being shared');
    let track = options.track;
    let audio: MediaStreamTrack | undefined;
    if (!track) {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: options.audio ?? false });
      track = stream.getVideoTracks()[0];
      audio = stream.getAudioTracks()[0];
      if (!track) throw new SignalError('no_track', 'The screen capture returned no video');
    }
    if (current) current.track.stop();
    const screen = track;
    screen.addEventListener('ended', () => {
      if (this.publisher?.tracks.get('screen_share')?.track === screen) void this.unpublish('screen_share');
    });
    const entry = await this.publish('screen_share', screen, false);
    if (audio) await this.publish('screen_share_audio', audio, false);
    return entry;
  }

  async unpublish(source: TrackSource): Promise<void> {
    const publisher = this.requirePublisher();
    const entry = await publisher.unpublish(source);
    entry?.track.stop();
    if (source === 'screen_share' && publisher.tracks.has('screen_share_audio')) await this.unpublish('screen_share_audio');
  }

  /** Mutes or unmutes a published source: the track stops sending media and everybody is told. */
  setMuted(source: TrackSource, muted: boolean): void {
    const entry = this.publisher?.tracks.get(source);
    if (!entry) return;
    entry.muted = muted;
    entry.track.enabled = !muted;
    if (entry.trackId) this.signal?.send({ type: 'mute', trackId: entry.trackId, muted });
    const own = this.self.tracks.find((t) => t.trackId === entry.trackId);
    if (own) own.muted = muted;
    this.emit('localTracksChanged', [...(this.publisher?.tracks.keys() ?? [])]);
  }

  async sendChat(text: string): Promise<void> {
    const trimmed = text.trim();
    if (trimmed.length === 0 || trimmed.length > 1000) throw new SignalError('bad_message', 'A chat message has 1 to 1000 characters');
    await this.requireSignal().request({ type: 'chat', text: trimmed });
  }

  async raiseHand(): Promise<void> {
    await this.requireSignal().request({ type: 'raiseHand', raised: true });
  }

  /** Lowers one's own hand, or (moderators) someone else's. */
  async lowerHand(participantId?: string): Promise<void> {
    if (participantId === undefined || participantId === this.self.participantId) {
      await this.requireSignal().request({ type: 'raiseHand', raised: false });
    } else {
      await this.requireSignal().request({ type: 'lowerHand', participantId });
    }
  }

  async react(emoji: string): Promise<void> {
    await this.requireSignal().request({ type: 'reaction', emoji });
  }

  /** Leaves voluntarily; resolves once out of the meeting (the server's `left`, or after a short grace). */
  leave(): Promise<void> {
    if (this.leftReason) return Promise.resolve();
    return new Promise((resolve) => {
      this.once('left', () => resolve());
      this.signal?.send({ type: 'leave' });
      this.leaveTimer = this.env.setTimeout(() => this.finish('voluntary_leave'), LEAVE_GRACE_MS);
      if (!this.signal) this.finish('voluntary_leave');
    });
  }

  private publish(source: TrackSource, track: MediaStreamTrack, muted: boolean): Promise<LocalTrack> {
    return this.requirePublisher().publish(source, track, muted);
  }

  private requirePublisher(): Publisher {
    if (!this.publisher || this.leftReason) throw new SignalError('not_connected', 'Not connected to the meeting');
    return this.publisher;
  }

  private requireSignal(): SignalConnection {
    if (!this.signal || this.leftReason) throw new SignalError('not_connected', 'Not connected to the meeting');
    return this.signal;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('connectionStateChanged', state);
  }

  /** Opens a socket, joins (optionally as a reconnection) and builds fresh peer connections. */
  private async establish(reconnect: boolean): Promise<void> {
    const signal = await SignalConnection.open(this.url, this.env, {
      onMessage: (m) => this.onMessage(m),
      onClose: (code) => this.onSocketClosed(signal, code),
    });
    let joined: ServerMessage;
    try {
      joined = await signal.request({ type: 'join', token: this.token, ...(reconnect ? { reconnect: true } : {}) }, JOIN_TIMEOUT_MS);
    } catch (error) {
      signal.close(1000);
      if (error instanceof SignalError) throw new JoinError(error.code, error.message);
      throw error;
    }
    if (joined.type !== 'joined') {
      signal.close(1000);
      throw new JoinError('bad_message', `Expected joined, got ${joined.type}`);
    }
    const previousTracks = this.publisher ? [...this.publisher.tracks.values()] : [];
    this.publisher?.close();
    this.subscriber?.close();
    this.signal = signal;
    this.applyJoined(joined, reconnect);
    const publisher = new Publisher(this.createPc(), (m) => signal.request(m), () => {
      if (this.publisher === publisher) this.emit('localTracksChanged', [...publisher.tracks.keys()]);
    });
    this.publisher = publisher;
    this.subscriber = new Subscriber(this.createPc(), {
      sendAnswer: (sdp) => signal.send({ type: 'subscribeAnswer', sdp }),
      subscribed: (t) => {
        this.remoteTracks.set(t.trackId, t);
        this.emit('trackSubscribed', t);
      },
      unsubscribed: (t) => {
        this.remoteTracks.delete(t.trackId);
        this.emit('trackUnsubscribed', t);
      },
      failed: (error) => this.emit('error', error instanceof Error ? error : new Error(String(error))),
    });
    this.setState('connected');
    // Republish everything at once: the publisher coalesces it into one renegotiation.
    await Promise.all(previousTracks.map((entry) => publisher.publish(entry.source, entry.track, entry.muted)));
  }

  private createPc(): RTCPeerConnection {
    const pc = this.env.createPeerConnection(this.options.rtcConfiguration ?? { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed' && (pc === this.publisher?.pc || pc === this.subscriber?.pc)) {
        // Media path broken while signalling may still look alive: start over as a reconnection.
        this.signal?.close(4000, 'ice failed');
        if (this.signal) this.onSocketClosed(this.signal, 4000);
      }
    });
    return pc;
  }

  private applyJoined(joined: JoinedMessage, reconnect: boolean): void {
    this.self = joined.self;
    this.room = joined.room;
    this.meeting = joined.meeting;
    this.departureTimeoutMs = joined.departureTimeoutMs > 0 ? joined.departureTimeoutMs : 20000;
    if (joined.meeting.recording) this.recording = { status: 'active' };
    for (const old of this.remoteTracks.values()) this.emit('trackUnsubscribed', old);
    this.remoteTracks.clear();
    const fresh = new Map(joined.participants.map((p) => [p.participantId, p]));
    if (reconnect) {
      for (const [id, old] of this.participants) if (!fresh.has(id)) {
        this.participants.delete(id);
        this.emit('participantLeft', old, 'unknown');
      }
    }
    for (const [id, p] of fresh) {
      const known = this.participants.has(id);
      this.participants.set(id, p);
      if (known) this.emit('participantUpdated', p);
      else if (reconnect) this.emit('participantJoined', p);
    }
  }

  private onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'subscribeOffer':
        void this.subscriber?.handleOffer(message);
        break;
      case 'participantJoined':
        this.participants.set(message.participant.participantId, message.participant);
        this.emit('participantJoined', message.participant);
        break;
      case 'participantUpdated':
        this.updateParticipant(message.participant);
        break;
      case 'participantLeft': {
        const p = this.participants.get(message.participantId);
        if (!p) break;
        this.participants.delete(message.participantId);
        this.emit('participantLeft', p, isLeaveReason(message.reason) ? message.reason : 'unknown');
        break;
      }
      case 'trackPublished': {
        const p = this.participants.get(message.participantId);
        if (!p) break;
        this.updateParticipant({ ...p, tracks: [...p.tracks.filter((t) => t.trackId !== message.track.trackId), message.track] });
        break;
      }
      case 'trackUnpublished': {
        const p = this.participants.get(message.participantId);
        if (!p) break;
        this.updateParticipant({ ...p, tracks: p.tracks.filter((t) => t.trackId !== message.trackId) });
        break;
      }
      case 'trackMuted': {
        const p = message.participantId === this.self.participantId ? this.self : this.participants.get(message.participantId);
        if (p) {
          const updated = { ...p, tracks: p.tracks.map((t) => (t.trackId === message.trackId ? { ...t, muted: message.muted } : t)) };
          this.updateParticipant(updated);
        }
        this.emit('trackMuted', { participantId: message.participantId, trackId: message.trackId, muted: message.muted });
        break;
      }
      case 'activeSpeakers':
        this.emit('activeSpeakers', message.speakers);
        break;
      case 'chat': {
        const { type: _type, ...chat } = message;
        this.emit('chat', chat);
        break;
      }
      case 'reaction':
        this.emit('reaction', { participantId: message.participantId, emoji: message.emoji });
        break;
      case 'roleChanged': {
        const isSelf = message.participantId === this.self.participantId;
        const p = isSelf ? this.self : this.participants.get(message.participantId);
        if (p) this.updateParticipant({ ...p, role: message.role });
        this.emit('roleChanged', { participantId: message.participantId, role: message.role, secret: message.secret, isSelf });
        break;
      }
      case 'roomConfigUpdated':
        this.room = { ...this.room, config: message.config };
        this.emit('roomConfigUpdated', message.config);
        break;
      case 'recordingStatus':
        this.recording = { status: message.status, startedAt: message.startedAt };
        this.emit('recordingStatus', { status: message.status, recordingId: message.recordingId, startedAt: message.startedAt });
        break;
      case 'left':
        this.finish(isLeaveReason(message.reason) ? message.reason : 'unknown');
        break;
      case 'error':
        this.emit('error', new SignalError(message.code, message.message));
        break;
      default:
        break;
    }
  }

  private updateParticipant(p: ParticipantInfo): void {
    if (p.participantId === this.self.participantId) {
      this.self = p;
    } else {
      this.participants.set(p.participantId, p);
    }
    this.emit('participantUpdated', p);
  }

  private onSocketClosed(signal: SignalConnection, code: number): void {
    if (signal !== this.signal || this.leftReason || this.reconnecting) return;
    if (TERMINAL_CLOSE_CODES.has(code)) {
      this.finish(code === 4404 || code === 4409 ? 'meeting_ended' : 'unknown');
      return;
    }
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    this.reconnecting = true;
    this.signal = null;
    this.setState('reconnecting');
    const deadline = this.env.now() + this.departureTimeoutMs;
    try {
      for (let attempt = 0; attempt < MAX_RECONNECT_ATTEMPTS && !this.leftReason; attempt++) {
        await new Promise<void>((resolve) => this.env.setTimeout(resolve, backoffDelay(attempt, this.env.random)));
        if (this.leftReason) return;
        if (this.env.now() > deadline) break;
        try {
          if (this.options.refreshToken) this.token = await this.options.refreshToken();
          await this.establish(true);
          return;
        } catch (error) {
          if (error instanceof JoinError && ['invalid_token', 'room_closed', 'room_not_found'].includes(error.code)) {
            this.finish(error.code === 'invalid_token' ? 'unknown' : 'meeting_ended');
            return;
          }
        }
      }
      this.finish('network_disconnect');
    } finally {
      this.reconnecting = false;
    }
  }

  private async sampleQuality(): Promise<void> {
    if (this.state !== 'connected' || !this.publisher || !this.subscriber) return;
    try {
      const [remote, local] = await Promise.all([this.subscriber.pc.getStats(), this.publisher.pc.getStats()]);
      const result = this.quality.remote(remote, this.subscriber.participantsByMid);
      result.set(this.self.participantId, this.quality.local(local));
      this.emit('connectionQuality', result);
    } catch {
      // stats are best effort
    }
  }

  private finish(reason: LeaveReason): void {
    if (this.leftReason) return;
    this.leftReason = reason;
    this.env.clearTimeout(this.leaveTimer);
    this.env.clearInterval(this.qualityTimer);
    for (const entry of this.publisher?.tracks.values() ?? []) entry.track.stop();
    this.publisher?.close();
    this.subscriber?.close();
    const signal = this.signal;
    this.signal = null;
    signal?.close(1000);
    this.setState('disconnected');
    this.emit('left', reason);
  }
}
