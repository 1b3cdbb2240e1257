import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** A button that opens a small popup menu; closes on Escape, on outside click and after choosing. */
export function Menu({ label, icon, children, className, badge }: { label: string; icon: ReactNode; children: (close: () => void) => ReactNode; className?: string; badge?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLElement>('[role="menu"] button, [role="menu"] [role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="menu-root" ref={root}>
      <button ref={button} type="button" className={className ?? 'tool-btn'} aria-haspopup="menu" aria-expanded={open} aria-controls={open ? id : undefined} aria-label={label} title={label} onClick={() => setOpen((v) => !v)}>
        {icon}
        {badge}
      </button>
      {open && (
        <div id={id} className="menu" role="menu" aria-label={label}>
          {children(close)}
        </div>
      )}
    </div>
  );
}

export function MenuItem({ onSelect, children, danger, id }: { onSelect(): void; children: ReactNode; danger?: boolean; id?: string }) {
  return (
    <button id={id} type="button" role="menuitem" className={`menu-item ${danger ? 'danger' : ''}`} onClick={onSelect}>
      {children}
    </button>
  );
}
