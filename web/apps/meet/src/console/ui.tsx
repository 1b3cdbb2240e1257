import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from '../meeting/Icon';
import { copyText } from '../meeting/CopyLinkButton';
import { ConsoleError } from './api';

// Small building blocks shared by the console pages.

export type Notify = (message: string, kind?: 'ok' | 'error') => void;
export const NotifyContext = createContext<Notify>(() => {});
export const useNotify = () => useContext(NotifyContext);

export function errorText(e: unknown): string {
  return e instanceof ConsoleError || e instanceof Error ? e.message : String(e);
}

export function Toasts({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<{ id: number; message: string; kind: 'ok' | 'error' }[]>([]);
  const next = useRef(0);
  const notify = useCallback<Notify>((message, kind = 'ok') => {
    const id = ++next.current;
    setItems((list) => [...list.slice(-3), { id, message, kind }]);
    window.setTimeout(() => setItems((list) => list.filter((t) => t.id !== id)), 5000);
  }, []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`}>
            <Icon name={t.kind === 'ok' ? 'check' : 'warning'} size={18} />
            <span>{t.message}</span>
          </div>
        ))}
      </div>
    </NotifyContext.Provider>
  );
}

export function Dialog({ title, children, onClose, id }: { title: string; children: ReactNode; onClose: () => void; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input, button.btn-primary')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="card modal" role="dialog" aria-modal="true" aria-labelledby={`${id ?? 'dialog'}-title`} id={id} ref={ref}>
        <h2 id={`${id ?? 'dialog'}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function Confirm({ title, message, confirmLabel, danger, onConfirm, onClose }: { title: string; message: string; confirmLabel: string; danger?: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} id="confirm-dialog">
      <p className="muted">{message}</p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose}>Cancel</button>
        <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} id="confirm-button" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </Dialog>
  );
}

export function CopyButton({ text, label, id, icon = 'copy' }: { text: string; label: string; id?: string; icon?: string }) {
  const notify = useNotify();
  return (
    <button type="button" className="icon-btn" id={id} title={label} aria-label={label} onClick={() => void copyText(text).then((ok) => notify(ok ? `${label.replace(/^Copy /, '')} copied to clipboard` : 'Copy failed', ok ? 'ok' : 'error'))}>
      <Icon name={icon} size={18} />
    </button>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const label = status === 'active_meeting' ? 'Active meeting' : status.replace(/_/g, ' ');
  return <span className={`status-badge status-${status}`}>{label.charAt(0).toUpperCase() + label.slice(1)}</span>;
}

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <header className="console-page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      <div className="header-actions">{children}</div>
    </header>
  );
}

export function Toggle({ checked, onChange, label, id, disabled }: { checked: boolean; onChange: (v: boolean) => void; label: string; id: string; disabled?: boolean }) {
  return (
    <label className="toggle" htmlFor={id}>
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span className="toggle-track" aria-hidden="true" />
      <span>{label}</span>
    </label>
  );
}

export const formatDate = (ms?: number) => (ms ? new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

export function formatDuration(seconds?: number): string {
  if (seconds === undefined) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatSize(bytes?: number): string {
  if (bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
