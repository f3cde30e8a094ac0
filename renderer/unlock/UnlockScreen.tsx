import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { SessionInfo } from '../../shared/contract/schemas';
import type { LockReason } from '../../shared/audit-actions';
import { AuthLayout } from '../components/AuthLayout';
import { LockNote } from './LockNote';
import { UnlockForm } from './UnlockForm';
import { RecoverForm } from './RecoverForm';

type KeyringUser = ChannelOutput<'app.status'>['users'][number];

interface UnlockScreenProps {
  users: KeyringUser[];
  keyringUnreadable: boolean;
  lockReason: LockReason | null;
  onSignedIn: (session: SessionInfo) => void;
}

/** Sign in with a passphrase, or set a new one with the recovery key. */
export function UnlockScreen({ users, keyringUnreadable, lockReason, onSignedIn }: UnlockScreenProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'unlock' | 'recover'>(keyringUnreadable || users.length === 0 ? 'recover' : 'unlock');
  const [recoverUsername, setRecoverUsername] = useState('');
  const onlyRecovery = keyringUnreadable || users.length === 0;

  if (mode === 'recover' || onlyRecovery) {
    return (
      <AuthLayout>
        <h1 className="card-title">{t('recover.title')}</h1>
        {keyringUnreadable ? (
          <div className="alert alert--warning" role="alert">
            {t('recover.keyringUnreadable')}
          </div>
        ) : users.length === 0 ? (
          <div className="alert alert--warning" role="alert">
            {t('recover.noUsers')}
          </div>
        ) : (
          <p className="card-lead">{t('recover.lead')}</p>
        )}
        <RecoverForm initialUsername={recoverUsername} onSignedIn={onSignedIn} onCancel={onlyRecovery ? null : () => setMode('unlock')} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <h1 className="card-title">{t('unlock.title')}</h1>
      <p className="card-lead">{t('unlock.lead')}</p>
      <LockNote reason={lockReason} />
      <UnlockForm users={users} onSignedIn={onSignedIn} />
      <p className="auth-aside">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setRecoverUsername('');
            setMode('recover');
          }}
        >
          {t('unlock.forgot')}
        </button>
      </p>
    </AuthLayout>
  );
}
