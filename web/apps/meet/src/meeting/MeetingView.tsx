import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetApi, MeetingClient, ParticipantInfo } from '@convene/client';
import { texts } from '../texts';
import { gridShape } from '../lib/layout';
import { session } from '../lib/session';
import { formatElapsed } from '../lib/recordingClock';
import { onEmbedCommand } from '../lib/embed';
import { openCamera, openMicrophone } from '../lib/media';
import type { PreparedMedia } from '../views/DeviceView';
import { useMeeting } from './useMeeting';
import { Tile, type TileModel } from './Tile';
import { Toolbar } from './Toolbar';
import { ChatPanel } from './ChatPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { SettingsPanel, type LayoutSettings } from './SettingsPanel';
import { AudioView } from './VideoView';
import { Icon } from './Icon';
import { CopyLinkButton, copyText } from './CopyLinkButton';

interface Props {
  client: MeetingClient;
  media: PreparedMedia;
  roomId: string;
  role: 'moderator' | 'speaker';
  speakerUrl: string | null;
  api: MeetApi;
  memberToken(): string;
  notice: string | null;
}

type Panel = 'chat' | 'participants' | 'settings' | null;

function defaultLayout(): LayoutSettings {
  return session.layout() ?? { mode: 'smart', max: window.innerWidth < 768 ? 2 : 4 };
}

export function MeetingView({ client, media, roomId, role, speakerUrl, api, memberToken, notice }: Props) {
  const [panel, setPanel] = useState<Panel>(null);
  const state = useMeeting(client, panel === 'chat');
  const [pinned, setPinned] = useState<string | null>(null);
  const [layout, setLayout] = useState<LayoutSettings>(defaultLayout);
  const [fullscreen, setFullscreen] = useState(false);
  const [toast, setToast] = useState<string | null>(notice);
  const [now, setNow] = useState(Date.now());
  const [devices, setDevices] = useState({ cameraId: media.cameraId, micId: media.micId });
  const stage = useRef<HTMLDivElement>(null);
  const [stageSize, setStageSize] = useState({ w: 1280, h: 720 });
  const isModerator = client.self.role === 'moderator' || role === 'moderator';

  useEffect(() => {
    if (!toast) return;
    const t = window.setTimeout(() => setToast(null), 3500);
    return () => window.clearTimeout(t);
  }, [toast]);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setStageSize({ w: entry.contentRect.width, h: entry.contentRect.height });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const onFs = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onFs);
    return () => document.removeEventListener('fullscreenchange', onFs);
  }, []);

  const recording = client.recording;
  const recordingActive = recording !== null && (recording.status === 'active' || recording.status === 'starting');
  useEffect(() => {
    if (!recordingActive) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [recordingActive]);

  const act = useCallback(async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      setToast(texts.meeting.actionFailed(e instanceof Error ? e.message : String(e)));
    }
  }, []);

  const endMeeting = useCallback(() => act(() => api.endMeeting(roomId, memberToken())), [act, api, roomId, memberToken]);
  const kick = useCallback((p: { participantId: string }) => act(() => api.kick(roomId, p.participantId, memberToken())), [act, api, roomId, memberToken]);

  useEffect(() => {
    onEmbedCommand((command, payload) => {
      if (command === 'leaveRoom') void client.leave();
      else if (command === 'endMeeting' && client.self.role === 'moderator') void endMeeting();
      else if (command === 'kickParticipant' && client.self.role === 'moderator') {
        const id = (payload as { participantIdentity?: unknown } | undefined)?.participantIdentity;
        if (typeof id === 'string') void kick({ participantId: id });
      }
    });
    return () => onEmbedCommand(null);
  }, [client, endMeeting, kick]);

  useEffect(() => {
    return client.on('roleChanged', (ev) => {
      if (ev.isSelf) setToast(ev.role === 'moderator' ? texts.meeting.roleNowModerator : texts.meeting.roleNowSpeaker);
    });
  }, [client]);

  const local = client.localTracks;
  const micTrack = local.get('microphone');
  const micOn = micTrack !== undefined && !micTrack.muted;
  const cameraTrack = local.get('camera');
  const screenTrack = local.get('screen_share');
  const self = client.self;
  const others = [...client.participants.values()].sort((a, b) => a.joinedAt - b.joinedAt);
  const remote = client.subscribedTracks;
  const speaking = new Set(state.speakers.filter((s) => s.level >= 0.05).map((s) => s.participantId));

  const cameraTile = (p: ParticipantInfo, isSelf: boolean): TileModel => ({
    key: `${p.participantId}:camera`,
    participant: p,
    isSelf,
    kind: 'camera',
    video: isSelf ? (cameraTrack?.track ?? null) : (remote.find((t) => t.participantId === p.participantId && t.source === 'camera')?.track ?? null),
    micMuted: isSelf ? !micOn : !p.tracks.some((t) => t.source === 'microphone' && !t.muted),
    speaking: speaking.has(p.participantId),
    quality: state.quality.get(p.participantId) ?? 'unknown',
  });
  const screenTiles: TileModel[] = [];
  if (screenTrack) screenTiles.push({ ...cameraTile(self, true), key: `${self.participantId}:screen`, kind: 'screen', video: screenTrack.track, speaking: false });
  for (const t of remote) {
    if (t.source !== 'screen_share') continue;
    const p = client.participants.get(t.participantId);
    if (p) screenTiles.push({ ...cameraTile(p, false), key: `${p.participantId}:screen`, kind: 'screen', video: t.track, speaking: false });
  }
  const cameraTiles = [cameraTile(self, true), ...others.map((p) => cameraTile(p, false))];
  const all = [...screenTiles, ...cameraTiles];
  const featured = all.find((t) => t.key === pinned) ?? screenTiles[0] ?? null;

  let visible = cameraTiles;
  let hidden = 0;
  if (layout.mode === 'smart') {
    const pick = state.history.select(cameraTiles.map((t) => t.key.split(':')[0] ?? ''), featured ? Math.max(1, layout.max) : layout.max, [...screenTiles.map((t) => t.participant.participantId)]);
    visible = cameraTiles.filter((t) => pick.visible.includes(t.participant.participantId));
    hidden = pick.hidden;
  }
  const gridTiles = featured ? visible.filter((t) => t.key !== featured.key) : visible;
  const shape = gridShape(gridTiles.length + (hidden > 0 ? 1 : 0), stageSize.w, stageSize.h);

  const toggleCamera = () =>
    act(async () => {
      if (cameraTrack) {
        await client.unpublish('camera');
        media.background?.stop();
      } else {
        await client.publishCamera(await openCamera(devices.cameraId));
      }
    });
  const toggleMic = () =>
    act(async () => {
      if (micTrack) client.setMuted('microphone', !micTrack.muted);
      else await client.publishMicrophone(await openMicrophone(devices.micId));
    });
  const share = (replace: boolean) =>
    act(async () => {
      try {
        await client.publishScreen({ replace });
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotAllowedError') return;
        throw e;
      }
    });
  const toggleFullscreen = () =>
    act(async () => {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    });
  const toggleRecording = () =>
    act(async () => {
      if (recordingActive && client.recording) {
        const list = await api.recordings(roomId, memberToken());
        const active = list.recordings.find((r) => r.status === 'active' || r.status === 'starting');
        if (active) await api.stopRecording(active.recordingId, memberToken());
      } else {
        await api.startRecording(roomId, memberToken());
      }
    });
  const changeLayout = (l: LayoutSettings) => {
    setLayout(l);
    session.setLayout(l);
  };
  const handRaised = self.handRaisedAt !== null;
  const alone = others.length === 0;

  return (
    <div className={`meeting ${panel ? 'with-panel' : ''}`}>
      <header className="meeting-header">
        <div className="meeting-title">
          <span className="brand-dot" aria-hidden="true" />
          <h1>{client.room.roomName}</h1>
          {recordingActive && (
            <span className="rec-badge" role="status">
              <span className="rec-dot" aria-hidden="true" /> {texts.meeting.recording} {recording?.startedAt ? formatElapsed(now - recording.startedAt) : ''}
            </span>
          )}
        </div>
        <div className="meeting-meta">
          {isModerator && speakerUrl && <CopyLinkButton url={speakerUrl} compact />}
          <span className="muted small participant-count">{texts.meeting.participantCount(others.length + 1)}</span>
        </div>
      </header>
      {state.connection === 'reconnecting' && (
        <div className="banner banner-warning" role="alert">
          <span className="spinner spinner-small" aria-hidden="true" /> {texts.meeting.reconnecting}
        </div>
      )}
      {state.justReconnected && state.connection === 'connected' && (
        <div className="banner banner-ok" role="status">{texts.meeting.reconnected}</div>
      )}
      <main className="meeting-body">
        <div className={`stage ${featured ? 'stage-featured' : ''}`} ref={stage}>
          {featured && (
            <div className="featured">
              <Tile tile={featured} featured pinned={pinned === featured.key} onPin={() => setPinned(pinned === featured.key ? null : featured.key)} />
            </div>
          )}
          <div className={featured ? 'strip' : 'grid'} style={featured ? undefined : { gridTemplateColumns: `repeat(${shape.cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${shape.rows}, minmax(0, 1fr))` }}>
            {gridTiles.map((t) => (
              <Tile key={t.key} tile={t} pinned={pinned === t.key} onPin={() => setPinned(pinned === t.key ? null : t.key)} />
            ))}
            {hidden > 0 && (
              <button type="button" className="tile tile-more" onClick={() => setPanel('participants')}>
                <Icon name="people" size={28} />
                <span>{texts.meeting.hiddenParticipants(hidden)}</span>
              </button>
            )}
          </div>
          {alone && isModerator && speakerUrl && !featured && (
            <div className="alone-overlay" role="note">
              <h2>{texts.meeting.aloneTitle}</h2>
              <p className="muted">{texts.meeting.aloneMessage}</p>
              <div className="share-row">
                <code className="share-url">{`${window.location.origin}/room/${roomId}`}</code>
                <CopyLinkButton url={speakerUrl} />
              </div>
            </div>
          )}
          <div className="reactions" aria-live="polite">
            {state.reactions.map((r) => (
              <div key={r.id} className="reaction" style={{ left: `${r.offset}%` }}>
                <span className="reaction-emoji">{r.emoji}</span>
                <span className="reaction-name">{r.name}</span>
              </div>
            ))}
          </div>
        </div>
        {panel && (
          <aside className="side-panel" aria-labelledby="panel-title">
            <div className="panel-header">
              <h2 id="panel-title">{panel === 'chat' ? texts.meeting.chat : panel === 'participants' ? texts.meeting.participants : texts.meeting.settings}</h2>
              <button type="button" className="icon-btn" onClick={() => setPanel(null)} aria-label={texts.meeting.close} title={texts.meeting.close}>
                <Icon name="close" size={18} />
              </button>
            </div>
            {panel === 'chat' && <ChatPanel messages={state.chat} enabled={client.room.config.chat?.enabled !== false} onSend={(text) => client.sendChat(text)} />}
            {panel === 'participants' && (
              <ParticipantsPanel
                self={self}
                others={others}
                isModerator={isModerator}
                selfMicMuted={!micOn}
                speakerUrl={speakerUrl}
                onMakeModerator={(p) => void act(() => api.setRole(roomId, p.participantId, 'moderator', memberToken()))}
                onRemoveModerator={(p) => void act(() => api.setRole(roomId, p.participantId, 'speaker', memberToken()))}
                onKick={(p) => void kick(p)}
                onLowerHand={(p) => void act(() => client.lowerHand(p.participantId))}
              />
            )}
            {panel === 'settings' && (
              <SettingsPanel
                layout={layout}
                onLayout={changeLayout}
                cameraId={devices.cameraId}
                micId={devices.micId}
                onCamera={(id) => {
                  setDevices((d) => ({ ...d, cameraId: id }));
                  if (cameraTrack) void act(async () => { const old = cameraTrack.track; await client.publishCamera(await openCamera(id)); old.stop(); });
                }}
                onMic={(id) => {
                  setDevices((d) => ({ ...d, micId: id }));
                  if (micTrack) void act(async () => { const old = micTrack.track; await client.publishMicrophone(await openMicrophone(id), micTrack.muted); old.stop(); });
                }}
              />
            )}
          </aside>
        )}
      </main>
      <Toolbar
        micOn={micOn}
        cameraOn={cameraTrack !== undefined}
        sharing={screenTrack !== undefined}
        handRaised={handRaised}
        isModerator={isModerator}
        chatOpen={panel === 'chat'}
        participantsOpen={panel === 'participants'}
        unread={state.unread}
        participantCount={others.length + 1}
        fullscreen={fullscreen}
        canRecord={isModerator && client.room.config.recording?.enabled === true}
        recordingActive={recordingActive}
        canShareLink={isModerator && speakerUrl !== null}
        onMic={() => void toggleMic()}
        onCamera={() => void toggleCamera()}
        onShare={(replace) => void share(replace)}
        onStopShare={() => void act(() => client.unpublish('screen_share'))}
        onHand={() => void act(() => (handRaised ? client.lowerHand() : client.raiseHand()))}
        onReact={(emoji) => void act(() => client.react(emoji))}
        onChat={() => setPanel(panel === 'chat' ? null : 'chat')}
        onParticipants={() => setPanel(panel === 'participants' ? null : 'participants')}
        onSettings={() => setPanel('settings')}
        onFullscreen={() => void toggleFullscreen()}
        onCopyLink={() => void (speakerUrl && copyText(speakerUrl).then((ok) => setToast(ok ? texts.meeting.linkCopied : texts.meeting.copyFailed)))}
        onRecording={() => void toggleRecording()}
        onLeave={() => void client.leave()}
        onEnd={() => void endMeeting()}
      />
      {remote.filter((t) => t.kind === 'audio').map((t) => (
        <AudioView key={t.trackId} track={t.track} />
      ))}
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
