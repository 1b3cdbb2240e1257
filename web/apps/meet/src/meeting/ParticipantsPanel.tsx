import type { ParticipantInfo } from '@convene/client';
import { texts } from '../texts';
import { Icon } from './Icon';
import { initials } from '../views/DeviceView';
import { CopyLinkButton } from './CopyLinkButton';

interface Props {
  self: ParticipantInfo;
  others: ParticipantInfo[];
  isModerator: boolean;
  selfMicMuted: boolean;
  speakerUrl: string | null;
  onMakeModerator(p: ParticipantInfo): void;
  onRemoveModerator(p: ParticipantInfo): void;
  onKick(p: ParticipantInfo): void;
  onLowerHand(p: ParticipantInfo): void;
}

export function ParticipantsPanel(props: Props) {
  const everyone = [props.self, ...props.others];
  const raised = everyone.filter((p) => p.handRaisedAt !== null).sort((a, b) => (a.handRaisedAt ?? 0) - (b.handRaisedAt ?? 0));
  const micMuted = (p: ParticipantInfo) => p.participantId === props.self.participantId ? props.selfMicMuted : !p.tracks.some((t) => t.source === 'microphone' && !t.muted);
  return (
    <div className="participants">
      {props.isModerator && props.speakerUrl && (
        <div className="invite">
          <span className="small muted">{texts.lobby.shareHint}</span>
          <CopyLinkButton url={props.speakerUrl} />
        </div>
      )}
      {raised.length > 0 && (
        <section aria-labelledby="hands-title">
          <h3 id="hands-title" className="panel-subtitle">{texts.meeting.raisedHands} ({raised.length})</h3>
          <ol className="people-list hand-queue">
            {raised.map((p, i) => (
              <li key={p.participantId} className="person">
                <span className="queue-pos" aria-hidden="true">{i + 1}</span>
                <span className="hand-mark" aria-hidden="true"><Icon name="hand" size={16} /></span>
                <span className="person-name">{p.name}{p.participantId === props.self.participantId ? texts.meeting.youSuffix : ''}</span>
                {props.isModerator && p.participantId !== props.self.participantId && (
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => props.onLowerHand(p)} aria-label={texts.meeting.lowerHandOf(p.name)}>
                    {texts.meeting.lowerHand}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="people-title">
        <h3 id="people-title" className="panel-subtitle">{texts.meeting.inMeeting} ({everyone.length})</h3>
        <ul className="people-list">
          {everyone.map((p) => {
            const isSelf = p.participantId === props.self.participantId;
            const canAct = props.isModerator && !isSelf && !p.isOriginalModerator;
            return (
              <li key={p.participantId} className="person" data-participant-id={p.participantId}>
                <div className="avatar avatar-small" aria-hidden="true">{initials(p.name)}</div>
                <span className="person-name">
                  {p.name}
                  {isSelf && <span className="muted">{texts.meeting.youSuffix}</span>}
                </span>
                {p.role === 'moderator' && (
                  <span className="role-badge" title={texts.meeting.moderator} aria-label={texts.meeting.moderator} role="img">
                    <Icon name="shield" size={14} />
                  </span>
                )}
                {micMuted(p) && (
                  <span className="muted" aria-label={texts.meeting.muted} title={texts.meeting.muted}>
                    <Icon name="mic-off" size={16} />
                  </span>
                )}
                {canAct && (
                  <span className="person-actions">
                    {p.role === 'speaker' ? (
                      <button type="button" className="icon-btn" onClick={() => props.onMakeModerator(p)} aria-label={`${texts.meeting.makeModerator}: ${p.name}`} title={texts.meeting.makeModerator}>
                        <Icon name="shield" size={18} />
                      </button>
                    ) : (
                      <button type="button" className="icon-btn" onClick={() => props.onRemoveModerator(p)} aria-label={`${texts.meeting.removeModerator}: ${p.name}`} title={texts.meeting.removeModerator}>
                        <Icon name="people" size={18} />
                      </button>
                    )}
                    <button type="button" className="icon-btn icon-btn-danger" onClick={() => props.onKick(p)} aria-label={`${texts.meeting.kick}: ${p.name}`} title={texts.meeting.kick}>
                      <Icon name="kick" size={18} />
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
