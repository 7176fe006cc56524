import { useCallback, useEffect, useMemo, useState } from 'react';
import { chooseClient } from './client/choose-client.ts';
import { hasWebSession } from './client/web-client.ts';
import { ActivityScreen } from './screens/ActivityScreen.tsx';
import { ConnectScreen } from './screens/ConnectScreen.tsx';
import { KeysScreen } from './screens/KeysScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { SignIn } from './screens/SignIn.tsx';
import { StatusHeader } from './screens/StatusHeader.tsx';
import { ClientContext } from './use-contract.ts';

const TABS = [
  { id: 'keys', label: 'Keys' },
  { id: 'connect', label: 'Connect' },
  { id: 'activity', label: 'Activity' },
  { id: 'settings', label: 'Settings' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function App() {
  const { client, door } = useMemo(chooseClient, []);
  const [signedIn, setSignedIn] = useState(door === 'desktop' ? true : undefined);
  const [tab, setTab] = useState<Tab>('keys');
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
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`tab ${tab === t.id ? 'active' : ''}`}
            aria-current={tab === t.id ? 'page' : undefined}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <main className="content">
        {tab === 'keys' && <KeysScreen />}
        {tab === 'connect' && <ConnectScreen />}
        {tab === 'activity' && <ActivityScreen />}
        {tab === 'settings' && <SettingsScreen door={door} />}
      </main>
    </ClientContext.Provider>
  );
}
