import { lazy, Suspense, useEffect, useState } from 'react';
import { MeetApi, type ThemeColors } from '@convene/client';
import { matchRoute } from './lib/route';
import { useLocation } from './lib/navigation';
import { applyTheme } from './lib/theme';
import { session } from './lib/session';
import { RoomPage } from './views/RoomPage';
import { EndView } from './views/EndView';
import { ErrorView } from './views/ErrorView';
import { texts } from './texts';
import { ThemeContext } from './lib/themeContext';

const RecordingsPage = lazy(() => import('./views/RecordingsPage'));
const RecordingViewer = lazy(() => import('./views/RecordingViewer'));
// The admin console is its own lazily loaded area: a meeting never downloads it.
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));
const LoginPage = lazy(() => import('./console/LoginPage'));

export function App() {
  const location = useLocation();
  const route = matchRoute(location.pathname, location.search);
  const [theme, setTheme] = useState<ThemeColors | undefined>(undefined);
  const [userTheme, setUserTheme] = useState(session.theme());
  const [custom, setCustom] = useState(false);

  useEffect(() => {
    new MeetApi()
      .appearance()
      .then(setTheme)
      .catch(() => setTheme(undefined));
  }, []);

  useEffect(() => {
    setCustom(applyTheme(document.documentElement, theme, userTheme).custom);
  }, [theme, userTheme]);

  let view;
  switch (route.name) {
    case 'room':
      view = <RoomPage key={route.roomId} roomId={route.roomId} />;
      break;
    case 'roomRecordings':
      view = <RecordingsPage roomId={route.roomId} />;
      break;
    case 'recording':
      view = <RecordingViewer recordingId={route.recordingId} />;
      break;
    case 'disconnected':
      view = <EndView reason={route.reason} />;
      break;
    case 'error':
      view = <ErrorView reason={route.reason} />;
      break;
    case 'login':
      view = <LoginPage />;
      break;
    case 'console':
      view = <ConsoleApp page={route.page} roomId={route.roomId} />;
      break;
    case 'home':
      view = <ConsoleApp page="overview" />;
      break;
    default:
      view = <ErrorView reason="invalid-room" />;
  }
  return (
    <ThemeContext.Provider value={{ custom, theme: userTheme ?? 'dark', setTheme: (t) => { session.setTheme(t); setUserTheme(t); } }}>
      <Suspense fallback={<div className="center-page" role="status">{texts.loading}</div>}>{view}</Suspense>
    </ThemeContext.Provider>
  );
}
