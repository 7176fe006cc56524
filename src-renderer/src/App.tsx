import { useCallback, useEffect, useMemo, useState } from 'react';
import { chooseClient } from './client/choose-client.ts';
import { hasWebSession } from './client/web-client.ts';
import { ActivityScreen } from './screens/ActivityScreen.tsx';
import { ConnectScreen } from './screens/ConnectScreen.tsx';
import { KeysScreen } from './screens/KeysScreen.tsx';
import { ConnectedApps } from './screens/ConnectedApps.tsx';
import { ServersScreen } from './screens/ServersScreen.tsx';
import { FoldersScreen } from './screens/FoldersScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { StatusHeader } from './screens/StatusHeader.tsx';
import { ClientContext } from './use-contract.ts';
import { parseRoute, routeHash, SCREENS } from './view/route.ts';

/** The route in the address bar, followed as it changes (links, Back, Forward). */
function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

export function App() {
  const { client, door } = useMemo(chooseClient, []);
  const [signedIn, setSignedIn] = useState(door === 'desktop' ? true : undefined);
  const route = useRoute();
  const tab = route.screen;
  useEffect(() => {
    document.title = `${SCREENS.find((s) => s.id === tab)?.label ?? ''} · MCP Tray`;
  }, [tab]);
  const signedOut = useCallback(() => setSignedIn(false), []);
  useEffect(() => {
    if (door === 'web') hasWebSession().then(setSignedIn, () => setSignedIn(false));
  }, [door]);

  if (signedIn === undefined) return null;
  if (!signedIn) return <SignIn link={new URLSearchParams(location.search).get('signin')} />;
  return (
    <ClientContext.Provider value={client}>
      <StatusHeader door={door} {...(door === 'web' && { onSignedOut: signedOut })} />
      <nav className="tabs" aria-label="Sections">
        {SCREENS.map((t) => (
          <a
            key={t.id}
            href={routeHash(t.id)}
            className={`tab ${tab === t.id ? 'active' : ''}`}
            aria-current={tab === t.id ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      <main className="content">
        {tab === 'keys' && (
          <>
            <KeysScreen />
            <ConnectedApps />
          </>
        )}
        {tab === 'connect' && <ConnectScreen params={route.params} />}
        {tab === 'servers' && <ServersScreen />}
        {tab === 'folders' && <FoldersScreen door={door} />}
        {tab === 'activity' && <ActivityScreen />}
        {tab === 'settings' && <SettingsScreen door={door} />}
      </main>
    </ClientContext.Provider>
  );
}
