import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/schemas';
import { useFormatters } from '../session/useFormatters';

/** What a person is told once, right after signing in, about their own account. */
export type SignInNotices = Pick<SessionInfo, 'failedAttemptsSinceLastSignIn' | 'passphraseResetSinceLastSignIn'>;

export const NO_SIGN_IN_NOTICES: SignInNotices = { failedAttemptsSinceLastSignIn: 0, passphraseResetSinceLastSignIn: null };

function DismissibleAlert({ testId, children }: { testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div className="alert alert--warning alert--dismissible" role="alert" data-testid={testId}>
      <span>{children}</span>
      <button type="button" className="button button--ghost button--small" onClick={() => setDismissed(true)}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

/**
 * Someone tried this account's passphrase and got it wrong; someone else gave it a new
 * passphrase (an admin who then signed in as this person cannot go unnoticed).
 */
export function SignInNoticesBar({ notices }: { notices: SignInNotices }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const reset = notices.passphraseResetSinceLastSignIn;
  return (
    <>
      {reset && <DismissibleAlert testId="passphrase-reset-notice">{t('shell.passphraseReset', { name: reset.byName, when: dateTime(reset.at) })}</DismissibleAlert>}
      {notices.failedAttemptsSinceLastSignIn > 0 && <DismissibleAlert testId="failed-attempts">{t('shell.failedAttempts', { count: notices.failedAttemptsSinceLastSignIn })}</DismissibleAlert>}
    </>
  );
}
