import type { ConnectionQuality } from './quality';
import type {
  ChatMessage,
  LeaveReason,
  ParticipantInfo,
  RecordingState,
  Role,
  RoomConfig,
  TrackSource,
} from './protocol';
import type { RemoteTrack } from './subscriber';
import type { SubscribedTrackMapping } from './protocol';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface MeetingEvents {
  participantJoined: (participant: ParticipantInfo) => void;
  participantLeft: (participant: ParticipantInfo, reason: LeaveReason) => void;
  participantUpdated: (participant: ParticipantInfo) => void;
  trackSubscribed: (track: RemoteTrack) => void;
  trackUnsubscribed: (track: SubscribedTrackMapping) => void;
  trackMuted: (event: { participantId: string; trackId: string; muted: boolean }) => void;
  localTracksChanged: (sources: TrackSource[]) => void;
  activeSpeakers: (speakers: { participantId: string; level: number }[]) => void;
  chat: (message: Omit<ChatMessage, 'type'>) => void;
  reaction: (event: { participantId: string; emoji: string }) => void;
  roleChanged: (event: { participantId: string; role: Role; secret?: string; isSelf: boolean }) => void;
  roomConfigUpdated: (config: RoomConfig) => void;
  recordingStatus: (event: { status: RecordingState; recordingId?: string; startedAt?: number }) => void;
  connectionStateChanged: (state: ConnectionState) => void;
  connectionQuality: (quality: Map<string, ConnectionQuality>) => void;
  error: (error: Error) => void;
  left: (reason: LeaveReason) => void;
}
