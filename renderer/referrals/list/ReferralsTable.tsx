import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { useFormatters } from '../../session/useFormatters';
import { StatusBadge, UrgencyBadge } from '../shared/badges';
import { TimelinessCell } from '../shared/TimelinessCell';
import { useNow } from '../shared/useNow';

interface ReferralsTableProps {
  referrals: Referral[];
  /** Admins see who each referral is assigned to; a counsellor's list is all their own. */
  showCounsellor: boolean;
  onOpen: (referral: Referral) => void;
  testId: string;
}

/** Referrals newest first, as the service lists them, each opening its details. */
export function ReferralsTable({ referrals, showCounsellor, onOpen, testId }: ReferralsTableProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const now = useNow(30_000);
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('referrals.columns.received')}</th>
            <th scope="col">{t('referrals.columns.client')}</th>
            <th scope="col">{t('referrals.columns.agency')}</th>
            <th scope="col">{t('referrals.columns.urgency')}</th>
            <th scope="col">{t('referrals.columns.status')}</th>
            <th scope="col">{t('referrals.timeliness.title')}</th>
            {showCounsellor && <th scope="col">{t('referrals.columns.counsellor')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('referrals.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id} data-referral-id={referral.id}>
              <td className="nowrap">{calendarDate(referral.receivedDate)}</td>
              <td>
                <div className="cell-primary nowrap">{referral.clientCode}</div>
                <div className="cell-secondary">{referral.clientName}</div>
              </td>
              <td>
                <div className="cell-primary">{referral.agencyName}</div>
                <div className="cell-secondary">{t(`vocab.referralType.${referral.referralType}`)}</div>
              </td>
              <td>
                <UrgencyBadge urgency={referral.urgency} />
              </td>
              <td>
                <StatusBadge status={referral.status} />
                {referral.closureReason && <div className="cell-secondary">{t(`vocab.closureReason.${referral.closureReason}`)}</div>}
              </td>
              <td>
                <TimelinessCell referral={referral} now={now} />
              </td>
              {showCounsellor && <td>{referral.counsellorName ?? <span className="muted">{t('referrals.list.unassigned')}</span>}</td>}
              <td className="table__actions">
                <button type="button" className="button button--ghost button--small" onClick={() => onOpen(referral)}>
                  {t('referrals.actions.details')}
                  <span className="visually-hidden"> {referral.clientCode}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
