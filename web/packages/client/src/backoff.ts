/** Exponential backoff with full jitter: attempt 0 → up to `baseMs`, doubling up to `maxMs`. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 300, maxMs = 4000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 16)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
