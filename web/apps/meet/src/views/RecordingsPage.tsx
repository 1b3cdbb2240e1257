import { useCallback, useEffect, useState } from 'react';
import { ApiError, MeetApi, decodeMemberToken, type MeetRecording } from '@convene/client';
import { session } from '../lib/session';
import { navigate } from '../lib/navigation';
import { formatElapsed } from '../lib/recordingClock';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';

const api = new MeetApi();

/** `/room/:roomId/recordings` (contract §10.6): the room's recordings for members allowed to retrieve them. */
export default function RecordingsPage({ roomId }: { roomId: string }) {
  const [items, setItems] = useState<MeetRecording[] | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const secret = session.secret(roomId) ?? new URLSearchParams(window.location.search).get('secret');
    if (!secret) return navigate('/error?reason=missing-room-secret', true);
    try {
      const { token: t } = await api.token(roomId, { secret });
      if (!decodeMemberToken(t)?.permissions.canRetrieveRecordings) return navigate('/error?reason=unauthorized-recording-access', true);
      setToken(t);
      const list = await api.recordings(roomId, t);
      setItems(list.recordings);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return navigate('/error?reason=invalid-room', true);
      if (e instanceof ApiError && e.status === 400) return navigate('/error?reason=invalid-room-secret', true);
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [roomId]);

  useEffect(() => {
    void load();
  }, [load]);

  const roomName = items?.[0]?.roomName ?? roomId;
  return (
    <main className="page recordings-page">
      <header className="page-header">
        <a className="btn btn-ghost btn-small" href={`/room/${encodeURIComponent(roomId)}`}>
          <Icon name="arrow-left" size={18} /> {texts.recordings.back}
        </a>
        <span className="brand">{texts.appName}</span>
      </header>
      <section className="card wide-card" aria-labelledby="rec-title">
        <div className="card-title-row">
          <h1 id="rec-title">{texts.recordings.title(roomName)}</h1>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => void load()}>
            <Icon name="refresh" size={18} /> {texts.recordings.refresh}
          </button>
        </div>
        {error && <p className="notice notice-error" role="alert">{error}</p>}
        {items === null && !error && <div className="spinner" role="status" aria-label={texts.loading} />}
        {items?.length === 0 && <p className="muted">{texts.recordings.empty}</p>}
        {items && items.length > 0 && (
          <ul className="rec-list">
            {items.map((r) => (
              <li key={r.recordingId} className="rec-item">
                <div>
                  <strong>{r.startDate ? new Date(r.startDate).toLocaleString() : r.recordingId}</strong>
                  <div className="muted small">
                    {r.status} {r.duration ? `· ${formatElapsed(r.duration * 1000)}` : ''}
                  </div>
                </div>
                {r.status === 'complete' && token && (
                  <span className="rec-actions">
                    <a className="btn btn-secondary btn-small" href={`/api/v1/recordings/${encodeURIComponent(r.recordingId)}/media?roomMemberToken=${encodeURIComponent(token)}`} target="_blank" rel="noreferrer">
                      <Icon name="play" size={16} /> {texts.recordings.play}
                    </a>
                    <a className="btn btn-ghost btn-small" href={`/api/v1/recordings/${encodeURIComponent(r.recordingId)}/media?roomMemberToken=${encodeURIComponent(token)}`} download>
                      <Icon name="download" size={16} /> {texts.recordings.download}
                    </a>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
