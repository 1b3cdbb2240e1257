import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, MeetApi, decodeMemberToken, type MeetRecording } from '@convene/client';
import { session } from '../lib/session';
import { navigate } from '../lib/navigation';
import { formatElapsed } from '../lib/recordingClock';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';

const api = new MeetApi();
const STATUSES = ['all', 'complete', 'active', 'ending', 'failed', 'aborted'] as const;
type StatusFilter = (typeof STATUSES)[number];

const mediaUrl = (id: string, token: string) => `/api/v1/recordings/${encodeURIComponent(id)}/media?roomMemberToken=${encodeURIComponent(token)}`;

async function send(method: string, path: string, token: string): Promise<unknown> {
  const res = await fetch(path, { method, headers: { 'X-Room-Member-Token': `Bearer ${token}` } });
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { message?: string } | null)?.message ?? `HTTP ${res.status}`;
    throw new Error(message);
  }
  return body;
}

/** `/room/:roomId/recordings` (contract §10.6): the room's recordings for members allowed to retrieve them. */
export default function RecordingsPage({ roomId }: { roomId: string }) {
  const [items, setItems] = useState<MeetRecording[] | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [canDelete, setCanDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [playing, setPlaying] = useState<string | null>(null);
  const [shared, setShared] = useState<{ id: string; url: string } | null>(null);

  const load = useCallback(async () => {
    const secret = session.secret(roomId) ?? new URLSearchParams(window.location.search).get('secret');
    if (!secret) return navigate('/error?reason=missing-room-secret', true);
    try {
      const { token: t } = await api.token(roomId, { secret });
      const permissions = decodeMemberToken(t)?.permissions;
      if (!permissions?.canRetrieveRecordings) return navigate('/error?reason=unauthorized-recording-access', true);
      setToken(t);
      setCanDelete(permissions.canDeleteRecordings === true);
      const list = await api.recordings(roomId, t);
      setItems(list.recordings);
      setSelected((s) => new Set([...s].filter((id) => list.recordings.some((r) => r.recordingId === id))));
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

  const visible = useMemo(() => (items ?? []).filter((r) => filter === 'all' || r.status === filter), [items, filter]);
  const chosen = visible.filter((r) => selected.has(r.recordingId));
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const allChosen = visible.length > 0 && chosen.length === visible.length;

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = (ids: string[]) => {
    if (!token || ids.length === 0 || !window.confirm(texts.recordings.confirmDelete(ids.length))) return;
    void act(() => ids.length === 1
      ? send('DELETE', `/api/v1/recordings/${encodeURIComponent(ids[0] ?? "")}`, token)
      : send('DELETE', `/api/v1/recordings?recordingIds=${ids.map(encodeURIComponent).join(',')}`, token));
  };
  const share = (id: string) => {
    if (!token) return;
    void act(async () => {
      const { url } = (await send('GET', `/api/v1/recordings/${encodeURIComponent(id)}/url`, token)) as { url: string };
      setShared({ id, url });
      await navigator.clipboard?.writeText(url).catch(() => undefined);
    });
  };

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
        {items && items.length > 0 && token && (
          <>
            <div className="rec-toolbar">
              <label className="rec-check">
                <input type="checkbox" id="rec-select-all" checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(visible.map((r) => r.recordingId)))} />
                {texts.recordings.selectAll}
              </label>
              <label className="rec-filter">
                {texts.recordings.status}
                <select id="rec-status-filter" value={filter} onChange={(e) => setFilter(e.target.value as StatusFilter)}>
                  {STATUSES.map((s) => <option key={s} value={s}>{s === 'all' ? texts.recordings.allStatuses : s}</option>)}
                </select>
              </label>
              <span className="rec-actions">
                <a
                  id="rec-download-zip"
                  className={`btn btn-secondary btn-small ${chosen.length === 0 ? 'disabled' : ''}`}
                  aria-disabled={chosen.length === 0}
                  href={chosen.length === 0 ? undefined : `/api/v1/recordings/download?recordingIds=${chosen.map((r) => encodeURIComponent(r.recordingId)).join(',')}&roomMemberToken=${encodeURIComponent(token)}`}
                  download
                >
                  <Icon name="download" size={16} /> {texts.recordings.downloadZip(chosen.length)}
                </a>
                {canDelete && (
                  <button type="button" id="rec-delete-selected" className="btn btn-ghost btn-small" disabled={chosen.length === 0} onClick={() => remove(chosen.map((r) => r.recordingId))}>
                    <Icon name="trash" size={16} /> {texts.recordings.deleteSelected(chosen.length)}
                  </button>
                )}
              </span>
            </div>
            {visible.length === 0 && <p className="muted">{texts.recordings.noneWithStatus}</p>}
            <ul className="rec-list">
              {visible.map((r) => (
                <li key={r.recordingId} className="rec-item" data-recording-id={r.recordingId}>
                  <label className="rec-check">
                    <input type="checkbox" checked={selected.has(r.recordingId)} onChange={() => toggle(r.recordingId)} aria-label={texts.recordings.select(r.startDate ? new Date(r.startDate).toLocaleString() : r.recordingId)} />
                    <span>
                      <strong>{r.startDate ? new Date(r.startDate).toLocaleString() : r.recordingId}</strong>
                      <span className="muted small rec-meta">
                        <span className={`rec-status rec-status-${r.status}`}>{r.status}</span>
                        {r.duration ? ` · ${formatElapsed(r.duration * 1000)}` : ''}
                        {r.size ? ` · ${(r.size / 1_048_576).toFixed(1)} MB` : ''}
                      </span>
                    </span>
                  </label>
                  <span className="rec-actions">
                    {r.status === 'complete' && (
                      <>
                        <button type="button" className="btn btn-secondary btn-small rec-play" onClick={() => setPlaying(playing === r.recordingId ? null : r.recordingId)}>
                          <Icon name="play" size={16} /> {texts.recordings.play}
                        </button>
                        <a className="btn btn-ghost btn-small" href={mediaUrl(r.recordingId, token)} download={r.filename ?? true}>
                          <Icon name="download" size={16} /> {texts.recordings.download}
                        </a>
                        <button type="button" className="btn btn-ghost btn-small rec-share" onClick={() => share(r.recordingId)}>
                          <Icon name="link" size={16} /> {texts.recordings.share}
                        </button>
                      </>
                    )}
                    {canDelete && r.status !== 'active' && r.status !== 'starting' && r.status !== 'ending' && (
                      <button type="button" className="btn btn-ghost btn-small rec-delete" onClick={() => remove([r.recordingId])}>
                        <Icon name="trash" size={16} /> {texts.recordings.delete}
                      </button>
                    )}
                  </span>
                  {shared?.id === r.recordingId && (
                    <p className="rec-share-url small" role="status">
                      {texts.recordings.shareCopied} <input className="input" readOnly value={shared.url} onFocus={(e) => e.target.select()} />
                    </p>
                  )}
                  {playing === r.recordingId && <video className="player" src={mediaUrl(r.recordingId, token)} controls autoPlay preload="metadata" aria-label={r.roomName} />}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
