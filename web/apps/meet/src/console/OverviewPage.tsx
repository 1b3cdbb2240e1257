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
          <StatCard id="rooms" title="Total Rooms" value={data.totalRooms} detail={`${data.activeRooms} with active meetings`} action="View rooms" onAction={go('/rooms')} />
          <StatCard id="recordings" title="Total Recordings" value={data.totalRecordings} detail={`${data.completeRecordings} available for playback`} action="View recordings" onAction={go('/recordings')} />
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

/** One figure of the overview: its heading, value (#total-<id>), a line of detail and a way to the list behind it. */
function StatCard({ id, title, value, detail, action, onAction }: { id: string; title: string; value: number; detail: string; action: string; onAction(): void }) {
  return (
    <section className="card stat-card" aria-labelledby={`stat-${id}`}>
      <h2 id={`stat-${id}`} className="muted small">{title}</h2>
      <p className="stat-value" id={`total-${id}`}>{value}</p>
      <p className="muted">{detail}</p>
      <button type="button" className="btn btn-secondary btn-small" onClick={onAction}>{action}</button>
    </section>
  );
}
