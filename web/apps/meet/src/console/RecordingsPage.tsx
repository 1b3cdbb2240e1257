import { useCallback, useEffect, useReducer, useState } from 'react';
import { Icon } from '../meeting/Icon';
import { useConsoleApi } from './context';
import { initialTable, tableReducer } from './tableState';
import type { Recording } from './types';
import { Confirm, CopyButton, Dialog, PageHeader, StatusBadge, errorText, formatDate, formatDuration, formatSize, useNotify } from './ui';

const reducer = tableReducer<Recording>((r) => r.recordingId);
const FINISHED = new Set(['complete', 'failed', 'aborted', 'limit_reached']);

export default function RecordingsPage() {
  const api = useConsoleApi();
  const notify = useNotify();
  const initialSearch = new URLSearchParams(window.location.search).get('roomId') ?? '';
  const [state, dispatch] = useReducer(reducer, { ...initialTable<Recording>('startDate'), search: initialSearch });
  const [searchText, setSearchText] = useState(initialSearch);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [share, setShare] = useState<{ id: string; url: string } | null>(null);
  const [playing, setPlaying] = useState<Recording | null>(null);

  const load = useCallback(
    async (append: boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.recordings({ search: state.search, status: state.status, sortField: state.sortField, sortOrder: state.sortOrder, nextPageToken: append ? state.nextPageToken : undefined });
        dispatch({ type: 'loaded', items: page.recordings, nextPageToken: page.pagination.nextPageToken, append });
      } catch (e) {
        setError(errorText(e));
      } finally {
        setLoading(false);
      }
    },
    [api, state.search, state.status, state.sortField, state.sortOrder, state.nextPageToken],
  );

  useEffect(() => {
    void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.search, state.status, state.sortField, state.sortOrder]);

  useEffect(() => {
    const t = window.setTimeout(() => dispatch({ type: 'filter', search: searchText }), 300);
    return () => window.clearTimeout(t);
  }, [searchText]);

  const remove = async (ids: string[]) => {
    try {
      if (ids.length === 1 && ids[0]) {
        const r = await api.deleteRecording(ids[0]);
        notify(r.message);
        dispatch({ type: 'removed', ids });
      } else {
        const r = await api.deleteRecordings(ids);
        dispatch({ type: 'removed', ids: r.deleted });
        notify(r.failed?.length ? `${r.message}: ${r.failed.map((f) => f.error).join('; ')}` : r.message, r.failed?.length ? 'error' : 'ok');
      }
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  const openShare = async (id: string) => {
    try {
      setShare({ id, url: (await api.recordingUrl(id)).url });
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  const sortHeader = (field: string, label: string) => (
    <th aria-sort={state.sortField === field ? (state.sortOrder === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-btn" onClick={() => dispatch({ type: 'sort', field })}>
        {label} {state.sortField === field ? (state.sortOrder === 'asc' ? '↑' : '↓') : ''}
      </button>
    </th>
  );

  const selected = [...state.selected];
  const downloadable = state.items.filter((r) => state.selected.has(r.recordingId) && r.status === 'complete').map((r) => r.recordingId);
  return (
    <>
      <PageHeader title="Recordings" subtitle="Every recording of every room" />
      <div className="toolbar-row">
        <input className="input search" type="search" id="recordings-search" placeholder="Search by room name or room ID" aria-label="Search recordings" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        <select aria-label="Filter by status" value={state.status} onChange={(e) => dispatch({ type: 'filter', status: e.target.value })}>
          <option value="">All statuses</option>
          {['starting', 'active', 'ending', 'complete', 'failed', 'aborted', 'limit_reached'].map((s) => (
            <option key={s} value={s}>{s.replace('_', ' ')}</option>
          ))}
        </select>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void load(false)} aria-label="Refresh"><Icon name="refresh" size={18} /></button>
        <a className={`btn btn-secondary btn-small${downloadable.length === 0 ? ' disabled' : ''}`} aria-disabled={downloadable.length === 0} href={downloadable.length ? api.downloadHref(downloadable) : undefined}>
          Download selected
        </a>
        <button type="button" className="btn btn-danger btn-small" disabled={selected.length === 0} onClick={() => setConfirm(selected)}>Delete selected ({selected.length})</button>
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div className="table-wrap card">
        <table className="data-table" id="recordings-table">
          <thead>
            <tr>
              <th className="check-col"><input type="checkbox" aria-label="Select all recordings" checked={state.items.length > 0 && state.selected.size === state.items.length} onChange={() => dispatch({ type: 'toggleAll' })} /></th>
              {sortHeader('roomName', 'Room')}
              <th>Status</th>
              {sortHeader('startDate', 'Started')}
              {sortHeader('duration', 'Duration')}
              {sortHeader('size', 'Size')}
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((r) => (
              <tr key={r.recordingId} data-recording-id={r.recordingId}>
                <td className="check-col"><input type="checkbox" aria-label={`Select recording ${r.recordingId}`} checked={state.selected.has(r.recordingId)} onChange={() => dispatch({ type: 'toggle', id: r.recordingId })} /></td>
                <td><strong>{r.roomName}</strong><div className="muted small mono">{r.roomId}</div></td>
                <td><StatusBadge status={r.status} /></td>
                <td>{formatDate(r.startDate)}</td>
                <td>{formatDuration(r.duration)}</td>
                <td>{formatSize(r.size)}</td>
                <td className="actions-col">
                  {r.status === 'complete' && (
                    <>
                      <button type="button" className="icon-btn" title="Play" aria-label={`Play recording of ${r.roomName}`} onClick={() => setPlaying(r)}><Icon name="play" size={18} /></button>
                      <a className="icon-btn" title="Download" aria-label={`Download recording of ${r.roomName}`} href={api.downloadHref([r.recordingId])}><Icon name="download" size={18} /></a>
                      <button type="button" className="icon-btn" title="Share" aria-label={`Share recording of ${r.roomName}`} onClick={() => void openShare(r.recordingId)}><Icon name="link" size={18} /></button>
                    </>
                  )}
                  {FINISHED.has(r.status) && (
                    <button type="button" className="icon-btn icon-btn-danger" title="Delete" aria-label={`Delete recording of ${r.roomName}`} onClick={() => setConfirm([r.recordingId])}><Icon name="close" size={18} /></button>
                  )}
                </td>
              </tr>
            ))}
            {state.items.length === 0 && !loading && <tr><td colSpan={7} className="empty-row muted">No recordings yet. Moderators record from the meeting.</td></tr>}
          </tbody>
        </table>
      </div>
      <div className="load-more">
        {loading && <div className="spinner" role="status" aria-label="Loading" />}
        {!loading && state.nextPageToken && <button type="button" className="btn btn-secondary" onClick={() => void load(true)}>Load more</button>}
      </div>
      {confirm && (
        <Confirm title={confirm.length === 1 ? 'Delete recording?' : `Delete ${confirm.length} recordings?`} message="The files are removed for good." confirmLabel="Delete" danger onClose={() => setConfirm(null)} onConfirm={() => { const ids = confirm; setConfirm(null); void remove(ids); }} />
      )}
      {share && (
        <Dialog title="Shareable link" onClose={() => setShare(null)} id="share-dialog">
          <p className="muted">Anyone with this link can watch the recording.</p>
          <span className="input-row">
            <input className="input mono" readOnly value={share.url} onFocus={(e) => e.target.select()} />
            <CopyButton text={share.url} label="Copy recording link" />
          </span>
          <div className="dialog-actions"><a className="btn btn-secondary" href={share.url} target="_blank" rel="noopener">Open</a><button type="button" className="btn btn-primary" onClick={() => setShare(null)}>Done</button></div>
        </Dialog>
      )}
      {playing && (
        <Dialog title={`Recording of ${playing.roomName}`} onClose={() => setPlaying(null)} id="player-dialog">
          <video className="player" controls autoPlay src={api.mediaHref(playing.recordingId)} />
          <div className="dialog-actions"><button type="button" className="btn btn-primary" onClick={() => setPlaying(null)}>Close</button></div>
        </Dialog>
      )}
    </>
  );
}
