/**
 * Resolves a `leave-redirect-url` (contract §9): absolute http(s) URLs as they are, paths against `origin` (the meeting
 * page's or the embedding page's); any other scheme (javascript:, data:, …) or an unparsable value gives null.
 */
export function resolveLeaveRedirect(value: string | null, origin: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
