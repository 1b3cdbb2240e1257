import { describe, expect, it } from 'vitest';
import { SpeakerHistory, gridShape } from './layout';

describe('SpeakerHistory', () => {
  it('counts a speaker only after 2 s above the threshold', () => {
    const h = new SpeakerHistory();
    const order = ['a', 'b', 'c', 'd'];
    h.update([{ participantId: 'd', level: 0.5 }], 0);
    h.update([{ participantId: 'd', level: 0.5 }], 1500);
    expect(h.select(order, 2).visible).toEqual(['a', 'b']);
    h.update([{ participantId: 'd', level: 0.5 }], 2100);
    expect(h.select(order, 2)).toEqual({ visible: ['a', 'd'], hidden: 2 });
  });

  it('ignores quiet levels and restarts the run after the grace period', () => {
    const h = new SpeakerHistory();
    h.update([{ participantId: 'c', level: 0.05 }], 0);
    h.update([{ participantId: 'c', level: 0.05 }], 5000);
    expect(h.select(['a', 'b', 'c'], 2).visible).toEqual(['a', 'b']);
    h.update([{ participantId: 'c', level: 0.3 }], 10000);
    h.update([{ participantId: 'c', level: 0.3 }], 14000);
    h.update([{ participantId: 'c', level: 0.3 }], 15000);
    expect(h.select(['a', 'b', 'c'], 2).visible).toEqual(['a', 'b']);
    h.update([{ participantId: 'c', level: 0.3 }], 16500);
    expect(h.select(['a', 'b', 'c'], 2).visible).toEqual(['a', 'c']);
  });

  it('orders by recency and always keeps the given ids', () => {
    const h = new SpeakerHistory();
    for (const [id, t] of [['b', 0], ['c', 10000]] as const) {
      h.update([{ participantId: id, level: 1 }], t);
      h.update([{ participantId: id, level: 1 }], t + 2000);
    }
    expect(h.select(['a', 'b', 'c', 'd'], 1).visible).toEqual(['c']);
    expect(h.select(['a', 'b', 'c', 'd'], 2, ['d']).visible).toEqual(['c', 'd']);
    h.forget('c');
    expect(h.select(['a', 'b', 'c', 'd'], 1).visible).toEqual(['b']);
  });
});

describe('gridShape', () => {
  it.each([
    [1, 1280, 720, 1, 1],
    [2, 1280, 720, 2, 1],
    [4, 1280, 720, 2, 2],
    [6, 1280, 720, 3, 2],
    [2, 390, 700, 1, 2],
    [0, 100, 100, 1, 1],
  ])('%i tiles in %ix%i → %i×%i', (n, w, h, cols, rows) => {
    expect(gridShape(n, w, h)).toEqual({ cols, rows });
  });
});
