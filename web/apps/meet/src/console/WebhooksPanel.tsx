import { useCallback, useEffect, useState } from 'react';
import { Icon } from '../meeting/Icon';
import { ConsoleError } from './api';
import { useConsoleApi } from './context';
import type { Delivery } from './types';
import { StatusBadge, Toggle, errorText, formatDate, useNotify } from './ui';
import { webhookUrlError } from './validation';

export function WebhooksPanel() {
  const api = useConsoleApi();
  const notify = useNotify();
  const [enabled, setEnabled] = useState(false);
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.webhooks().then((c) => {
      setEnabled(c.enabled);
      setUrl(c.url ?? '');
    }, (e: unknown) => notify(errorText(e), 'error'));
  }, [api, notify]);

  const problem = webhookUrlError(url, enabled);
  const save = async () => {
    setTouched(true);
    if (problem) return;
    setBusy(true);
    try {
      notify((await api.saveWebhooks(url.trim() ? { enabled, url: url.trim() } : { enabled })).message);
    } catch (e) {
      notify(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  const test = async () => {
    setTouched(true);
    const p = webhookUrlError(url, true);
    if (p) return;
    setBusy(true);
    try {
      notify((await api.testWebhook(url.trim())).message);
    } catch (e) {
      notify(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="muted">Convene posts meeting and recording events to your URL, signed with the API key, retried until delivered.</p>
      <Toggle id="webhooks-enabled" checked={enabled} onChange={setEnabled} label="Send webhooks" />
      <label className="field">
        Webhook URL
        <input id="webhook-url" className="input" type="url" placeholder="https://example.com/webhooks/convene" value={url} onChange={(e) => setUrl(e.target.value)} onBlur={() => setTouched(true)} aria-invalid={touched && problem !== null} />
      </label>
      {touched && problem && <p className="field-error" role="alert">{problem}</p>}
      <div className="row-gap">
        <button type="button" className="btn btn-primary" id="save-webhooks" disabled={busy} onClick={() => void save()}>Save Configuration</button>
        <button type="button" className="btn btn-secondary" id="test-webhook" disabled={busy || !url.trim()} onClick={() => void test()}>Test Webhook</button>
      </div>
      <DeliveryLog />
    </section>
  );
}

function DeliveryLog() {
  const api = useConsoleApi();
  const notify = useNotify();
  const [items, setItems] = useState<Delivery[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (token?: string) => {
      try {
        const page = await api.deliveries(token);
        setItems((list) => (token ? [...list, ...page.deliveries] : page.deliveries));
        setNext(page.pagination.nextPageToken);
        setError(null);
      } catch (e) {
        setError(e instanceof ConsoleError && e.status === 404 ? 'The delivery log is not available on this server.' : errorText(e));
      }
    },
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const redeliver = async (d: Delivery) => {
    try {
      await api.redeliver(d.id);
      notify(`Delivery of ${d.event} queued again`);
      void load();
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  return (
    <div className="delivery-log">
      <div className="card-title-row">
        <h3>Delivery log</h3>
        <button type="button" className="btn btn-ghost btn-small" aria-label="Refresh delivery log" onClick={() => void load()}><Icon name="refresh" size={18} /></button>
      </div>
      {error && <p className="muted">{error}</p>}
      {!error && (
        <div className="table-wrap">
          <table className="data-table" id="deliveries-table">
            <thead>
              <tr><th>Event</th><th>Room</th><th>Status</th><th>Attempts</th><th>Response</th><th>Created</th><th className="actions-col">Actions</th></tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-delivery-id={d.id}>
                  <td><strong>{d.event}</strong><div className="muted small mono" title="Event id">{d.eventId}</div></td>
                  <td className="mono small">{d.roomId ?? '—'}</td>
                  <td><StatusBadge status={d.status} /></td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatusCode ?? '—'}{d.lastError && <div className="muted small">{d.lastError}</div>}</td>
                  <td>{formatDate(d.createdAt)}{d.deliveredAt && <div className="muted small">delivered {formatDate(d.deliveredAt)}</div>}</td>
                  <td className="actions-col"><button type="button" className="btn btn-ghost btn-small" onClick={() => void redeliver(d)}>Redeliver</button></td>
                </tr>
              ))}
              {items.length === 0 && <tr><td colSpan={7} className="empty-row muted">No webhook deliveries yet.</td></tr>}
            </tbody>
          </table>
        </div>
      )}
      {next && <div className="load-more"><button type="button" className="btn btn-secondary btn-small" onClick={() => void load(next)}>Load more</button></div>}
    </div>
  );
}
