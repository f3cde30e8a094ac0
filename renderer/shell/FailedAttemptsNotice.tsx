import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Told once after sign-in: someone tried this account's passphrase and got it wrong. */
export function FailedAttemptsNotice({ count }: { count: number }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (count <= 0 || dismissed) return null;
  return (
    <div className="alert alert--warning alert--dismissible" role="alert" data-testid="failed-attempts">
      <span>{t('shell.failedAttempts', { count })}</span>
      <button type="button" className="button button--ghost button--small" onClick={() => setDismissed(true)}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
