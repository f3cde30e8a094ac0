import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { AddUserForm } from './AddUserForm';
import { DisableUserDialog } from './DisableUserDialog';
import { ResetPassphraseDialog } from './ResetPassphraseDialog';
import { UsersTable } from './UsersTable';

type Dialog = { kind: 'disable' | 'reset'; user: UserSummary } | null;

/** Everyone who can use Tenang here; add, disable, reset a passphrase. */
export function UsersPanel() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers((await call('users.list', {})).users);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    void load();
  };

  return (
    <>
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title" className="card-heading">
          {t('admin.users.title')}
        </h2>
        {notice && (
          <Notice tone="success" testId="users-notice">
            {notice}
          </Notice>
        )}
        <FormAlert code={loadError} />
        {users === null && !loadError ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <UsersTable users={users ?? []} onDisable={(user) => setDialog({ kind: 'disable', user })} onReset={(user) => setDialog({ kind: 'reset', user })} />
        )}
      </section>
      <AddUserForm onCreated={(user) => done(t('admin.users.created', { name: user.displayName }))} />
      {dialog?.kind === 'disable' && (
        <DisableUserDialog user={dialog.user} onClose={() => setDialog(null)} onDisabled={(user) => done(t('admin.users.disabled', { name: user.displayName }))} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPassphraseDialog user={dialog.user} onClose={() => setDialog(null)} onReset={(user) => done(t('admin.users.resetDone', { name: user.displayName }))} />
      )}
    </>
  );
}
