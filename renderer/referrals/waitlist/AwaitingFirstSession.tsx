import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { TimeLeftCell } from '../shared/TimeLeftCell';
import { UrgencyBadge } from '../shared/badges';

interface AwaitingFirstSessionProps {
  referrals: Referral[];
  now: number;
  onBook: (referral: Referral) => void;
}

/** Referrals assigned to a counsellor whose first session is not booked yet: the clock is still running. */
export function AwaitingFirstSession({ referrals, now, onBook }: AwaitingFirstSessionProps) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="awaiting-title" data-testid="awaiting-first-session">
      <h2 id="awaiting-title" className="card-heading">
        {t('referrals.firstSession.awaitingTitle')}
      </h2>
      <p className="card-text">{t('referrals.firstSession.awaitingLead')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('referrals.columns.urgency')}</th>
              <th scope="col">{t('referrals.columns.client')}</th>
              <th scope="col">{t('referrals.columns.counsellor')}</th>
              <th scope="col">{t('referrals.columns.timeLeft')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('referrals.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {referrals.map((referral) => (
              <tr key={referral.id} data-referral-id={referral.id}>
                <td>
                  <UrgencyBadge urgency={referral.urgency} />
                </td>
                <td>
                  <div className="cell-primary nowrap">{referral.clientCode}</div>
                  <div className="cell-secondary">{referral.clientName}</div>
                </td>
                <td>{referral.counsellorName}</td>
                <td>
                  <TimeLeftCell dueAt={referral.firstAppointmentDueAt} now={now} />
                </td>
                <td className="table__actions">
                  <button type="button" className="button button--primary button--small" onClick={() => onBook(referral)}>
                    {t('referrals.firstSession.book')}
                    <span className="visually-hidden"> {referral.clientCode}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
