import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, JoinError, MeetApi, MeetingClient, decodeMemberToken, resolveLeaveRedirect, type RoomConfig, type TokenClaims } from '@convene/client';
import { readRoomLink, stripSecrets } from '../lib/route';
import { exitInfo, session } from '../lib/session';
import { navigate } from '../lib/navigation';
import { tokenErrorReason } from '../lib/reasons';
import { isEmbedded, postEmbedEvent } from '../lib/embed';
import { texts } from '../texts';
import { Lobby } from './Lobby';
import { DeviceView, type PreparedMedia } from './DeviceView';
import { MeetingView } from '../meeting/MeetingView';

type Stage =
  | { kind: 'loading' }
  | { kind: 'lobby' }
  | { kind: 'devices'; token: string; name: string }
  | { kind: 'meeting'; client: MeetingClient; media: PreparedMedia };

interface RoomInfo {
  roomName: string;
  closed: boolean;
  config: RoomConfig;
  speakerUrl: string | null;
}

const api = new MeetApi();

function wsUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/ws/v1/rtc`;
}

function fail(reason: string): void {
  navigate(`/error?reason=${encodeURIComponent(reason)}`, true);
}

export function RoomPage({ roomId }: { roomId: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [room, setRoom] = useState<RoomInfo>({ roomName: roomId, closed: false, config: {}, speakerUrl: null });
  const [claims, setClaims] = useState<TokenClaims | null>(null);
  const [busy, setBusy] = useState(false);
  // Contract §10.2: the recordings card shows only when the member may see them and at least one exists.
  const [hasRecordings, setHasRecordings] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const link = useRef(readRoomLink(window.location.search, session.secret(roomId)));

  // Keep the secret in session storage only and take it out of the address bar (contract §10.1).
  useEffect(() => {
    const params = link.current;
    if (!params.secret) {
      fail('missing-room-secret');
      return;
    }
    session.setSecret(roomId, params.secret);
    exitInfo.set(roomId, resolveLeaveRedirect(params.leaveRedirectUrl, window.location.origin));
    window.history.replaceState(null, '', window.location.pathname + stripSecrets(window.location.search));
    let cancelled = false;
    (async () => {
      try {
        const { token } = await api.token(roomId, { secret: params.secret ?? '' });
        if (cancelled) return;
        const c = decodeMemberToken(token);
        setClaims(c ?? null);
        const info = await api.room(roomId, token).catch(() => null);
        if (cancelled) return;
        if (info) setRoom({ roomName: info.roomName, closed: info.status === 'closed', config: info.config, speakerUrl: info.speakerUrl ?? null });
        if (c?.permissions.canRetrieveRecordings) {
          void api
            .recordings(roomId, token)
            .then((list) => {
              if (!cancelled) setHasRecordings(list.recordings.length > 0);
            })
            .catch(() => undefined);
        }
        if (params.showOnlyRecordings) {
          navigate(`/room/${encodeURIComponent(roomId)}/recordings`, true);
          return;
        }
        setStage({ kind: 'lobby' });
      } catch (e) {
        if (cancelled) return;
        const reason = e instanceof ApiError ? tokenErrorReason(e.status) : 'internal-error';
        fail(reason === 'login' ? 'internal-error' : reason);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [roomId]);

  const submitName = useCallback(
    async (name: string) => {
      setBusy(true);
      setError(null);
      try {
        const { token } = await api.token(roomId, { secret: session.secret(roomId) ?? '', grantJoinMeetingPermission: true, participantName: name });
        const c = decodeMemberToken(token);
        setClaims(c ?? null);
        session.setToken(token);
        session.setLastName(name);
        const finalName = c?.name ?? name;
        const url = new URL(window.location.href);
        url.searchParams.set('participant-name', finalName);
        window.history.replaceState(null, '', url.pathname + url.search);
        setStage({ kind: 'devices', token, name: finalName });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) setRoom((r) => ({ ...r, closed: true }));
        else if (e instanceof ApiError && (e.status === 400 || e.status === 404)) fail(tokenErrorReason(e.status) as string);
        else setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [roomId],
  );

  const join = useCallback(
    async (token: string, name: string, media: PreparedMedia) => {
      setBusy(true);
      setError(null);
      let client: MeetingClient;
      try {
        client = await MeetingClient.connect(wsUrl(), token, {
          refreshToken: async () => {
            const identity = decodeMemberToken(session.token() ?? token)?.identity;
            try {
              const fresh = await api.token(roomId, { secret: session.secret(roomId) ?? '', grantJoinMeetingPermission: true, participantName: name, participantIdentity: identity });
              session.setToken(fresh.token);
              return fresh.token;
            } catch {
              return session.token() ?? token;
            }
          },
        });
      } catch (e) {
        setBusy(false);
        // The device view stays up with its preview tracks, so the user can simply try again.
        if (e instanceof JoinError && e.code === 'room_closed') return fail('closed-room');
        if (e instanceof JoinError && e.code === 'room_not_found') return fail('invalid-room');
        setError(e instanceof Error ? `${e.message}` : String(e));
        return;
      }
      client.on('left', (reason) => {
        postEmbedEvent('left', { roomId, participantIdentity: client.self.participantId, reason });
        media.background?.stop();
        navigate(`/disconnected?reason=${reason}`, true);
      });
      postEmbedEvent('joined', { roomId, participantIdentity: client.self.participantId });
      setStage({ kind: 'meeting', client, media });
      setBusy(false);
      const camera = media.background?.output ?? media.camera;
      try {
        // Both go out in one renegotiation (the SDK coalesces concurrent changes).
        await Promise.all([
          media.microphone ? client.publishMicrophone(media.microphone, media.micMuted) : Promise.resolve(),
          camera ? client.publishCamera(camera) : Promise.resolve(),
        ]);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [roomId],
  );

  // Role changes arrive with the new role's secret: keep it and refresh the token so REST calls carry the new role.
  useEffect(() => {
    if (stage.kind !== 'meeting') return;
    return stage.client.on('roleChanged', (ev) => {
      if (!ev.isSelf) return;
      if (ev.secret) session.setSecret(roomId, ev.secret);
      const current = decodeMemberToken(session.token() ?? '');
      void api
        .token(roomId, { secret: session.secret(roomId) ?? '', grantJoinMeetingPermission: true, participantName: current?.name ?? stage.client.self.name, participantIdentity: stage.client.self.participantId })
        .then(({ token }) => {
          session.setToken(token);
          setClaims(decodeMemberToken(token) ?? null);
        })
        .catch(() => setClaims((c) => (c ? { ...c, role: ev.role } : c)));
    });
  }, [stage, roomId]);

  switch (stage.kind) {
    case 'loading':
      return (
        <main className="center-page" aria-busy="true">
          <div className="spinner" role="status" aria-label={texts.loading} />
        </main>
      );
    case 'lobby': {
      const origin = window.location.origin;
      const initial = link.current.participantName ?? session.lastName() ?? '';
      const canRec = (claims?.permissions.canRetrieveRecordings ?? false) && hasRecordings;
      return (
        <Lobby
          roomName={room.roomName}
          closed={room.closed}
          initialName={initial}
          speakerUrl={claims?.role === 'moderator' ? room.speakerUrl : null}
          displayUrl={`${origin}/room/${roomId}`}
          canViewRecordings={canRec}
          recordingsHref={`/room/${encodeURIComponent(roomId)}/recordings`}
          busy={busy}
          error={error}
          backHref={exitInfo.get().redirect ?? (isEmbedded() ? null : null)}
          onSubmit={(n) => void submitName(n)}
        />
      );
    }
    case 'devices':
      return (
        <DeviceView
          roomName={room.roomName}
          displayName={stage.name}
          allowBackground={room.config.virtualBackground?.enabled !== false && claims?.permissions.canChangeVirtualBackground !== false}
          joining={busy}
          error={error}
          onJoin={(media) => void join(stage.token, stage.name, media)}
        />
      );
    case 'meeting':
      return <MeetingView client={stage.client} media={stage.media} roomId={roomId} role={claims?.role ?? stage.client.self.role} speakerUrl={room.speakerUrl} api={api} memberToken={() => session.token() ?? ''} notice={error} />;
  }
}
