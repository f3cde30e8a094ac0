import { useCallback, useMemo, useState } from 'react';
import type { SessionInfo, Settings } from '../../shared/contract/schemas';
import { call } from '../api/client';
import { flushAll } from '../drafts/flush-registry';
import { SessionContext, type SessionState } from '../session/SessionContext';
import { useActivityReporter } from '../session/useActivityReporter';
import { ClientModeProvider } from '../client-mode/ClientModeProvider';
import { AppShell } from './AppShell';
import type { PageId } from './pages';
import type { SignInNotices } from './SignInNotices';

interface SignedInAppProps {
  session: SessionInfo;
  notices: SignInNotices;
  page: PageId;
  onNavigate: (page: PageId) => void;
  onLocked: () => void;
}

/** Everything after unlock: holds the session, reports activity for the idle lock. */
export function SignedInApp({ session: initial, notices, page, onNavigate, onLocked }: SignedInAppProps) {
  const [session, setSession] = useState(initial);
  useActivityReporter();

  const updateSettings = useCallback((settings: Settings) => setSession((current) => ({ ...current, settings })), []);
  const lock = useCallback(async () => {
    try {
      await flushAll(); // the note being typed reaches the vault before the key is dropped
      await call('session.lock', {});
    } finally {
      onLocked();
    }
  }, [onLocked]);

  const state = useMemo<SessionState>(() => ({ session, updateSettings, lock }), [session, updateSettings, lock]);
  return (
    <SessionContext.Provider value={state}>
      {/* Client mode replaces the whole shell while a client answers questionnaires. */}
      <ClientModeProvider>
        <AppShell page={page} onNavigate={onNavigate} notices={notices} />
      </ClientModeProvider>
    </SessionContext.Provider>
  );
}
