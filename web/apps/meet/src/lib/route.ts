export type Route =
  | { name: 'room'; roomId: string }
  | { name: 'roomRecordings'; roomId: string }
  | { name: 'recording'; recordingId: string }
  | { name: 'disconnected'; reason: string | null }
  | { name: 'error'; reason: string | null }
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'console'; page: ConsolePage; roomId?: string }
  | { name: 'notFound' };

export type ConsolePage = 'overview' | 'rooms' | 'roomNew' | 'roomEdit' | 'recordings' | 'embedded' | 'users' | 'config';

const consolePages: Record<string, ConsolePage> = {
  overview: 'overview',
  rooms: 'rooms',
  'rooms/new': 'roomNew',
  recordings: 'recordings',
  embedded: 'embedded',
  'users-permissions': 'users',
  config: 'config',
};

/** Console pages live at the contract's paths (§10.1: `/overview`, `/rooms`, …), also reachable under `/console/`. */
function matchConsole(path: string): Route | null {
  const rest = path.replace(/^\/console(?=\/|$)/, '').replace(/^\//, '');
  if (rest === '') return path.startsWith('/console') ? { name: 'console', page: 'overview' } : null;
  const page = consolePages[rest];
  if (page) return { name: 'console', page };
  const m = /^rooms\/([^/]+)\/edit$/.exec(rest);
  if (m?.[1]) return { name: 'console', page: 'roomEdit', roomId: decodeURIComponent(m[1]) };
  return null;
}

/** Maps a location (pathname + search) to one of the app's routes. */
export function matchRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const path = pathname.replace(/\/+$/, '') || '/';
  let m = /^\/room\/([^/]+)\/recordings$/.exec(path);
  if (m?.[1]) return { name: 'roomRecordings', roomId: decodeURIComponent(m[1]) };
  m = /^\/room\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'room', roomId: decodeURIComponent(m[1]) };
  m = /^\/recording\/([^/]+)$/.exec(path);
  if (m?.[1]) return { name: 'recording', recordingId: decodeURIComponent(m[1]) };
  if (path === '/disconnected') return { name: 'disconnected', reason: params.get('reason') };
  if (path === '/error') return { name: 'error', reason: params.get('reason') };
  if (path === '/login') return { name: 'login' };
  const consoleRoute = matchConsole(path);
  if (consoleRoute) return consoleRoute;
  if (path === '/') return { name: 'home' };
  return { name: 'notFound' };
}

export interface RoomLinkParams {
  secret: string | null;
  participantName: string | null;
  leaveRedirectUrl: string | null;
  showOnlyRecordings: boolean;
  e2eeKey: string | null;
}

/** Reads the room link's query; `stored` is the session storage fallback for the secret after it was stripped. */
export function readRoomLink(search: string, storedSecret: string | null): RoomLinkParams {
  const p = new URLSearchParams(search);
  return {
    secret: p.get('secret') || storedSecret,
    participantName: p.get('participant-name'),
    leaveRedirectUrl: p.get('leave-redirect-url'),
    showOnlyRecordings: p.get('show-only-recordings') === 'true',
    e2eeKey: p.get('e2ee-key'),
  };
}

/** The query without the secrets (they stay in session storage only). */
export function stripSecrets(search: string): string {
  const p = new URLSearchParams(search);
  p.delete('secret');
  p.delete('e2ee-key');
  const rest = p.toString();
  return rest ? `?${rest}` : '';
}
