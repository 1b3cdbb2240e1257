// Line icons drawn on a 24×24 grid with a 2px stroke.

const shapes: Record<string, string> = {
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z M5 11a7 7 0 0 0 14 0 M12 18v3 M8 21h8',
  'mic-off': 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z M5 11a7 7 0 0 0 14 0 M12 18v3 M8 21h8 M3 3l18 18',
  cam: 'M3 7h12v10H3z M15 10l6-3v10l-6-3',
  'cam-off': 'M3 7h12v10H3z M15 10l6-3v10l-6-3 M2 3l19 18',
  screen: 'M3 4h18v12H3z M8 20h8 M12 16v4 M12 7v6 M9 10l3-3 3 3',
  'screen-off': 'M3 4h18v12H3z M8 20h8 M12 16v4 M9 7l6 6 M15 7l-6 6',
  chat: 'M4 5h16v11H9l-5 4z',
  people: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6 M16 5.2a3 3 0 0 1 0 5.6 M18 14c2 .8 3 3 3 6',
  hand: 'M8 12V5a1.5 1.5 0 0 1 3 0v6 M11 10V3.5a1.5 1.5 0 0 1 3 0V10 M14 10V5a1.5 1.5 0 0 1 3 0v8c0 4-2.5 8-7 8-3 0-4.5-1.5-6-4l-2-3.5a1.5 1.5 0 0 1 2.5-1.5L8 15',
  smile: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M8 14s1.5 2 4 2 4-2 4-2 M9 9.5h.01 M15 9.5h.01',
  more: 'M12 5.5h.01 M12 12h.01 M12 18.5h.01',
  leave: 'M4 14c5-4.5 11-4.5 16 0l-2 3-3-1v-2.5c-2-.7-4-.7-6 0V16l-3 1z',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M12 2v3 M12 19v3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M2 12h3 M19 12h3 M4.9 19.1L7 17 M17 7l2.1-2.1',
  fullscreen: 'M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5',
  'fullscreen-exit': 'M9 4v5H4 M15 4v5h5 M9 20v-5H4 M15 20v-5h5',
  pin: 'M9 3h6l-1 6 4 4H6l4-4z M12 13v8',
  copy: 'M9 9h11v11H9z M5 15H4V4h11v1',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  close: 'M6 6l12 12 M18 6L6 18',
  send: 'M4 12l16-8-6 16-2-6z M12 14l8-10',
  record: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  shield: 'M12 3l8 3v6c0 4.5-3.5 8-8 9-4.5-1-8-4.5-8-9V6z M9 12l2 2 4-4',
  check: 'M5 12l5 5 9-10',
  block: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M5.6 5.6l12.8 12.8',
  warning: 'M12 3l10 18H2z M12 10v5 M12 18h.01',
  kick: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6 M16 9l5 5 M21 9l-5 5',
  'arrow-left': 'M19 12H5 M11 6l-6 6 6 6',
  signal: 'M4 20v-3 M9 20v-7 M14 20v-11 M19 20V5',
  image: 'M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M15.5 9.5h.01',
  blur: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 3v18 M12 7.5h4 M12 12h6 M12 16.5h4',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
  play: 'M7 4l13 8-13 8z',
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7 M20 4v7h-7',
  trash: 'M4 7h16 M10 11v6 M14 11v6 M6 7l1 13h10l1-13 M9 7V4h6v3',
};

export function Icon({ name, size = 22 }: { name: string; size?: number }) {
  const d = shapes[name] ?? shapes.warning;
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}
