import { describe, expect, it } from 'vitest';
import { LEAVE_REASONS } from '@convene/client';
import { endViewButton, errorView, leaveView, tokenErrorReason } from './reasons';

describe('end view texts (contract §10.5)', () => {
  it.each([
    ['voluntary_leave', 'You Left the Meeting', 'You have successfully left the meeting'],
    ['participant_kicked', 'Kicked from Meeting', 'You were kicked from the meeting by a moderator'],
    ['meeting_ended', 'Meeting Ended', 'The meeting was ended by a moderator'],
    ['meeting_ended_by_self', 'Meeting Ended', 'You have successfully ended the meeting'],
    ['network_disconnect', 'Disconnected from Meeting', 'Connection lost due to network connectivity issues'],
    ['server_shutdown', 'Disconnected from Meeting', 'Connection lost due to server shutdown'],
    ['unknown', 'Disconnected from Meeting', 'Some unexpected error occurred, please try again later'],
  ])('%s', (reason, title, message) => {
    expect(leaveView(reason)).toEqual({ reason, title, message });
  });

  it('covers every protocol leave reason and defaults to unknown', () => {
    for (const r of LEAVE_REASONS) expect(leaveView(r).reason).toBe(r);
    expect(leaveView('bogus').reason).toBe('unknown');
    expect(leaveView(null).reason).toBe('unknown');
  });
});

describe('error view (contract §10.1)', () => {
  it('maps known reasons and falls back to internal-error', () => {
    expect(errorView('closed-room').title).toBe('Closed room');
    expect(errorView('invalid-room-secret').title).toBe('Invalid link');
    expect(errorView('missing-room-secret').message).toMatch(/Ask the moderator/);
    expect(errorView('__proto__').reason).toBe('internal-error');
    expect(errorView(null).reason).toBe('internal-error');
  });

  it('maps token errors by status', () => {
    expect(tokenErrorReason(400)).toBe('invalid-room-secret');
    expect(tokenErrorReason(401)).toBe('login');
    expect(tokenErrorReason(404)).toBe('invalid-room');
    expect(tokenErrorReason(409)).toBe('closed-room');
    expect(tokenErrorReason(500)).toBe('internal-error');
  });
});

describe('end view button', () => {
  it.each([
    ['voluntary_leave', false, 'room-1', 'Rejoin the meeting'],
    ['network_disconnect', false, 'room-1', 'Rejoin the meeting'],
    ['participant_kicked', false, 'room-1', 'Back to the room'],
    ['meeting_ended', false, 'room-1', 'Back to the room'],
    ['meeting_ended_by_self', false, 'room-1', 'Back to the room'],
    ['participant_kicked', true, 'room-1', 'Accept'],
    ['voluntary_leave', true, null, 'Accept'],
    ['voluntary_leave', false, null, null],
  ] as const)('%s (redirect or embedded: %s, room %s) → %s', (reason, takenOver, roomId, label) => {
    expect(endViewButton(reason, takenOver, roomId)).toBe(label);
  });
});
