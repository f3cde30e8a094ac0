import { useTranslation } from 'react-i18next';
import type { Case } from '../../shared/contract/referral-schemas';

/** "Sessions used: 2 of 6" (or just the count when the case came without a contract). */
export function AllowanceLine({ clientCase }: { clientCase: Case }) {
  const { t } = useTranslation();
  const over = clientCase.sessionAllowance !== null && clientCase.sessionsUsed >= clientCase.sessionAllowance;
  return (
    <span className={over ? 'allowance allowance--used-up' : 'allowance'} data-testid="case-allowance">
      {clientCase.sessionAllowance === null
        ? t('calendar.allowance.usedNoLimit', { count: clientCase.sessionsUsed })
        : t('calendar.allowance.used', { used: clientCase.sessionsUsed, allowed: clientCase.sessionAllowance })}
    </span>
  );
}
