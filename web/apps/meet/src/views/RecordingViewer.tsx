import { useCallback, useEffect, useState } from 'react';
import { MeetApi, type MeetRecording } from '@convene/client';
import { formatElapsed } from '../lib/recordingClock';
import { navigate } from '../lib/navigation';
import { texts } from '../texts';
import { Icon } from '../meeting/Icon';

const api = new MeetApi();

/** `/recording/:id?secret=` (contract §10.6): a single recording behind its share link. */
export default function RecordingViewer({ recordingId }: { recordingId: string }) {
  const secret = new URLSearchParams(window.location.search).get('secret');
  const [rec, setRec] = useState<MeetRecording | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    setFailed(false);
    api.recording(recordingId, secret).then(setRec).catch(() => setFailed(true));
  }, [recordingId, secret]);
  useEffect(() => {
    if (!secret) navigate('/error?reason=missing-recording-secret', true);
    else load();
  }, [secret, load]);
  if (failed) {
    return (
      <main className="center-page">
        <section className="card end-card">
          <div className="end-icon end-icon-warning" aria-hidden="true"><Icon name="warning" size={40} /></div>
          <h1>{texts.recordings.notFoundTitle}</h1>
          <p className="muted">{texts.recordings.notFoundMessage}</p>
          <button type="button" className="btn btn-primary" onClick={load}>{texts.recordings.tryAgain}</button>
        </section>
      </main>
    );
  }
  if (!rec || !secret) return <main className="center-page"><div className="spinner" role="status" aria-label={texts.loading} /></main>;
  const media = `/api/v1/recordings/${encodeURIComponent(recordingId)}/media?secret=${encodeURIComponent(secret)}`;
  return (
    <main className="page recordings-page">
      <header className="page-header"><span className="brand">{texts.appName}</span></header>
      <section className="card wide-card">
        <h1>{rec.roomName}</h1>
        <p className="muted">
          {rec.startDate ? new Date(rec.startDate).toLocaleString() : ''} {rec.duration ? `· ${formatElapsed(rec.duration * 1000)}` : ''}
        </p>
        {rec.status !== 'complete' && <p className="notice notice-warning" role="status">{texts.recordings.status}: {rec.status}</p>}
        {rec.status === 'complete' && <video className="player" src={media} controls preload="metadata" aria-label={rec.roomName} />}
        <a className="btn btn-secondary btn-small" href={media} download><Icon name="download" size={16} /> {texts.recordings.download}</a>
      </section>
    </main>
  );
}
