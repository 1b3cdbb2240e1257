import { useEffect, useState } from 'react';
import { navigate } from '../lib/navigation';
import { useConsoleApi } from './context';
import type { AccessTo, Room, RoomConfig, RoomOptions } from './types';
import { CopyButton, PageHeader, Toggle, errorText, useNotify } from './ui';
import { autoDeletionError, fromLocalInput, roomNameError } from './validation';

interface Form {
  roomName: string;
  autoDeletion: string;
  withMeeting: 'force' | 'when_meeting_ends';
  withRecordings: 'force' | 'close';
  recording: boolean;
  allowAccessTo: AccessTo;
  chat: boolean;
  virtualBackground: boolean;
  e2ee: boolean;
}

const defaults: Form = {
  roomName: '',
  autoDeletion: '',
  withMeeting: 'when_meeting_ends',
  withRecordings: 'close',
  recording: true,
  allowAccessTo: 'admin_moderator_speaker',
  chat: true,
  virtualBackground: true,
  e2ee: false,
};

export function toConfig(f: Form): RoomConfig {
  return {
    chat: { enabled: f.chat },
    recording: { enabled: f.recording && !f.e2ee, allowAccessTo: f.allowAccessTo },
    virtualBackground: { enabled: f.virtualBackground },
    e2ee: { enabled: f.e2ee },
  };
}

const STEPS = ['Room Details', 'Recording Settings', 'Room Features'];

/** Create a room step by step (or edit an existing room's config, which skips the details step). */
export default function RoomWizard({ roomId }: { roomId?: string }) {
  const api = useConsoleApi();
  const notify = useNotify();
  const editing = roomId !== undefined;
  const [form, setForm] = useState<Form>(defaults);
  const [step, setStep] = useState(editing ? 1 : 0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Room | null>(null);
  const [roomName, setRoomName] = useState<string | null>(null);

  useEffect(() => {
    if (!roomId) return;
    api.room(roomId).then(
      (room) => {
        if (room.status === 'active_meeting') {
          notify('A room with an active meeting cannot be edited', 'error');
          navigate('/rooms', true);
          return;
        }
        setRoomName(room.roomName);
        const c = room.config;
        setForm((f) => ({
          ...f,
          recording: c.recording?.enabled ?? true,
          allowAccessTo: c.recording?.allowAccessTo ?? 'admin_moderator_speaker',
          chat: c.chat?.enabled ?? true,
          virtualBackground: c.virtualBackground?.enabled ?? true,
          e2ee: c.e2ee?.enabled ?? false,
        }));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [api, roomId, notify]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const stepError = (): string | null => {
    if (step !== 0) return null;
    return roomNameError(form.roomName) ?? autoDeletionError(fromLocalInput(form.autoDeletion), Date.now());
  };

  const next = () => {
    const problem = stepError();
    setError(problem);
    if (!problem) setStep((s) => s + 1);
  };

  const submit = async () => {
    const problem = stepError();
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      if (editing && roomId) {
        const result = await api.updateRoomConfig(roomId, toConfig(form));
        notify(result.message);
        navigate('/rooms');
        return;
      }
      const options: RoomOptions = { config: toConfig(form), autoDeletionPolicy: { withMeeting: form.withMeeting, withRecordings: form.withRecordings } };
      if (form.roomName.trim()) options.roomName = form.roomName.trim();
      const date = fromLocalInput(form.autoDeletion);
      if (date !== null) options.autoDeletionDate = date;
      const room = await api.createRoom(options);
      notify(`Room '${room.roomName}' created`);
      setCreated(room);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <>
        <PageHeader title="Room created" subtitle={created.roomName} />
        <section className="card wizard-card" id="room-created">
          <p>Share these links. Moderators can manage the meeting; speakers join it.</p>
          {(['moderator', 'speaker'] as const).map((kind) => {
            const url = kind === 'moderator' ? created.moderatorUrl : created.speakerUrl;
            return (
              <label key={kind} className="field">
                {kind === 'moderator' ? 'Moderator link' : 'Speaker link'}
                <span className="input-row">
                  <input className="input mono" id={`created-${kind}-url`} readOnly value={url} onFocus={(e) => e.target.select()} />
                  <CopyButton text={url} label={`Copy ${kind} link`} id={`copy-${kind}-link`} />
                </span>
              </label>
            );
          })}
          <div className="dialog-actions">
            <a className="btn btn-secondary" href={created.moderatorUrl} target="_blank" rel="noopener">Open room</a>
            <button type="button" className="btn btn-primary" id="back-to-rooms" onClick={() => navigate('/rooms')}>Back to rooms</button>
          </div>
        </section>
      </>
    );
  }

  const first = editing ? 1 : 0;
  const last = STEPS.length - 1;
  return (
    <>
      <PageHeader title={editing ? `Room settings${roomName ? ` — ${roomName}` : ''}` : 'Create room'} subtitle={editing ? roomId : 'Advanced setup'} />
      <ol className="steps" aria-label="Steps">
        {STEPS.map((s, i) => (i < first ? null : (
          <li key={s} className={i === step ? 'current' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>
            <span className="step-no">{i - first + 1}</span> {s}
          </li>
        )))}
      </ol>
      <section className="card wizard-card" aria-labelledby="wizard-step-title">
        <h2 id="wizard-step-title">{STEPS[step]}</h2>
        {step === 0 && (
          <>
            <label className="field">
              Room name
              <input id="wizard-room-name" className="input" placeholder="Room" value={form.roomName} onChange={(e) => set('roomName', e.target.value)} />
            </label>
            <label className="field">
              Auto-deletion date (optional, at least 61 minutes from now)
              <input id="wizard-auto-deletion" className="input" type="datetime-local" value={form.autoDeletion} onChange={(e) => set('autoDeletion', e.target.value)} />
            </label>
            <div className="two-cols">
              <label className="field">
                If a meeting is active then
                <select id="wizard-with-meeting" value={form.withMeeting} onChange={(e) => set('withMeeting', e.target.value as Form['withMeeting'])}>
                  <option value="when_meeting_ends">Wait until the meeting ends</option>
                  <option value="force">End the meeting and delete</option>
                </select>
              </label>
              <label className="field">
                If the room has recordings
                <select id="wizard-with-recordings" value={form.withRecordings} onChange={(e) => set('withRecordings', e.target.value as Form['withRecordings'])}>
                  <option value="close">Close the room, keep recordings</option>
                  <option value="force">Delete room and recordings</option>
                </select>
              </label>
            </div>
          </>
        )}
        {step === 1 && (
          <>
            <fieldset className="field">
              <legend>Recording</legend>
              <label className="radio"><input type="radio" name="recording" id="wizard-recording-on" checked={form.recording} disabled={form.e2ee} onChange={() => set('recording', true)} /> Allow recording</label>
              <label className="radio"><input type="radio" name="recording" id="wizard-recording-off" checked={!form.recording} onChange={() => set('recording', false)} /> No recording</label>
              {form.e2ee && <p className="muted small">Recording is unavailable with end-to-end encryption.</p>}
            </fieldset>
            {form.recording && (
              <label className="field">
                Who can access recordings
                <select id="wizard-access" value={form.allowAccessTo} onChange={(e) => set('allowAccessTo', e.target.value as AccessTo)}>
                  <option value="admin">Only the admin</option>
                  <option value="admin_moderator">Admin and moderators</option>
                  <option value="admin_moderator_speaker">Admin, moderators and speakers</option>
                </select>
              </label>
            )}
          </>
        )}
        {step === 2 && (
          <div className="feature-list">
            <Toggle id="wizard-e2ee" checked={form.e2ee} onChange={(v) => set('e2ee', v)} label="End-to-end encryption" />
            {form.e2ee && (
              <p className="notice notice-warning">With end-to-end encryption, recording is turned off and every participant must type the same key.</p>
            )}
            <Toggle id="wizard-chat" checked={form.chat} onChange={(v) => set('chat', v)} label="Chat" />
            <Toggle id="wizard-vb" checked={form.virtualBackground} onChange={(v) => set('virtualBackground', v)} label="Virtual backgrounds" />
          </div>
        )}
        {error && <p className="field-error" role="alert" id="wizard-error">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={() => (step > first ? setStep(step - 1) : navigate('/rooms'))}>{step > first ? 'Back' : 'Cancel'}</button>
          {step < last && <button type="button" className="btn btn-secondary" id="wizard-next" onClick={next}>Next</button>}
          {(step === last || editing) && (
            <button type="button" className="btn btn-primary" id="wizard-submit" disabled={busy} onClick={() => void submit()}>{editing ? 'Save changes' : 'Create room'}</button>
          )}
        </div>
      </section>
    </>
  );
}
