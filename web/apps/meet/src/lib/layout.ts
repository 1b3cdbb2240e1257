export const SPEECH_LEVEL = 0.1;
export const SPEECH_MIN_MS = 2000;
export const SPEECH_GRACE_MS = 3000;

/**
 * Smart-mosaic bookkeeping (contract §10.4): a participant counts as an active speaker once they have been above
 * level 0.1 for 2 s (gaps shorter than the 3 s grace do not reset the run); the most recent active speakers win.
 */
export class SpeakerHistory {
  private readonly runStart = new Map<string, number>();
  private readonly lastHeard = new Map<string, number>();
  private readonly lastActive = new Map<string, number>();

  update(speakers: readonly { participantId: string; level: number }[], now: number): void {
    for (const { participantId, level } of speakers) {
      if (level < SPEECH_LEVEL) continue;
      const heard = this.lastHeard.get(participantId);
      if (heard === undefined || now - heard > SPEECH_GRACE_MS || !this.runStart.has(participantId)) this.runStart.set(participantId, now);
      this.lastHeard.set(participantId, now);
      const start = this.runStart.get(participantId) ?? now;
      if (now - start >= SPEECH_MIN_MS) this.lastActive.set(participantId, now);
    }
    for (const [id, heard] of this.lastHeard) {
      if (now - heard > SPEECH_GRACE_MS) this.runStart.delete(id);
    }
  }

  forget(participantId: string): void {
    this.runStart.delete(participantId);
    this.lastHeard.delete(participantId);
    this.lastActive.delete(participantId);
  }

  /**
   * Picks at most `max` participants to show: pinned and screen sharers first, then the most recent active speakers,
   * then the rest in the given (join) order. Returns the visible ids in display order and how many are hidden.
   */
  select(ordered: readonly string[], max: number, always: readonly string[] = []): { visible: string[]; hidden: number } {
    const limit = Math.max(1, max);
    const chosen = new Set<string>();
    for (const id of always) if (ordered.includes(id) && chosen.size < limit) chosen.add(id);
    const bySpeech = [...ordered].filter((id) => this.lastActive.has(id)).sort((a, b) => (this.lastActive.get(b) ?? 0) - (this.lastActive.get(a) ?? 0));
    for (const id of bySpeech) if (chosen.size < limit) chosen.add(id);
    for (const id of ordered) if (chosen.size < limit) chosen.add(id);
    const visible = ordered.filter((id) => chosen.has(id));
    return { visible, hidden: ordered.length - visible.length };
  }
}

/** Columns and rows that give the largest 16:9 tiles for `count` tiles in a `width`×`height` area. */
export function gridShape(count: number, width: number, height: number, gap = 8): { cols: number; rows: number } {
  if (count <= 0) return { cols: 1, rows: 1 };
  let best = { cols: 1, rows: count, size: 0 };
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const w = (width - gap * (cols - 1)) / cols;
    const h = (height - gap * (rows - 1)) / rows;
    const tileW = Math.min(w, (h * 16) / 9);
    if (tileW > best.size) best = { cols, rows, size: tileW };
  }
  return { cols: best.cols, rows: best.rows };
}
