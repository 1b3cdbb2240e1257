// Wire types of docs/protocol.md (signalling protocol v1). Keep in step with that document.

export type Role = 'moderator' | 'speaker';
export type TrackKind = 'audio' | 'video';
export type TrackSource = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';
export type LeaveReason =
  | 'voluntary_leave'
  | 'network_disconnect'
  | 'server_shutdown'
  | 'participant_kicked'
  | 'meeting_ended'
  | 'meeting_ended_by_self'
  | 'unknown';
export type RecordingState = 'starting' | 'active' | 'ending' | 'complete' | 'failed' | 'aborted';

export const LEAVE_REASONS: readonly LeaveReason[] = [
  'voluntary_leave',
  'network_disconnect',
  'server_shutdown',
  'participant_kicked',
  'meeting_ended',
  'meeting_ended_by_self',
  'unknown',
];

export const REACTIONS = ['👍', '👏', '❤️', '😂', '😮', '🎉'] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface TrackInfo {
  trackId: string;
  kind: TrackKind;
  source: TrackSource;
  muted: boolean;
}

export interface ParticipantInfo {
  participantId: string;
  name: string;
  role: Role;
  joinedAt: number;
  handRaisedAt: number | null;
  isOriginalModerator: boolean;
  tracks: TrackInfo[];
}

/** Who may watch a room's recordings. */
export type RecordingAccess = 'admin' | 'admin_moderator' | 'admin_moderator_speaker';

export interface RoomConfig {
  chat?: { enabled: boolean };
  recording?: { enabled: boolean; allowAccessTo?: RecordingAccess };
  virtualBackground?: { enabled: boolean };
  e2ee?: { enabled: boolean };
}

export interface SubscribedTrackMapping {
  mid: string;
  trackId: string;
  participantId: string;
  kind: TrackKind;
  source: TrackSource;
}

// Client → server
export type ClientMessage =
  | { type: 'join'; token: string; reconnect?: boolean; requestId?: string }
  | { type: 'publishOffer'; sdp: string; tracks: { mid: string; source: TrackSource; muted?: boolean }[]; requestId?: string }
  | { type: 'subscribeAnswer'; sdp: string; requestId?: string }
  | { type: 'mute'; trackId: string; muted: boolean; requestId?: string }
  | { type: 'chat'; text: string; requestId?: string }
  | { type: 'raiseHand'; raised: boolean; requestId?: string }
  | { type: 'lowerHand'; participantId: string; requestId?: string }
  | { type: 'reaction'; emoji: string; requestId?: string }
  | { type: 'leave'; requestId?: string }
  | { type: 'ping'; requestId?: string };

// Server → client
export interface JoinedMessage {
  type: 'joined';
  requestId?: string;
  self: ParticipantInfo;
  participants: ParticipantInfo[];
  room: { roomId: string; roomName: string; config: RoomConfig };
  meeting: { startedAt: number; recording: boolean };
  departureTimeoutMs: number;
}

export interface PublishAnswerMessage {
  type: 'publishAnswer';
  requestId?: string;
  sdp: string;
  tracks: (TrackInfo & { mid: string })[];
}

export interface SubscribeOfferMessage {
  type: 'subscribeOffer';
  sdp: string;
  tracks: SubscribedTrackMapping[];
}

export interface ChatMessage {
  type: 'chat';
  id: string;
  participantId: string;
  name: string;
  text: string;
  sentAt: number;
}

export type ServerMessage =
  | JoinedMessage
  | PublishAnswerMessage
  | SubscribeOfferMessage
  | { type: 'participantJoined'; participant: ParticipantInfo }
  | { type: 'participantUpdated'; participant: ParticipantInfo }
  | { type: 'participantLeft'; participantId: string; reason: LeaveReason }
  | { type: 'trackPublished'; participantId: string; track: TrackInfo }
  | { type: 'trackUnpublished'; participantId: string; trackId: string }
  | { type: 'trackMuted'; participantId: string; trackId: string; muted: boolean }
  | { type: 'activeSpeakers'; speakers: { participantId: string; level: number }[] }
  | ChatMessage
  | { type: 'reaction'; participantId: string; emoji: string }
  | { type: 'roleChanged'; participantId: string; role: Role; secret?: string }
  | { type: 'roomConfigUpdated'; config: RoomConfig }
  | { type: 'recordingStatus'; status: RecordingState; recordingId?: string; startedAt?: number }
  | { type: 'left'; reason: LeaveReason }
  | { type: 'error'; code: string; message: string; requestId?: string }
  | { type: 'ok'; requestId?: string }
  | { type: 'pong'; requestId?: string };

/** Close codes after which the client must not try to reconnect. */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 1008, 4401, 4404, 4409]);

export function isLeaveReason(value: unknown): value is LeaveReason {
  return typeof value === 'string' && (LEAVE_REASONS as readonly string[]).includes(value);
}

/** Parses one text frame; returns undefined for anything that is not an object with a string `type`. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') return undefined;
  return value as ServerMessage;
}
