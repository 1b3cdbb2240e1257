// Wire shapes the console reads and writes (contract §3, §5, §7; delivery log per the console helper's API). Shapes the
// meeting app reads too come from @convene/client, so the two cannot drift apart.
import type { MeetRecording, MeetRoom, RecordingAccess, RoomConfig, RoomStatus, ThemeColors } from '@convene/client';

export type { RoomConfig, RoomStatus };

export type AccessTo = RecordingAccess;
export type MeetingPolicy = 'force' | 'when_meeting_ends' | 'fail';
export type RecordingsPolicy = 'force' | 'close' | 'fail';

/** The console's view of a room: the meeting app's, plus what only administrators see. */
export interface Room extends MeetRoom {
  creationDate: number;
  autoDeletionDate?: number;
  autoDeletionPolicy?: { withMeeting: MeetingPolicy; withRecordings: RecordingsPolicy };
  moderatorUrl: string;
  meetingEndAction: 'none' | 'close' | 'delete';
}

export interface RoomOptions {
  roomName?: string;
  autoDeletionDate?: number;
  autoDeletionPolicy?: { withMeeting: 'force' | 'when_meeting_ends'; withRecordings: 'force' | 'close' };
  config?: RoomConfig;
}

export type Recording = MeetRecording;

export interface Pagination {
  isTruncated: boolean;
  nextPageToken?: string;
  maxItems: number;
}

export interface Analytics {
  totalRooms: number;
  activeRooms: number;
  totalRecordings: number;
  completeRecordings: number;
}

export interface ApiKey {
  key: string;
  creationDate: number;
}

export interface WebhooksConfig {
  enabled: boolean;
  url?: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  event: string;
  roomId?: string;
  status: string;
  attempts: number;
  lastStatusCode?: number;
  lastError?: string;
  createdAt: number;
  lastAttemptAt?: number;
  deliveredAt?: number;
}

export type Theme = ThemeColors;

export interface DeleteOutcome {
  roomId?: string;
  successCode: string;
  message: string;
  room?: Room;
}

export interface ListQuery {
  search?: string;
  status?: string;
  sortField?: string;
  sortOrder?: 'asc' | 'desc';
  maxItems?: number;
  nextPageToken?: string;
}
