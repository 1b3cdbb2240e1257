import { isLeaveReason, type LeaveReason } from '@convene/client';
import { errorTexts, leaveTexts, texts, type ErrorReason } from '../texts';

export function leaveView(reason: string | null): { reason: LeaveReason; title: string; message: string } {
  const r: LeaveReason = isLeaveReason(reason) ? reason : 'unknown';
  return { reason: r, ...leaveTexts[r] };
}

/**
 * The end view's button (#back-btn): "Accept" when a leave redirect or an embedding page takes over; otherwise back into
 * the room — worded as a rejoin only when leaving was not someone else's decision. Null: no button (no room to go to).
 */
export function endViewButton(reason: LeaveReason, takenOver: boolean, roomId: string | null): string | null {
  if (takenOver) return texts.endView.accept;
  if (!roomId) return null;
  return reason === 'participant_kicked' || reason === 'meeting_ended' || reason === 'meeting_ended_by_self' ? texts.endView.backToRoom : texts.endView.rejoin;
}

export function isErrorReason(value: string | null): value is ErrorReason {
  return value !== null && Object.prototype.hasOwnProperty.call(errorTexts, value);
}

export function errorView(reason: string | null): { reason: ErrorReason; title: string; message: string } {
  const r: ErrorReason = isErrorReason(reason) ? reason : 'internal-error';
  return { reason: r, ...errorTexts[r] };
}

/** Contract §10.1: token errors → error view reason (401 means a login is needed and is reported separately). */
export function tokenErrorReason(status: number): ErrorReason | 'login' {
  switch (status) {
    case 400:
      return 'invalid-room-secret';
    case 401:
      return 'login';
    case 404:
      return 'invalid-room';
    case 409:
      return 'closed-room';
    case 422:
      return 'invalid-room';
    default:
      return 'internal-error';
  }
}
