export type ConnectionQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface QualitySample {
  /** Fraction 0..1 of packets lost over the sample window. */
  lossRatio: number;
  /** Round-trip time in ms, if known. */
  rttMs?: number;
  /** Interarrival jitter in ms, if known. */
  jitterMs?: number;
  /** Packets received (or sent) in the window; 0 means nothing flowed. */
  packets: number;
}

/** Maps one window of statistics to a quality grade (thresholds after common VoIP MOS bands). */
export function scoreQuality(sample: QualitySample): ConnectionQuality {
  if (sample.packets <= 0) return 'lost';
  const rtt = sample.rttMs ?? 0;
  const jitter = sample.jitterMs ?? 0;
  if (sample.lossRatio > 0.1 || rtt > 600 || jitter > 100) return 'poor';
  if (sample.lossRatio > 0.02 || rtt > 250 || jitter > 30) return 'good';
  return 'excellent';
}

interface Counter {
  received: number;
  lost: number;
}

/**
 * Turns successive `getStats()` reports into per-participant quality grades. Inbound RTP streams are mapped to
 * participants by their `mid`; the local participant is graded from `remote-inbound-rtp` (what the server reports
 * about our outgoing streams) and the candidate pair's round-trip time.
 */
export class QualityEstimator {
  private previousInbound = new Map<string, Counter>();
  private previousOutbound = new Map<string, { sent: number; lost: number }>();

  remote(report: Iterable<[string, Record<string, unknown>]> | RTCStatsReport, midToParticipant: ReadonlyMap<string, string>): Map<string, ConnectionQuality> {
    const perParticipant = new Map<string, { received: number; lost: number; jitter: number; rtt?: number }>();
    const current = new Map<string, Counter>();
    let rttMs: number | undefined;
    for (const [, stat] of entries(report)) {
      if (stat.type === 'candidate-pair' && stat.nominated === true && typeof stat.currentRoundTripTime === 'number') {
        rttMs = stat.currentRoundTripTime * 1000;
      }
    }
    for (const [id, stat] of entries(report)) {
      if (stat.type !== 'inbound-rtp') continue;
      const mid = typeof stat.mid === 'string' ? stat.mid : undefined;
      const participantId = mid === undefined ? undefined : midToParticipant.get(mid);
      if (!participantId) continue;
      const received = num(stat.packetsReceived);
      const lost = Math.max(0, num(stat.packetsLost));
      current.set(id, { received, lost });
      const before = this.previousInbound.get(id) ?? { received: 0, lost: 0 };
      const acc = perParticipant.get(participantId) ?? { received: 0, lost: 0, jitter: 0, rtt: rttMs };
      acc.received += Math.max(0, received - before.received);
      acc.lost += Math.max(0, lost - before.lost);
      acc.jitter = Math.max(acc.jitter, num(stat.jitter) * 1000);
      perParticipant.set(participantId, acc);
    }
    this.previousInbound = current;
    const result = new Map<string, ConnectionQuality>();
    for (const [participantId, acc] of perParticipant) {
      const total = acc.received + acc.lost;
      result.set(participantId, scoreQuality({ packets: acc.received, lossRatio: total === 0 ? 0 : acc.lost / total, jitterMs: acc.jitter, rttMs: acc.rtt }));
    }
    return result;
  }

  local(report: Iterable<[string, Record<string, unknown>]> | RTCStatsReport): ConnectionQuality {
    let sent = 0;
    let lost = 0;
    let rttMs: number | undefined;
    let jitterMs = 0;
    let sawOutbound = false;
    const current = new Map<string, { sent: number; lost: number }>();
    for (const [id, stat] of entries(report)) {
      if (stat.type === 'outbound-rtp') {
        sawOutbound = true;
        const packetsSent = num(stat.packetsSent);
        const before = this.previousOutbound.get(id);
        current.set(id, { sent: packetsSent, lost: before?.lost ?? 0 });
        sent += Math.max(0, packetsSent - (before?.sent ?? 0));
      } else if (stat.type === 'remote-inbound-rtp') {
        const packetsLost = Math.max(0, num(stat.packetsLost));
        const key = `ri:${id}`;
        const before = this.previousOutbound.get(key);
        current.set(key, { sent: 0, lost: packetsLost });
        lost += Math.max(0, packetsLost - (before?.lost ?? 0));
        if (typeof stat.roundTripTime === 'number') rttMs = Math.max(rttMs ?? 0, stat.roundTripTime * 1000);
        jitterMs = Math.max(jitterMs, num(stat.jitter) * 1000);
      } else if (stat.type === 'candidate-pair' && stat.nominated === true && typeof stat.currentRoundTripTime === 'number') {
        rttMs = Math.max(rttMs ?? 0, stat.currentRoundTripTime * 1000);
      }
    }
    this.previousOutbound = current;
    if (!sawOutbound) return 'unknown';
    const total = sent + lost;
    return scoreQuality({ packets: sent, lossRatio: total === 0 ? 0 : lost / total, rttMs, jitterMs });
  }
}

function entries(report: Iterable<[string, Record<string, unknown>]> | RTCStatsReport): Iterable<[string, Record<string, unknown>]> {
  return report as Iterable<[string, Record<string, unknown>]>;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
