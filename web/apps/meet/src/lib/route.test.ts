import { describe, expect, it } from 'vitest';
import { matchRoute, readRoomLink, stripSecrets } from './route';

describe('matchRoute', () => {
  it.each([
    ['/room/my_room-abc', '', { name: 'room', roomId: 'my_room-abc' }],
    ['/room/my_room-abc/', '?secret=x', { name: 'room', roomId: 'my_room-abc' }],
    ['/room/r1/recordings', '', { name: 'roomRecordings', roomId: 'r1' }],
    ['/recording/r1--EG_1--abc', '?secret=s', { name: 'recording', recordingId: 'r1--EG_1--abc' }],
    ['/disconnected', '?reason=participant_kicked', { name: 'disconnected', reason: 'participant_kicked' }],
    ['/error', '?reason=closed-room', { name: 'error', reason: 'closed-room' }],
    ['/', '', { name: 'home' }],
    ['/nope/deeper', '', { name: 'notFound' }],
    ['/login', '?redirectTo=%2Frooms', { name: 'login' }],
    ['/console', '', { name: 'console', page: 'overview' }],
    ['/overview', '', { name: 'console', page: 'overview' }],
    ['/rooms', '', { name: 'console', page: 'rooms' }],
    ['/console/rooms/new', '', { name: 'console', page: 'roomNew' }],
    ['/rooms/r_1-x/edit', '', { name: 'console', page: 'roomEdit', roomId: 'r_1-x' }],
    ['/recordings', '', { name: 'console', page: 'recordings' }],
    ['/embedded', '', { name: 'console', page: 'embedded' }],
    ['/users-permissions', '', { name: 'console', page: 'users' }],
    ['/console/config', '', { name: 'console', page: 'config' }],
    ['/consoles', '', { name: 'notFound' }],
  ])('%s%s', (path, search, expected) => {
    expect(matchRoute(path, search)).toEqual(expected);
  });
});

describe('room link', () => {
  it('reads the query and falls back to the stored secret', () => {
    expect(readRoomLink('?secret=abc&participant-name=Ann&leave-redirect-url=%2Fbye', null)).toEqual({
      secret: 'abc',
      participantName: 'Ann',
      leaveRedirectUrl: '/bye',
      showOnlyRecordings: false,
      e2eeKey: null,
    });
    expect(readRoomLink('?participant-name=Ann', 'stored').secret).toBe('stored');
    expect(readRoomLink('', null).secret).toBeNull();
  });

  it('strips the secret and e2ee key but keeps the rest', () => {
    expect(stripSecrets('?secret=abc&participant-name=Ann&e2ee-key=k')).toBe('?participant-name=Ann');
    expect(stripSecrets('?secret=abc')).toBe('');
  });
});
