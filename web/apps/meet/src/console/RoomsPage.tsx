import { useCallback, useEffect, useReducer, useState } from 'react';
import { navigate } from '../lib/navigation';
import { Icon } from '../meeting/Icon';
import { ConsoleError } from './api';
import { useConsoleApi } from './context';
import { DeletePolicyDialog } from './DeletePolicyDialog';
import { initialTable, tableReducer } from './tableState';
import type { MeetingPolicy, RecordingsPolicy, Room } from './types';
import { Confirm, CopyButton, PageHeader, StatusBadge, errorText, formatDate, useNotify } from './ui';
import { roomNameError } from './validation';

const reducer = tableReducer<Room>((r) => r.roomId);
type Pending = { kind: 'confirm'; ids: string[] } | { kind: 'policy'; ids: string[]; message: string } | null;

const endActionText: Record<string, string> = {
  close: 'The room will be closed when the meeting ends',
  delete: 'The room will be deleted when the meeting ends',
};

export default function RoomsPage() {
  const api = useConsoleApi();
  const notify = useNotify();
  const [state, dispatch] = useReducer(reducer, initialTable<Room>('creationDate'));
  const [searchText, setSearchText] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [quickName, setQuickName] = useState('');
  const [pending, setPending] = useState<Pending>(null);

  const load = useCallback(
    async (append: boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.rooms({ search: state.search, status: state.status, sortField: state.sortField, sortOrder: state.sortOrder, nextPageToken: append ? state.nextPageToken : undefined });
        dispatch({ type: 'loaded', items: page.rooms, nextPageToken: page.pagination.nextPageToken, append });
      } catch (e) {
        setError(errorText(e));
      } finally {
        setLoading(false);
      }
    },
    [api, state.search, state.status, state.sortField, state.sortOrder, state.nextPageToken],
  );

  // Reload from the first page whenever a filter or the sort changes.
  useEffect(() => {
    void load(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.search, state.status, state.sortField, state.sortOrder]);

  useEffect(() => {
    const t = window.setTimeout(() => dispatch({ type: 'filter', search: searchText }), 300);
    return () => window.clearTimeout(t);
  }, [searchText]);

  const quickCreate = async () => {
    const problem = roomNameError(quickName);
    if (problem) return notify(problem, 'error');
    try {
      const room = await api.createRoom(quickName.trim() ? { roomName: quickName.trim() } : {});
      setQuickName('');
      notify(`Room '${room.roomName}' created`);
      void load(false);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  const deleteOne = async (roomId: string, m: MeetingPolicy, r: RecordingsPolicy): Promise<boolean> => {
    try {
      const outcome = await api.deleteRoom(roomId, m, r);
      notify(outcome.message);
      if (outcome.room) dispatch({ type: 'replaced', item: outcome.room });
      else dispatch({ type: 'removed', ids: [roomId] });
      return true;
    } catch (e) {
      if (e instanceof ConsoleError && e.status === 409 && m === 'fail') setPending({ kind: 'policy', ids: [roomId], message: e.message });
      else notify(errorText(e), 'error');
      return false;
    }
  };

  const deleteMany = async (ids: string[], m: MeetingPolicy, r: RecordingsPolicy) => {
    if (ids.length === 1 && ids[0]) return void deleteOne(ids[0], m, r);
    try {
      const result = await api.deleteRooms(ids, m, r);
      const removed = result.successful.filter((s) => !s.room && s.roomId).map((s) => s.roomId ?? "");
      dispatch({ type: 'removed', ids: removed });
      for (const s of result.successful) if (s.room) dispatch({ type: 'replaced', item: s.room });
      const conflicts = (result.failed ?? []).filter((f) => f.error !== 'Room Error');
      if (conflicts.length > 0 && m === 'fail') {
        setPending({ kind: 'policy', ids: conflicts.map((c) => c.roomId), message: `${conflicts.length} room(s) have an active meeting or recordings.` });
      } else {
        notify(result.message, result.failed?.length ? 'error' : 'ok');
      }
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  const setStatus = async (room: Room, status: 'open' | 'closed') => {
    try {
      const result = await api.setRoomStatus(room.roomId, status);
      dispatch({ type: 'replaced', item: result.room });
      notify(result.message);
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

  const allSelected = state.items.length > 0 && state.selected.size === state.items.length;
  return (
    <>
      <PageHeader title="Rooms" subtitle="Create, configure and manage your rooms">
        <button type="button" className="btn btn-primary" id="advanced-setup" onClick={() => navigate('/rooms/new')}>
          Advanced setup
        </button>
      </PageHeader>
      <form className="card quick-create" onSubmit={(e) => (e.preventDefault(), void quickCreate())}>
        <label className="field grow">
          Quick create
          <input id="quick-room-name" className="input" placeholder="Room" maxLength={60} value={quickName} onChange={(e) => setQuickName(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" id="quick-create">Create room</button>
      </form>
      <div className="toolbar-row">
        <input className="input search" type="search" id="rooms-search" placeholder="Search by room name" aria-label="Search rooms by name" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        <select aria-label="Filter by status" id="rooms-status" value={state.status} onChange={(e) => dispatch({ type: 'filter', status: e.target.value })}>
          <option value="">All statuses</option>
          <option value="open">Open</option>
          <option value="active_meeting">Active meeting</option>
          <option value="closed">Closed</option>
        </select>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void load(false)} aria-label="Refresh" id="rooms-refresh">
          <Icon name="refresh" size={18} />
        </button>
        <button type="button" className="btn btn-danger btn-small" disabled={state.selected.size === 0} onClick={() => setPending({ kind: 'confirm', ids: [...state.selected] })}>
          Delete selected ({state.selected.size})
        </button>
      </div>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div className="table-wrap card">
        <table className="data-table" id="rooms-table">
          <thead>
            <tr>
              <th className="check-col"><input type="checkbox" aria-label="Select all rooms" checked={allSelected} onChange={() => dispatch({ type: 'toggleAll' })} /></th>
              {sortHeader('roomName', 'Room')}
              <th>Status</th>
              {sortHeader('creationDate', 'Created')}
              {sortHeader('autoDeletionDate', 'Auto deletion')}
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((room) => (
              <tr key={room.roomId} data-room-id={room.roomId} data-status={room.status}>
                <td className="check-col"><input type="checkbox" aria-label={`Select ${room.roomName}`} checked={state.selected.has(room.roomId)} onChange={() => dispatch({ type: 'toggle', id: room.roomId })} /></td>
                <td>
                  <strong>{room.roomName}</strong>
                  <div className="muted small mono">{room.roomId}</div>
                </td>
                <td>
                  <StatusBadge status={room.status} />
                  {room.meetingEndAction !== 'none' && (
                    <span className="end-action" title={endActionText[room.meetingEndAction]} aria-label={endActionText[room.meetingEndAction]}>
                      <Icon name="warning" size={16} />
                    </span>
                  )}
                </td>
                <td>{formatDate(room.creationDate)}</td>
                <td>{formatDate(room.autoDeletionDate)}</td>
                <td className="actions-col">
                  {room.status !== 'closed' && (
                    <a className="icon-btn" href={room.moderatorUrl} target="_blank" rel="noopener" title="Open room" aria-label={`Open room ${room.roomName}`}><Icon name="play" size={18} /></a>
                  )}
                  {room.status !== 'active_meeting' && (
                    <button type="button" className="icon-btn" title="Room settings" aria-label={`Room settings of ${room.roomName}`} onClick={() => navigate(`/rooms/${encodeURIComponent(room.roomId)}/edit`)}><Icon name="settings" size={18} /></button>
                  )}
                  <button type="button" className="icon-btn" title="View recordings" aria-label={`Recordings of ${room.roomName}`} onClick={() => navigate(`/recordings?roomId=${encodeURIComponent(room.roomId)}`)}><Icon name="record" size={18} /></button>
                  <CopyButton text={room.moderatorUrl} label="Copy moderator link" />
                  <CopyButton text={room.speakerUrl} label="Copy speaker link" />
                  {room.status === 'closed' ? (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => void setStatus(room, 'open')}>Reopen</button>
                  ) : (
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => void setStatus(room, 'closed')}>Close</button>
                  )}
                  <button type="button" className="icon-btn icon-btn-danger" title="Delete" aria-label={`Delete ${room.roomName}`} data-action="delete" onClick={() => setPending({ kind: 'confirm', ids: [room.roomId] })}><Icon name="close" size={18} /></button>
                </td>
              </tr>
            ))}
            {state.items.length === 0 && !loading && (
              <tr><td colSpan={6} className="empty-row muted">No rooms match. Create one above.</td></tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="load-more">
        {loading && <div className="spinner" role="status" aria-label="Loading" />}
        {!loading && state.nextPageToken && <button type="button" className="btn btn-secondary" onClick={() => void load(true)}>Load more</button>}
      </div>
      {pending?.kind === 'confirm' && (
        <Confirm
          title={pending.ids.length === 1 ? 'Delete room?' : `Delete ${pending.ids.length} rooms?`}
          message="Deleting cannot be undone."
          confirmLabel="Delete"
          danger
          onClose={() => setPending(null)}
          onConfirm={() => {
            const ids = pending.ids;
            setPending(null);
            void deleteMany(ids, 'fail', 'fail');
          }}
        />
      )}
      {pending?.kind === 'policy' && (
        <DeletePolicyDialog
          message={pending.message}
          onClose={() => setPending(null)}
          onChoose={(m, r) => {
            const ids = pending.ids;
            setPending(null);
            void deleteMany(ids, m, r);
          }}
        />
      )}
    </>
  );
}
