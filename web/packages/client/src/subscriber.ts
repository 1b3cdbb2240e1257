import type { SubscribeOfferMessage, SubscribedTrackMapping } from './protocol';

export interface RemoteTrack extends SubscribedTrackMapping {
  track: MediaStreamTrack;
}

export interface SubscriberHandlers {
  sendAnswer(sdp: string): void;
  subscribed(track: RemoteTrack): void;
  unsubscribed(track: SubscribedTrackMapping): void;
  failed(error: unknown): void;
}

/**
 * The subscriber RTCPeerConnection: the server offers, the client answers. Offers are applied strictly in order;
 * after each one the mid → remote-track table is diffed to report tracks that appeared or went away.
 */
export class Subscriber {
  private readonly byMid = new Map<string, SubscribedTrackMapping>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly pc: RTCPeerConnection,
    private readonly handlers: SubscriberHandlers,
  ) {}

  /** mid → participantId, for statistics. */
  get participantsByMid(): Map<string, string> {
    const map = new Map<string, string>();
    for (const [mid, m] of this.byMid) map.set(mid, m.participantId);
    return map;
  }

  get current(): SubscribedTrackMapping[] {
    return [...this.byMid.values()];
  }

  handleOffer(message: SubscribeOfferMessage): Promise<void> {
    this.queue = this.queue.then(() => this.apply(message)).catch((error: unknown) => this.handlers.failed(error));
    return this.queue;
  }

  close(): void {
    this.pc.close();
  }

  private async apply(message: SubscribeOfferMessage): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp: message.sdp });
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    this.handlers.sendAnswer(this.pc.localDescription?.sdp ?? answer.sdp ?? '');

    const next = new Map<string, SubscribedTrackMapping>();
    for (const mapping of message.tracks) next.set(mapping.mid, mapping);
    for (const [mid, old] of this.byMid) {
      const now = next.get(mid);
      if (!now || now.trackId !== old.trackId) {
        this.byMid.delete(mid);
        this.handlers.unsubscribed(old);
      }
    }
    const transceivers = this.pc.getTransceivers();
    for (const [mid, mapping] of next) {
      if (this.byMid.get(mid)?.trackId === mapping.trackId) continue;
      const transceiver = transceivers.find((t) => t.mid === mid);
      if (!transceiver) continue;
      this.byMid.set(mid, mapping);
      this.handlers.subscribed({ ...mapping, track: transceiver.receiver.track });
    }
  }
}
