import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../../shared/domain/agencies';
import type { ReferralStatus } from '../../../shared/domain/referrals';

const URGENCY_TONE: Record<Urgency, string> = { emergency: 'badge--danger', urgent: 'badge--warning', routine: 'badge--muted' };

/** Emergency, Urgent or Routine: the word in a tinted pill (the colour only repeats the word). */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${URGENCY_TONE[urgency]}`} data-urgency={urgency}>
      {t(`vocab.urgency.${urgency}`)}
    </span>
  );
}

const STATUS_TONE: Record<ReferralStatus, string> = {
  new: 'badge--info',
  triaged: 'badge--info',
  waitlisted: 'badge--warning',
  assigned: 'badge--success',
  first_session_booked: 'badge--success',
  closed: 'badge--muted',
};

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_TONE[status]}`} data-status={status}>
      {t(`vocab.referralStatus.${status}`)}
    </span>
  );
}
