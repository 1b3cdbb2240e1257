import { useState, type FormEvent } from 'react';
import { navigate } from '../lib/navigation';
import { ConsoleApi } from './api';
import { errorText } from './ui';
import './console.css';

/** Only same-site paths are followed after login (no open redirect). */
export function safeRedirect(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/overview';
}

export default function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (username.length < 4 || password.length < 4) {
      setError('Username and password have at least 4 characters');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await new ConsoleApi().login(username, password);
      navigate(safeRedirect(new URLSearchParams(window.location.search).get('redirectTo')), true);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <main className="center-page">
      <div className="brand">Convene</div>
      <form className="card login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Sign in to the console</h1>
        <label className="field">
          Username
          <input id="login-username" className="input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label className="field">
          Password
          <span className="input-row">
            <input id="login-password" className="input" type={show ? 'text' : 'password'} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setShow((s) => !s)} aria-pressed={show}>
              {show ? 'Hide' : 'Show'}
            </button>
          </span>
        </label>
        {error && (
          <p className="field-error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <button id="login-button" type="submit" className="btn btn-primary btn-wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
