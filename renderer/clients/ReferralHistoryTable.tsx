import { useTranslation } from 'react-i18next';
import type { Referral } from '../../shared/contract/referral-schemas';
import type { Urgency } from '../../shared/domain/agencies';
import type { ReferralStatus } from '../../shared/domain/referrals';
import { useFormatters } from '../session/useFormatters';

const URGENCY_BADGE: Record<Urgency, string> = { emergency: 'badge--danger', urgent: 'badge--warning', routine: 'badge--muted' };
const STATUS_BADGE: Record<ReferralStatus, string> = {
  new: 'badge--warning',
  triaged: 'badge--warning',
  waitlisted: 'badge--warning',
  assigned: 'badge--success',
  first_session_booked: 'badge--success',
  closed: 'badge--muted',
};

/** Every referral the client came with, newest first: how and how urgently, and where each one stands. */
export function ReferralHistoryTable({ referrals }: { referrals: Referral[] }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="referrals-table">
        <thead>
          <tr>
            <th scope="col">{t('clients.referrals.columns.received')}</th>
            <th scope="col">{t('clients.referrals.columns.type')}</th>
            <th scope="col">{t('clients.referrals.columns.urgency')}</th>
            <th scope="col">{t('clients.referrals.columns.status')}</th>
            <th scope="col">{t('clients.referrals.columns.counsellor')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id} data-referral-id={referral.id}>
              <td className="nowrap">{calendarDate(referral.receivedDate)}</td>
              <td>
                <div>{t(`vocab.referralType.${referral.referralType}`)}</div>
                <div className="cell-secondary">{referral.agencyName}</div>
              </td>
              <td>
                <span className={`badge ${URGENCY_BADGE[referral.urgency]}`}>{t(`vocab.urgency.${referral.urgency}`)}</span>
              </td>
              <td>
                <span className={`badge ${STATUS_BADGE[referral.status]}`}>{t(`vocab.referralStatus.${referral.status}`)}</span>
                {referral.closureReason && <div className="cell-secondary">{t(`vocab.closureReason.${referral.closureReason}`)}</div>}
              </td>
              <td>{referral.counsellorName ?? <span className="muted">{t('clients.referrals.notAssigned')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
