import { lazy, Suspense, useEffect, useState } from 'react';
import { MeetApi, type ThemeColors } from '@convene/client';
import { matchRoute, type Route } from './lib/route';
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


  return (
    <ThemeContext.Provider value={{ custom, theme: userTheme ?? 'dark', setTheme: (t) => { session.setTheme(t); setUserTheme(t); } }}>
      <Suspense fallback={<div className="center-page" role="status">{texts.loading}</div>}>{routeView(route)}</Suspense>
    </ThemeContext.Provider>
  );
}

function routeView(route: Route) {
  switch (route.name) {
    case 'room': return <RoomPage key={route.roomId} roomId={route.roomId} />;
    case 'roomRecordings': return <RecordingsPage roomId={route.roomId} />;
    case 'recording': return <RecordingViewer recordingId={route.recordingId} />;
    case 'disconnected': return <EndView reason={route.reason} />;
    case 'error': return <ErrorView reason={route.reason} />;
    case 'login': return <LoginPage />;
    case 'console': return <ConsoleApp page={route.page} roomId={route.roomId} />;
    case 'home': return <ConsoleApp page="overview" />;
    default: return <ErrorView reason="invalid-room" />;
  }
}
