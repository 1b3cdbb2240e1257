import { REACTIONS } from '@convene/client';
import { texts } from '../texts';
import { Icon } from './Icon';
import { Menu, MenuItem } from './Menu';

export interface ToolbarProps {
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  handRaised: boolean;
  isModerator: boolean;
  chatOpen: boolean;
  participantsOpen: boolean;
  unread: number;
  participantCount: number;
  fullscreen: boolean;
  canRecord: boolean;
  recordingActive: boolean;
  canShareLink: boolean;
  onMic(): void;
  onCamera(): void;
  onShare(replace: boolean): void;
  onStopShare(): void;
  onHand(): void;
  onReact(emoji: string): void;
  onChat(): void;
  onParticipants(): void;
  onSettings(): void;
  onFullscreen(): void;
  onCopyLink(): void;
  onRecording(): void;
  onLeave(): void;
  onEnd(): void;
}

export function Toolbar(p: ToolbarProps) {
  return (
    <nav className="toolbar" aria-label="Meeting controls">
      <div className="toolbar-group">
        <button type="button" className={`tool-btn ${p.micOn ? '' : 'off'}`} aria-pressed={!p.micOn} onClick={p.onMic} aria-label={p.micOn ? texts.meeting.micOff : texts.meeting.micOn} title={p.micOn ? texts.meeting.micOff : texts.meeting.micOn}>
          <Icon name={p.micOn ? 'mic' : 'mic-off'} />
        </button>
        <button type="button" className={`tool-btn ${p.cameraOn ? '' : 'off'}`} aria-pressed={!p.cameraOn} onClick={p.onCamera} aria-label={p.cameraOn ? texts.meeting.cameraOff : texts.meeting.cameraOn} title={p.cameraOn ? texts.meeting.cameraOff : texts.meeting.cameraOn}>
          <Icon name={p.cameraOn ? 'cam' : 'cam-off'} />
        </button>
        {p.sharing ? (
          <Menu label={texts.meeting.stopShare} icon={<Icon name="screen" />} className="tool-btn active">
            {(close) => (
              <>
                <MenuItem onSelect={() => { close(); p.onShare(true); }}><Icon name="screen" size={18} /> {texts.meeting.replaceScreen}</MenuItem>
                <MenuItem onSelect={() => { close(); p.onStopShare(); }}><Icon name="screen-off" size={18} /> {texts.meeting.stopShare}</MenuItem>
              </>
            )}
          </Menu>
        ) : (
          <button type="button" className="tool-btn hide-phone-share" onClick={() => p.onShare(false)} aria-label={texts.meeting.shareScreen} title={texts.meeting.shareScreen}>
            <Icon name="screen" />
          </button>
        )}
        <button type="button" className={`tool-btn ${p.handRaised ? 'active' : ''}`} aria-pressed={p.handRaised} onClick={p.onHand} aria-label={p.handRaised ? texts.meeting.lowerHand : texts.meeting.raiseHand} title={p.handRaised ? texts.meeting.lowerHand : texts.meeting.raiseHand}>
          <Icon name="hand" />
        </button>
        <Menu label={texts.meeting.reactions} icon={<Icon name="smile" />}>
          {(close) => (
            <div className="reaction-row">
              {REACTIONS.map((emoji) => (
                <button key={emoji} type="button" role="menuitem" className="reaction-btn" aria-label={emoji} onClick={() => { close(); p.onReact(emoji); }}>
                  {emoji}
                </button>
              ))}
            </div>
          )}
        </Menu>
      </div>
      <div className="toolbar-group">
        <button type="button" className={`tool-btn ${p.chatOpen ? 'active' : ''}`} aria-pressed={p.chatOpen} onClick={p.onChat} aria-label={p.unread > 0 ? `${texts.meeting.chat} (${p.unread})` : texts.meeting.chat} title={texts.meeting.chat}>
          <Icon name="chat" />
          {p.unread > 0 && <span className="count-badge" aria-hidden="true">{p.unread > 99 ? '99+' : p.unread}</span>}
        </button>
        <button type="button" className={`tool-btn ${p.participantsOpen ? 'active' : ''}`} aria-pressed={p.participantsOpen} onClick={p.onParticipants} aria-label={`${texts.meeting.participants} (${p.participantCount})`} title={texts.meeting.participants}>
          <Icon name="people" />
          <span className="count-badge count-neutral" aria-hidden="true">{p.participantCount}</span>
        </button>
        <Menu label={texts.meeting.more} icon={<Icon name="more" />}>
          {(close) => (
            <>
              <MenuItem onSelect={() => { close(); p.onFullscreen(); }}><Icon name={p.fullscreen ? 'fullscreen-exit' : 'fullscreen'} size={18} /> {p.fullscreen ? texts.meeting.exitFullscreen : texts.meeting.fullscreen}</MenuItem>
              {p.canShareLink && <MenuItem onSelect={() => { close(); p.onCopyLink(); }}><Icon name="link" size={18} /> {texts.meeting.copyLink}</MenuItem>}
              {p.canRecord && <MenuItem onSelect={() => { close(); p.onRecording(); }}><Icon name="record" size={18} /> {p.recordingActive ? texts.meeting.stopRecording : texts.meeting.startRecording}</MenuItem>}
              <MenuItem onSelect={() => { close(); p.onSettings(); }}><Icon name="settings" size={18} /> {texts.meeting.settings}</MenuItem>
            </>
          )}
        </Menu>
        {p.isModerator ? (
          <Menu label={texts.meeting.leave} icon={<Icon name="leave" />} className="tool-btn leave-btn">
            {(close) => (
              <>
                <MenuItem id="leave-option" onSelect={() => { close(); p.onLeave(); }}>{texts.meeting.leaveMeeting}</MenuItem>
                <MenuItem id="end-meeting-option" danger onSelect={() => { close(); p.onEnd(); }}>{texts.meeting.endMeeting}</MenuItem>
              </>
            )}
          </Menu>
        ) : (
          <button type="button" className="tool-btn leave-btn" onClick={p.onLeave} aria-label={texts.meeting.leave} title={texts.meeting.leave}>
            <Icon name="leave" />
          </button>
        )}
      </div>
    </nav>
  );
}
