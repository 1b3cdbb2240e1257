import { SignalError } from './errors';
import type { ClientMessage, ServerMessage, TrackSource } from './protocol';

export interface LocalTrack {
  source: TrackSource;
  track: MediaStreamTrack;
  muted: boolean;
  transceiver?: RTCRtpTransceiver;
  trackId?: string;
}

export type Requester = (message: ClientMessage) => Promise<ServerMessage>;

/**
 * The publisher RTCPeerConnection: the client offers, the server answers. Every change of the published set runs
 * one renegotiation; changes made while one is in flight are coalesced into exactly one follow-up offer.
 */
export class Publisher {
  readonly tracks = new Map<TrackSource, LocalTrack>();
  private running: Promise<void> | null = null;
  private dirty = false;

  constructor(
    readonly pc: RTCPeerConnection,
    private readonly request: Requester,
    private readonly changed: () => void = () => undefined,
  ) {}

  /** Publishes `track` for `source`; an already published source has its track replaced without renegotiation. */
  async publish(source: TrackSource, track: MediaStreamTrack, muted = false): Promise<LocalTrack> {
    const existing = this.tracks.get(source);
    if (existing?.transceiver) {
      await existing.transceiver.sender.replaceTrack(track);
      existing.track = track;
      track.enabled = !existing.muted;
      this.changed();
      return existing;
    }
    track.enabled = !muted;
    const reusable = this.pc
      .getTransceivers()
      .find((t) => t.direction === 'inactive' && !t.sender.track && t.receiver.track.kind === track.kind && !this.isInUse(t));
    let transceiver: RTCRtpTransceiver;
    if (reusable) {
      reusable.direction = 'sendonly';
      await reusable.sender.replaceTrack(track);
      transceiver = reusable;
    } else {
      transceiver = this.pc.addTransceiver(track, { direction: 'sendonly' });
    }
    const entry: LocalTrack = { source, track, muted, transceiver };
    this.tracks.set(source, entry);
    this.changed();
    await this.negotiate();
    return entry;
  }

  async unpublish(source: TrackSource): Promise<LocalTrack | undefined> {
    const entry = this.tracks.get(source);
    if (!entry) return undefined;
    this.tracks.delete(source);
    this.changed();
    if (entry.transceiver) {
      await entry.transceiver.sender.replaceTrack(null);
      entry.transceiver.direction = 'inactive';
    }
    await this.negotiate();
    return entry;
  }

  /** Runs (or queues) a renegotiation; resolves when the published set as of this call is acknowledged. */
  negotiate(): Promise<void> {
    this.dirty = true;
    if (!this.running) {
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  close(): void {
    this.pc.close();
  }

  private isInUse(transceiver: RTCRtpTransceiver): boolean {
    for (const entry of this.tracks.values()) if (entry.transceiver === transceiver) return true;
    return false;
  }

  private async loop(): Promise<void> {
    // Bounded: each pass consumes the dirty flag; a caller can only set it again by changing the published set.
    for (let pass = 0; this.dirty && pass < 100; pass++) {
      this.dirty = false;
      await this.negotiateOnce();
    }
  }

  private async negotiateOnce(): Promise<void> {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    const sdp = this.pc.localDescription?.sdp ?? offer.sdp ?? '';
    const tracks: { mid: string; source: TrackSource; muted?: boolean }[] = [];
    for (const entry of this.tracks.values()) {
      const mid = entry.transceiver?.mid;
      if (mid !== null && mid !== undefined) tracks.push({ mid, source: entry.source, muted: entry.muted });
    }
    let answer: ServerMessage;
    try {
      answer = await this.request({ type: 'publishOffer', sdp, tracks });
    } catch (error) {
      if (this.pc.signalingState === 'have-local-offer') {
        await this.pc.setLocalDescription({ type: 'rollback' }).catch(() => undefined);
      }
      throw error;
    }
    if (answer.type !== 'publishAnswer') throw new SignalError('bad_message', `Expected publishAnswer, got ${answer.type}`);
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    for (const assigned of answer.tracks) {
      for (const entry of this.tracks.values()) {
        if (entry.transceiver?.mid === assigned.mid) entry.trackId = assigned.trackId;
      }
    }
  }
}
