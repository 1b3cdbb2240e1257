import { useEffect, useState } from 'react';
import { useConsoleApi } from './context';
import type { ApiKey } from './types';
import { Confirm, CopyButton, errorText, formatDate, useNotify } from './ui';

export function ApiKeyPanel() {
  const api = useConsoleApi();
  const notify = useNotify();
  const [key, setKey] = useState<ApiKey | null | undefined>(undefined);
  const [shown, setShown] = useState(false);
  const [confirm, setConfirm] = useState<'regenerate' | 'revoke' | null>(null);

  useEffect(() => {
    api.apiKeys().then((keys) => setKey(keys[0] ?? null), (e: unknown) => notify(errorText(e), 'error'));
  }, [api, notify]);

  const generate = async () => {
    try {
      setKey(await api.createApiKey());
      setShown(true);
      notify('API key generated');
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  const revoke = async () => {
    try {
      notify((await api.deleteApiKeys()).message);
      setKey(null);
    } catch (e) {
      notify(errorText(e), 'error');
    }
  };

  return (
    <section className="card panel" aria-labelledby="api-key-title">
      <h2 id="api-key-title">API key</h2>
      <p className="muted">Your backend sends it as <code>X-API-KEY</code> to the REST API; webhooks are signed with it.</p>
      {key === undefined && <div className="spinner" role="status" aria-label="Loading" />}
      {key === null && (
        <button type="button" className="btn btn-primary" id="generate-api-key" onClick={() => void generate()}>Generate API key</button>
      )}
      {key && (
        <>
          <span className="input-row">
            <input className="input mono" id="api-key-value" readOnly aria-label="API key" value={shown ? key.key : '•'.repeat(Math.min(key.key.length, 39))} />
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setShown((s) => !s)} aria-pressed={shown}>{shown ? 'Hide' : 'Show'}</button>
            <CopyButton text={key.key} label="Copy API key" />
          </span>
          <p className="muted small">Generated on {formatDate(key.creationDate)}</p>
          <div className="row-gap">
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirm('regenerate')}>Regenerate</button>
            <button type="button" className="btn btn-danger btn-small" onClick={() => setConfirm('revoke')}>Revoke</button>
          </div>
        </>
      )}
      {confirm && (
        <Confirm
          title={confirm === 'regenerate' ? 'Regenerate the API key?' : 'Revoke the API key?'}
          message={confirm === 'regenerate' ? 'The current key stops working at once; update every system that uses it.' : 'The REST API and webhooks stop working until you generate a new key.'}
          confirmLabel={confirm === 'regenerate' ? 'Regenerate' : 'Revoke'}
          danger
          onClose={() => setConfirm(null)}
          onConfirm={() => {
            const action = confirm;
            setConfirm(null);
            void (action === 'regenerate' ? generate() : revoke());
          }}
        />
      )}
    </section>
  );
}
