import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { SessionInfo } from '../../shared/contract/schemas';
import { LOCK_REASONS, type LockReason } from '../../shared/audit-actions';
import type { ErrorCode } from '../../shared/errors';
import { findBridge } from '../api/bridge';
import { call, errorCodeOf, onNotSignedIn, onVaultProblem, type VaultProblemCode } from '../api/client';
import { applyClinicLanguage } from '../i18n/language';
import { SetupWizard } from '../setup/SetupWizard';
import { RecoveryKeyScreen } from '../setup/RecoveryKeyScreen';
import { UnlockScreen } from '../unlock/UnlockScreen';
import { SignedInApp } from '../shell/SignedInApp';
import { homePageFor, mayOpen, type PageId } from '../shell/pages';
import { flushAll } from '../drafts/flush-registry';
import { LoadingScreen } from './LoadingScreen';
import { StartupProblemScreen } from './StartupProblemScreen';
import { VaultProblemScreen } from './VaultProblemScreen';
import { NO_SIGN_IN_NOTICES, type SignInNotices } from '../shell/SignInNotices';

type KeyringUser = ChannelOutput<'app.status'>['users'][number];

type Screen =
  | { kind: 'loading' }
  | { kind: 'no-bridge' }
  | { kind: 'failed'; code: ErrorCode }
  | { kind: 'vault-problem'; code: VaultProblemCode }
  | { kind: 'setup' }
  | { kind: 'recovery-key'; recoveryKey: string; session: SessionInfo }
  | { kind: 'unlock'; users: KeyringUser[]; keyringUnreadable: boolean; lockReason: LockReason | null }
  | { kind: 'shell'; session: SessionInfo; notices: SignInNotices };

function lockReasonOf(payload: unknown): LockReason {
  const reason = (payload as { reason?: unknown } | null)?.reason;
  return (LOCK_REASONS as readonly unknown[]).includes(reason) ? (reason as LockReason) : 'manual';
}

/** Decides which screen shows: first-run setup, unlock, or the signed-in app. */
export function App() {
  const [screen, setScreen] = useState<Screen>(() => (findBridge() ? { kind: 'loading' } : { kind: 'no-bridge' }));
  const screenKind = useRef(screen.kind);
  screenKind.current = screen.kind;
  // Where the person was when the app locked, so unlocking takes them back there.
  const [page, setPage] = useState<PageId>('referrals');
  const lastUserId = useRef<number | null>(null);
  // A lock while the recovery key is on screen: the (still empty) vault locks, but the key
  // stays until the person confirms they stored it, then they sign in again.
  const lockedDuringRecoveryKey = useRef<LockReason | null>(null);

  const showStatus = useCallback(async (lockReason: LockReason | null) => {
    try {
      const status = await call('app.status', {});
      if (status.vault === 'uninitialised') setScreen({ kind: 'setup' });
      else if (status.vault === 'unlocked' && status.session) enterApp(status.session, NO_SIGN_IN_NOTICES);
      else
        setScreen({
          kind: 'unlock',
          users: status.users,
          keyringUnreadable: status.vault === 'keyring_unreadable',
          lockReason,
        });
    } catch (error) {
      setScreen({ kind: 'failed', code: errorCodeOf(error) });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- enterApp only uses setters and refs
  }, []);

  const enterApp = (session: SessionInfo, notices: SignInNotices) => {
    const home = homePageFor(session.user.role);
    if (lastUserId.current !== session.user.id) setPage(home);
    else setPage((current) => (mayOpen(current, session.user.role) ? current : home));
    lastUserId.current = session.user.id;
    void applyClinicLanguage(session.settings.language);
    setScreen({ kind: 'shell', session, notices });
  };

  useEffect(() => {
    const bridge = findBridge();
    if (!bridge) return;
    void showStatus(null);
    const stopLockEvents = bridge.on('session.locked', (payload) => {
      if (screenKind.current === 'recovery-key') lockedDuringRecoveryKey.current = lockReasonOf(payload);
      else void showStatus(lockReasonOf(payload));
    });
    // The main process is about to lock or close the window: save what is being typed now.
    const stopFlushEvents = bridge.on('drafts.flush', () => void flushAll());
    const stopNotSignedIn = onNotSignedIn(() => {
      if (screenKind.current === 'shell') void showStatus(null);
    });
    const stopVaultProblems = onVaultProblem((code) => setScreen({ kind: 'vault-problem', code }));
    return () => {
      stopLockEvents();
      stopFlushEvents();
      stopNotSignedIn();
      stopVaultProblems();
    };
  }, [showStatus]);

  switch (screen.kind) {
    case 'loading':
      return <LoadingScreen />;
    case 'no-bridge':
      return <StartupProblemScreen code={null} />;
    case 'failed':
      return <StartupProblemScreen code={screen.code} onRetry={() => void showStatus(null)} />;
    case 'vault-problem':
      return <VaultProblemScreen code={screen.code} onBack={() => void showStatus(null)} />;
    case 'setup':
      return <SetupWizard onCreated={(recoveryKey, session) => setScreen({ kind: 'recovery-key', recoveryKey, session })} />;
    case 'recovery-key':
      return (
        <RecoveryKeyScreen
          recoveryKey={screen.recoveryKey}
          onContinue={() => {
            const lockedWith = lockedDuringRecoveryKey.current;
            lockedDuringRecoveryKey.current = null;
            if (lockedWith) void showStatus(lockedWith);
            else enterApp(screen.session, NO_SIGN_IN_NOTICES);
          }}
        />
      );
    case 'unlock':
      return (
        <UnlockScreen
          users={screen.users}
          keyringUnreadable={screen.keyringUnreadable}
          lockReason={screen.lockReason}
          onSignedIn={(session) => enterApp(session, session)}
        />
      );
    case 'shell':
      return (
        <SignedInApp
          key={screen.session.user.id}
          session={screen.session}
          notices={screen.notices}
          page={page}
          onNavigate={setPage}
          onLocked={() => void showStatus('manual')}
        />
      );
  }
}
