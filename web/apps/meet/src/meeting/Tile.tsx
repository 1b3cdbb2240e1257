import type { ConnectionQuality, ParticipantInfo } from '@convene/client';
import { texts } from '../texts';
import { Icon } from './Icon';
import { VideoView } from './VideoView';
import { initials } from '../views/DeviceView';

export interface TileModel {
  key: string;
  participant: ParticipantInfo;
  isSelf: boolean;
  kind: 'camera' | 'screen';
  video: MediaStreamTrack | null;
  micMuted: boolean;
  speaking: boolean;
  quality: ConnectionQuality;
}

const qualityBars: Record<ConnectionQuality, number> = { excellent: 4, good: 3, poor: 1, lost: 0, unknown: 4 };

export function Tile({ tile, pinned, onPin, featured }: { tile: TileModel; pinned: boolean; onPin(): void; featured?: boolean }) {
  const name = tile.isSelf ? `${tile.participant.name}${texts.meeting.youSuffix}` : tile.participant.name;
  const label = tile.kind === 'screen' ? texts.meeting.presenting(tile.participant.name) : name;
  const bars = qualityBars[tile.quality];
  return (
    <figure
      className={`tile ${tile.speaking ? 'speaking' : ''} ${tile.kind === 'screen' ? 'tile-screen' : ''} ${featured ? 'tile-featured' : ''}`}
      data-participant-id={tile.participant.participantId}
      data-kind={tile.kind}
      aria-label={label}
    >
      {tile.video ? (
        <VideoView track={tile.video} mirrored={tile.isSelf && tile.kind === 'camera'} label={label} fit={tile.kind === 'screen' ? 'contain' : 'cover'} />
      ) : (
        <div className="tile-avatar">
          <div className="avatar" aria-hidden="true">{initials(tile.participant.name)}</div>
        </div>
      )}
      <figcaption className="tile-caption">
        {tile.kind === 'camera' && tile.participant.role === 'moderator' && (
          <span className="badge-icon" title={texts.meeting.moderator} aria-label={texts.meeting.moderator}>
            <Icon name="shield" size={14} />
          </span>
        )}
        {tile.kind === 'camera' && tile.micMuted && (
          <span className="badge-icon badge-muted" title={texts.meeting.muted} aria-label={texts.meeting.muted}>
            <Icon name="mic-off" size={14} />
          </span>
        )}
        <span className="tile-name">{label}</span>
      </figcaption>
      {tile.kind === 'camera' && tile.participant.handRaisedAt !== null && (
        <span className="tile-hand" role="img" aria-label={texts.meeting.handRaised} title={texts.meeting.handRaised}>
          <Icon name="hand" size={18} />
        </span>
      )}
      <span className={`tile-quality q-${tile.quality}`} role="img" aria-label={texts.meeting.quality[tile.quality]} title={texts.meeting.quality[tile.quality]}>
        {[1, 2, 3, 4].map((b) => (
          <i key={b} className={b <= bars ? 'on' : ''} style={{ height: `${b * 3 + 2}px` }} />
        ))}
      </span>
      <button type="button" className={`tile-pin ${pinned ? 'active' : ''}`} onClick={onPin} aria-pressed={pinned} aria-label={`${pinned ? texts.meeting.unpin : texts.meeting.pin} ${label}`} title={pinned ? texts.meeting.unpin : texts.meeting.pin}>
        <Icon name="pin" size={16} />
      </button>
    </figure>
  );
}
