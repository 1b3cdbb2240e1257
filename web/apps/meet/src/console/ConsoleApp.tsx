import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ConsolePage } from '../lib/route';
import { navigate } from '../lib/navigation';
import { Icon } from '../meeting/Icon';
import { ConsoleApi } from './api';
import { Toasts } from './ui';
import { ConsoleContext } from './context';
import './console.css';

const OverviewPage = lazy(() => import('./OverviewPage'));
const RoomsPage = lazy(() => import('./RoomsPage'));
const RoomWizard = lazy(() => import('./RoomWizard'));
const RecordingsPage = lazy(() => import('./RecordingsPage'));
const EmbeddedPage = lazy(() => import('./EmbeddedPage'));
const UsersPage = lazy(() => import('./UsersPage'));
const ConfigPage = lazy(() => import('./ConfigPage'));

const nav: { page: ConsolePage; href: string; label: string; icon: string }[] = [
  { page: 'overview', href: '/overview', label: 'Overview', icon: 'signal' },
  { page: 'rooms', href: '/rooms', label: 'Rooms', icon: 'people' },
  { page: 'recordings', href: '/recordings', label: 'Recordings', icon: 'record' },
  { page: 'embedded', href: '/embedded', label: 'Embedded', icon: 'link' },
  { page: 'users', href: '/users-permissions', label: 'Users & Permissions', icon: 'shield' },
  { page: 'config', href: '/config', label: 'Configuration', icon: 'settings' },
];

export function loginHref(): string {
  const here = window.location.pathname + window.location.search;
  return `/login?redirectTo=${encodeURIComponent(here)}`;
}

/** The admin console: a signed-in admin's shell with navigation around the current page (contract §10.7). */
export default function ConsoleApp({ page, roomId }: { page: ConsolePage; roomId?: string }) {
  const api = useMemo(() => new ConsoleApi(), []);
  const [user, setUser] = useState<string | null>(null);

  useEffect(() => {
    api.onSignedOut = () => navigate(loginHref(), true);
    if (!api.signedIn) {
      navigate(loginHref(), true);
      return;
    }
    api
      .profile()
      .then((p) => {
        if (!p.roles.includes('admin')) navigate(loginHref(), true);
        else setUser(p.username);
      })
      .catch(() => navigate(loginHref(), true));
  }, [api]);

  const logout = async () => {
    await api.logout();
    navigate('/login', true);
  };

  const active = page === 'roomNew' || page === 'roomEdit' ? 'rooms' : page;


  return (
    <ConsoleContext.Provider value={api}>
      <Toasts>
        <div className="console">
          <nav className="console-nav" aria-label="Console">
            <div className="brand console-brand">Convene</div>
            <ul>
              {nav.map((n) => (
                <li key={n.page}>
                  <a
                    href={n.href}
                    className={active === n.page ? 'nav-link active' : 'nav-link'}
                    aria-current={active === n.page ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(n.href);
                    }}
                  >
                    <Icon name={n.icon} size={18} />
                    <span>{n.label}</span>
                  </a>
                </li>
              ))}
            </ul>
            <div className="console-user">
              <span className="muted small">{user ? `Signed in as ${user}` : ' '}</span>
              <button type="button" id="logout-button" className="btn btn-ghost btn-small" onClick={() => void logout()}>
                <Icon name="leave" size={18} /> Log out
              </button>
            </div>
          </nav>
          <main className="console-main">
            {user === null ? (
              <div className="spinner" role="status" aria-label="Loading" />
            ) : (
              <Suspense fallback={<div className="spinner" role="status" aria-label="Loading" />}>{pageContent(page, roomId, user)}</Suspense>
            )}
          </main>
        </div>
      </Toasts>
    </ConsoleContext.Provider>
  );
}

function pageContent(page: ConsolePage, roomId: string | undefined, user: string | null) {
  switch (page) {
    case 'overview': return <OverviewPage />;
    case 'rooms': return <RoomsPage />;
    case 'roomNew': return <RoomWizard />;
    case 'roomEdit': return <RoomWizard roomId={roomId} />;
    case 'recordings': return <RecordingsPage />;
    case 'embedded': return <EmbeddedPage />;
    case 'users': return <UsersPage username={user ?? ''} />;
    case 'config': return <ConfigPage />;
  }
}
