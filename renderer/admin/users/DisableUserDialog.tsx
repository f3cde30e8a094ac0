import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../forms/FormAlert';

interface DisableUserDialogProps {
  user: UserSummary;
  onClose: () => void;
  onDisabled: (user: UserSummary) => void;
}

/** "Disable Dewi?" with what it means, before anything happens. */
export function DisableUserDialog({ user, onClose, onDisabled }: DisableUserDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onDisabled(await call('users.disable', { userId: user.id }));
    } catch (failure) {
      setError(errorCodeOf(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('admin.users.disableTitle', { name: user.displayName })} onClose={onClose}>
      <p className="dialog__text">{t('admin.users.disableExplanation', { name: user.displayName })}</p>
      <FormAlert code={error} />
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {t('admin.users.disableConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
