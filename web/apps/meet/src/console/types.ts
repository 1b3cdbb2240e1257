// Wire shapes the console reads and writes (contract §3, §5, §7; delivery log per the console helper's API).

export type RoomStatus = 'open' | 'active_meeting' | 'closed';
export type AccessTo = 'admin' | 'admin_moderator' | 'admin_moderator_speaker';
export type MeetingPolicy = 'force' | 'when_meeting_ends' | 'fail';
export type RecordingsPolicy = 'force' | 'close' | 'fail';

export interface RoomConfig {
  chat?: { enabled: boolean };
  recording?: { enabled: boolean; allowAccessTo?: AccessTo };
  virtualBackground?: { enabled: boolean };
  e2ee?: { enabled: boolean };
}

export interface Room {
  roomId: string;
  roomName: string;
  creationDate: number;
  autoDeletionDate?: number;
  autoDeletionPolicy?: { withMeeting: MeetingPolicy; withRecordings: RecordingsPolicy };
  config: RoomConfig;
  moderatorUrl: string;
  speakerUrl: string;
  status: RoomStatus;
  meetingEndAction: 'none' | 'close' | 'delete';
}

export interface RoomOptions {
  roomName?: string;
  autoDeletionDate?: number;
  autoDeletionPolicy?: { withMeeting: 'force' | 'when_meeting_ends'; withRecordings: 'force' | 'close' };
  config?: RoomConfig;
}

export interface Recording {
  recordingId: string;
  roomId: string;
  roomName: string;
  status: string;
  filename?: string;
  startDate?: number;
  endDate?: number;
  duration?: number;
  size?: number;
}

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

export interface Theme {
  name: string;
  enabled: boolean;
  baseTheme: 'light' | 'dark';
  backgroundColor?: string;
  primaryColor?: string;
  secondaryColor?: string;
  accentColor?: string;
  surfaceColor?: string;
}

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
