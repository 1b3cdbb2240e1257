import { useState } from 'react';
import { Icon } from '../meeting/Icon';
import { useConsoleApi } from './context';
import { PagedTableView, type Column } from './PagedTableView';
import type { Recording } from './types';
import { Confirm, CopyButton, Dialog, PageHeader, StatusBadge, errorText, formatDate, formatDuration, formatSize, useNotify } from './ui';
import { pageOf, usePagedTable } from './usePagedTable';

const recordingId = (r: Recording) => r.recordingId;
const STATUSES = ['starting', 'active', 'ending', 'complete', 'failed', 'aborted', 'limit_reached'].map((s) => ({ value: s, label: s.replace('_', ' ') }));
const COLUMNS: readonly Column[] = [
  { label: 'Room', sortField: 'roomName' },
  { label: 'Status' },
  { label: 'Started', sortField: 'startDate' },
  { label: 'Duration', sortField: 'duration' },
  { label: 'Size', sortField: 'size' },
  { label: 'Actions', className: 'actions-col' },
];
const FINISHED = new Set(['complete', 'failed', 'aborted', 'limit_reached']);

export default function RecordingsPage() {
  const api = useConsoleApi();
  const notify = useNotify();
  const table = usePagedTable<Recording>({
    fetchPage: (q) => api.recordings(q).then((p) => pageOf(p.recordings, p.pagination)),
    idOf: recordingId,
    sortField: 'startDate',
    search: new URLSearchParams(window.location.search).get('roomId') ?? '',
  });
  const { state, dispatch } = table;
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [share, setShare] = useState<{ id: string; url: string } | null>(null);
  const [playing, setPlaying] = useState<Recording | null>(null);

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

  const selected = [...state.selected];
  const downloadable = state.items.filter((r) => state.selected.has(r.recordingId) && r.status === 'complete').map((r) => r.recordingId);
  return (
    <>
      <PageHeader title="Recordings" subtitle="Every recording of every room" />
      <PagedTableView
        table={table}
        name="recordings"
        idOf={recordingId}
        searchPlaceholder="Search by room name or room ID"
        searchLabel="Search recordings"
        statusOptions={STATUSES}
        actions={
          <>
            <a className={`btn btn-secondary btn-small${downloadable.length === 0 ? ' disabled' : ''}`} aria-disabled={downloadable.length === 0} href={downloadable.length ? api.downloadHref(downloadable) : undefined}>
              Download selected
            </a>
            <button type="button" className="btn btn-danger btn-small" disabled={selected.length === 0} onClick={() => setConfirm(selected)}>Delete selected ({selected.length})</button>
          </>
        }
        columns={COLUMNS}
        selectAllLabel="Select all recordings"
        selectLabel={(r) => `Select recording ${r.recordingId}`}
        rowAttributes={(r) => ({ 'data-recording-id': r.recordingId })}
        cells={(r) => (
          <>
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
          </>
        )}
        emptyText="No recordings yet. Moderators record from the meeting."
      />
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
