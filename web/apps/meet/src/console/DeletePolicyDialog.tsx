import { useState } from 'react';
import type { MeetingPolicy, RecordingsPolicy } from './types';
import { Dialog } from './ui';

/** Asked after a 409 on delete: what to do with an active meeting and with recordings (contract §3.5). */
export function DeletePolicyDialog({ message, onChoose, onClose }: { message: string; onChoose: (m: MeetingPolicy, r: RecordingsPolicy) => void; onClose: () => void }) {
  const [meeting, setMeeting] = useState<MeetingPolicy>('force');
  const [recordings, setRecordings] = useState<RecordingsPolicy>('close');
  return (
    <Dialog title="This room cannot simply be deleted" onClose={onClose} id="delete-policy-dialog">
      <p className="muted">{message}</p>
      <label className="field">
        With Active Meeting Policy
        <select id="delete-policy-meeting" value={meeting} onChange={(e) => setMeeting(e.target.value as MeetingPolicy)}>
          <option value="force">Force — end the meeting now and delete</option>
          <option value="when_meeting_ends">When the meeting ends — delete afterwards</option>
        </select>
      </label>
      <label className="field">
        With Recordings Policy
        <select id="delete-policy-recordings" value={recordings} onChange={(e) => setRecordings(e.target.value as RecordingsPolicy)}>
          <option value="close">Close — keep the recordings, close the room</option>
          <option value="force">Force — delete the recordings too</option>
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>Cancel</button>
        <button type="button" id="delete-policy-confirm" className="btn btn-danger" onClick={() => onChoose(meeting, recordings)}>Delete</button>
      </div>
    </Dialog>
  );
}
