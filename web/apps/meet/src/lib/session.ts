// Per-tab storage of room secrets and the member token (contract §4.1: sessionStorage), and the last display name.

const secretKey = (roomId: string) => `convene-secret-${roomId}`;
const tokenKey = 'convene-roomMemberToken';
const nameKey = 'convene-displayName';
const layoutKey = 'convene-layout';
const themeKey = 'convene-theme';

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export const session = {
  secret: (roomId: string) => safe(() => sessionStorage.getItem(secretKey(roomId)), null),
  setSecret: (roomId: string, secret: string) => safe(() => sessionStorage.setItem(secretKey(roomId), secret), undefined),
  token: () => safe(() => sessionStorage.getItem(tokenKey), null),
  setToken: (token: string) => safe(() => sessionStorage.setItem(tokenKey, token), undefined),
  lastName: () => safe(() => localStorage.getItem(nameKey), null),
  setLastName: (name: string) => safe(() => localStorage.setItem(nameKey, name), undefined),
  layout: (): { mode: 'mosaic' | 'smart'; max: number } | null =>
    safe(() => {
      const raw = localStorage.getItem(layoutKey);
      if (!raw) return null;
      const v = JSON.parse(raw) as { mode?: unknown; max?: unknown };
      const mode = v.mode === 'mosaic' ? 'mosaic' : 'smart';
      const max = typeof v.max === 'number' && v.max >= 1 && v.max <= 6 ? Math.round(v.max) : 4;
      return { mode, max };
    }, null),
  setLayout: (layout: { mode: 'mosaic' | 'smart'; max: number }) => safe(() => localStorage.setItem(layoutKey, JSON.stringify(layout)), undefined),
  theme: (): 'light' | 'dark' | null => safe(() => {
    const v = localStorage.getItem(themeKey);
    return v === 'light' || v === 'dark' ? v : null;
  }, null),
  setTheme: (theme: 'light' | 'dark') => safe(() => localStorage.setItem(themeKey, theme), undefined),
};

const redirectKey = 'convene-leave-redirect';
const lastRoomKey = 'convene-last-room';

export const exitInfo = {
  set(roomId: string, redirect: string | null) {
    safe(() => {
      sessionStorage.setItem(lastRoomKey, roomId);
      if (redirect) sessionStorage.setItem(redirectKey, redirect);
      else sessionStorage.removeItem(redirectKey);
    }, undefined);
  },
  get(): { roomId: string | null; redirect: string | null } {
    return {
      roomId: safe(() => sessionStorage.getItem(lastRoomKey), null),
      redirect: safe(() => sessionStorage.getItem(redirectKey), null),
    };
  },
};
