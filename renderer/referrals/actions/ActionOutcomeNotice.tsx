import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import type { ActionOutcome } from './referral-actions';

/** "TN-2026-000001 is now Triaged." / "TN-2026-000001 is assigned to Budi Santoso; a case is open." */
export function ActionOutcomeNotice({ outcome }: { outcome: ActionOutcome }) {
  const { t } = useTranslation();
  const { referral } = outcome;
  const text =
    outcome.kind === 'assigned'
      ? t('referrals.notices.assigned', { code: referral.clientCode, counsellor: referral.counsellorName ?? '' })
      : referral.status === 'closed' && referral.closureReason
        ? t('referrals.notices.closed', { code: referral.clientCode, reason: t(`vocab.closureReason.${referral.closureReason}`) })
        : t('referrals.notices.moved', { code: referral.clientCode, status: t(`vocab.referralStatus.${referral.status}`) });
  return (
    <Notice tone="success" testId="referral-action-notice">
      {text}
    </Notice>
  );
}
