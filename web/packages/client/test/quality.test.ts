import { describe, expect, it } from 'vitest';
import { QualityEstimator, scoreQuality } from '../src/quality';
import { backoffDelay } from '../src/backoff';

describe('scoreQuality', () => {
  it.each([
    [{ packets: 100, lossRatio: 0, rttMs: 20, jitterMs: 3 }, 'excellent'],
    [{ packets: 100, lossRatio: 0.05, rttMs: 20 }, 'good'],
    [{ packets: 100, lossRatio: 0, rttMs: 300 }, 'good'],
    [{ packets: 100, lossRatio: 0.2 }, 'poor'],
    [{ packets: 100, lossRatio: 0, jitterMs: 150 }, 'poor'],
    [{ packets: 0, lossRatio: 0 }, 'lost'],
  ] as const)('%o → %s', (sample, expected) => {
    expect(scoreQuality(sample)).toBe(expected);
  });
});

describe('QualityEstimator', () => {
  it('grades remote participants from inbound-rtp deltas mapped by mid', () => {
    const q = new QualityEstimator();
    const mids = new Map([
      ['0', 'bob'],
      ['1', 'carol'],
    ]);
    const first = new Map<string, Record<string, unknown>>([
      ['in0', { type: 'inbound-rtp', mid: '0', packetsReceived: 100, packetsLost: 0, jitter: 0.002 }],
      ['in1', { type: 'inbound-rtp', mid: '1', packetsReceived: 100, packetsLost: 0, jitter: 0.002 }],
    ]);
    q.remote(first, mids);
    const second = new Map<string, Record<string, unknown>>([
      ['in0', { type: 'inbound-rtp', mid: '0', packetsReceived: 200, packetsLost: 0, jitter: 0.002 }],
      ['in1', { type: 'inbound-rtp', mid: '1', packetsReceived: 150, packetsLost: 50, jitter: 0.002 }],
      ['cp', { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.01 }],
    ]);
    const result = q.remote(second, mids);
    expect(result.get('bob')).toBe('excellent');
    expect(result.get('carol')).toBe('poor');
    const third = q.remote(second, mids);
    expect(third.get('bob')).toBe('lost');
  });

  it('grades the local participant from remote-inbound-rtp', () => {
    const q = new QualityEstimator();
    expect(q.local(new Map())).toBe('unknown');
    q.local(new Map([['o', { type: 'outbound-rtp', packetsSent: 100 }], ['r', { type: 'remote-inbound-rtp', packetsLost: 0, roundTripTime: 0.02 }]]));
    const graded = q.local(new Map([['o', { type: 'outbound-rtp', packetsSent: 200 }], ['r', { type: 'remote-inbound-rtp', packetsLost: 5, roundTripTime: 0.02 }]]));
    expect(graded).toBe('good');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter and is capped', () => {
    expect(backoffDelay(0, () => 0)).toBe(150);
    expect(backoffDelay(0, () => 1)).toBe(300);
    expect(backoffDelay(3, () => 1)).toBe(2400);
    expect(backoffDelay(30, () => 1)).toBe(4000);
  });
});
