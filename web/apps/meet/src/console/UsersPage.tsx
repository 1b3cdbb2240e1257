import { useState, type FormEvent } from 'react';
import { useConsoleApi } from './context';
import { PageHeader, errorText, useNotify } from './ui';
import { passwordErrors, type PasswordForm } from './validation';

export default function UsersPage({ username }: { username: string }) {
  const api = useConsoleApi();
  const notify = useNotify();
  const [form, setForm] = useState<PasswordForm>({ current: '', next: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = passwordErrors(form);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setServerError(null);
    if (Object.keys(errors).length > 0) return;
    try {
      notify((await api.changePassword(form.current, form.next)).message);
      setForm({ current: '', next: '', confirm: '' });
      setSubmitted(false);
    } catch (err) {
      setServerError(errorText(err));
    }
  };

  const field = (key: keyof PasswordForm, label: string, autoComplete: string) => (
    <label className="field">
      {label}
      <input id={`password-${key}`} className="input" type="password" autoComplete={autoComplete} value={form[key]} aria-invalid={submitted && errors[key] !== undefined} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} />
      {submitted && errors[key] && <span className="field-error">{errors[key]}</span>}
    </label>
  );

  return (
    <>
      <PageHeader title="Users & Permissions" subtitle="Single-user mode: one administrator" />
      <form className="card panel narrow" onSubmit={(e) => void submit(e)} aria-labelledby="pw-title" noValidate>
        <h2 id="pw-title">Change administrator password</h2>
        <label className="field">
          Username
          <input className="input" readOnly value={username} />
        </label>
        {field('current', 'Current password', 'current-password')}
        {field('next', 'New password (at least 5 characters)', 'new-password')}
        {field('confirm', 'Confirm new password', 'new-password')}
        {serverError && <p className="field-error" role="alert">{serverError}</p>}
        <button type="submit" className="btn btn-primary" id="change-password">Change password</button>
      </form>
    </>
  );
}
