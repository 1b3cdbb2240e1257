import { useState } from 'react';
import { navigate } from '../lib/navigation';
import { Icon } from '../meeting/Icon';
import { ConsoleError } from './api';
import { useConsoleApi } from './context';
import { DeletePolicyDialog } from './DeletePolicyDialog';
import { PagedTableView, type Column } from './PagedTableView';
import type { MeetingPolicy, RecordingsPolicy, Room } from './types';
import { Confirm, CopyButton, PageHeader, StatusBadge, errorText, formatDate, useNotify } from './ui';
import { pageOf, usePagedTable } from './usePagedTable';
import { roomNameError } from './validation';

const roomId = (r: Room) => r.roomId;
type Pending = { kind: 'confirm'; ids: string[] } | { kind: 'policy'; ids: string[]; message: string } | null;

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'active_meeting', label: 'Active meeting' },
  { value: 'closed', label: 'Closed' },
] as const;
const COLUMNS: readonly Column[] = [
  { label: 'Room', sortField: 'roomName' },
  { label: 'Status' },
  { label: 'Created', sortField: 'creationDate' },
  { label: 'Auto deletion', sortField: 'autoDeletionDate' },
  { label: 'Actions', className: 'actions-col' },
];

const endActionText: Record<string, string> = {
  close: 'The room will be closed when the meeting ends',
  delete: 'The room will be deleted when the meeting ends',
};

export default function RoomsPage() {
  const api = useConsoleApi();
  const notify = useNotify();
  const table = usePagedTable<Room>({
    fetchPage: (q) => api.rooms(q).then((p) => pageOf(p.rooms, p.pagination)),
    idOf: roomId,
    sortField: 'creationDate',
  });
  const { state, dispatch } = table;
  const [quickName, setQuickName] = useState('');
  const [pending, setPending] = useState<Pending>(null);

  const quickCreate = async () => {
    const problem = roomNameError(quickName);
    if (problem) return notify(problem, 'error');
    try {
      const room = await api.createRoom(quickName.trim() ? { roomName: quickName.trim() } : {});
      setQuickName('');
      notify(`Room '${room.roomName}' created`);
      table.reload();
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
      <PagedTableView
        table={table}
        name="rooms"
        idOf={roomId}
        searchPlaceholder="Search by room name"
        searchLabel="Search rooms by name"
        statusOptions={STATUSES}
        actions={
          <button type="button" className="btn btn-danger btn-small" disabled={state.selected.size === 0} onClick={() => setPending({ kind: 'confirm', ids: [...state.selected] })}>
            Delete selected ({state.selected.size})
          </button>
        }
        columns={COLUMNS}
        selectAllLabel="Select all rooms"
        selectLabel={(room) => `Select ${room.roomName}`}
        rowAttributes={(room) => ({ 'data-room-id': room.roomId, 'data-status': room.status })}
        cells={(room) => (
          <>
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
              <CopyButton text={room.moderatorUrl} label="Copy moderator link" icon="shield" />
              <CopyButton text={room.speakerUrl} label="Copy speaker link" icon="link" />
              {room.status === 'closed' ? (
                <button type="button" className="btn btn-ghost btn-small" onClick={() => void setStatus(room, 'open')}>Reopen</button>
              ) : (
                <button type="button" className="btn btn-ghost btn-small" onClick={() => void setStatus(room, 'closed')}>Close</button>
              )}
              <button type="button" className="icon-btn icon-btn-danger" title="Delete" aria-label={`Delete ${room.roomName}`} data-action="delete" onClick={() => setPending({ kind: 'confirm', ids: [room.roomId] })}><Icon name="close" size={18} /></button>
            </td>
          </>
        )}
        emptyText="No rooms match. Create one above."
      />
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
