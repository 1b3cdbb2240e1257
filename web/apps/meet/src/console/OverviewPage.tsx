import { useEffect, useState } from 'react';
import { navigate } from '../lib/navigation';
import { Icon } from '../meeting/Icon';
import { useConsoleApi } from './context';
import type { Analytics } from './types';
import { PageHeader, errorText } from './ui';

export default function OverviewPage() {
  const api = useConsoleApi();
  const [data, setData] = useState<Analytics | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.analytics().then(setData, (e: unknown) => setError(errorText(e)));
  }, [api]);

  const go = (href: string) => () => navigate(href);
  return (
    <>
      <PageHeader title="Overview" subtitle="Your rooms and recordings at a glance">
        <button type="button" className="btn btn-primary" onClick={go('/rooms/new')}>
          Create room
        </button>
      </PageHeader>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {data === null && !error && <div className="spinner" role="status" aria-label="Loading" />}
      {data && (
        <div className="stat-grid">
          <section className="card stat-card" aria-labelledby="stat-rooms">
            <h2 id="stat-rooms" className="muted small">Total Rooms</h2>
            <p className="stat-value" id="total-rooms">{data.totalRooms}</p>
            <p className="muted">{data.activeRooms} with active meetings</p>
            <button type="button" className="btn btn-secondary btn-small" onClick={go('/rooms')}>View rooms</button>
          </section>
          <section className="card stat-card" aria-labelledby="stat-recordings">
            <h2 id="stat-recordings" className="muted small">Total Recordings</h2>
            <p className="stat-value" id="total-recordings">{data.totalRecordings}</p>
            <p className="muted">{data.completeRecordings} available for playback</p>
            <button type="button" className="btn btn-secondary btn-small" onClick={go('/recordings')}>View recordings</button>
          </section>
        </div>
      )}
      {data && data.totalRooms === 0 && (
        <section className="card get-started" aria-labelledby="get-started">
          <h2 id="get-started">Get started</h2>
          <div className="quick-actions">
            <button type="button" className="quick-action" onClick={go('/rooms/new')}>
              <Icon name="people" /> <span><strong>Create your first room</strong><br /><span className="muted small">Rooms hold meetings and their recordings</span></span>
            </button>
            <button type="button" className="quick-action" onClick={go('/config')}>
              <Icon name="image" /> <span><strong>Customise the appearance</strong><br /><span className="muted small">Your colours in every meeting</span></span>
            </button>
            <button type="button" className="quick-action" onClick={go('/embedded')}>
              <Icon name="link" /> <span><strong>Embed via the REST API</strong><br /><span className="muted small">API key, webhooks and the web component</span></span>
            </button>
          </div>
        </section>
      )}
    </>
  );
}
