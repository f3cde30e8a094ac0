import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { nextStatuses } from '../../../shared/domain/referrals';
import { useFormatters } from '../../session/useFormatters';
import { StatusBadge, UrgencyBadge } from '../shared/badges';
import { TimeLeftCell } from '../shared/TimeLeftCell';
import type { ReferralAction } from '../actions/referral-actions';

interface WaitlistTableProps {
  referrals: Referral[];
  now: number;
  highlightId: number | null;
  onAction: (action: ReferralAction) => void;
}

/** Waiting referrals in the order the service gives (urgency, then age), each with its next step. */
export function WaitlistTable({ referrals, now, highlightId, onAction }: WaitlistTableProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table waitlist-table" data-testid="waitlist-table">
        <thead>
          <tr>
            <th scope="col">{t('referrals.columns.urgency')}</th>
            <th scope="col">{t('referrals.columns.client')}</th>
            <th scope="col">{t('referrals.columns.agency')}</th>
            <th scope="col">{t('referrals.columns.received')}</th>
            <th scope="col">{t('referrals.columns.status')}</th>
            <th scope="col">{t('referrals.columns.timeLeft')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('referrals.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => {
            const next = nextStatuses(referral.status);
            return (
              <tr key={referral.id} data-referral-id={referral.id} className={referral.id === highlightId ? 'row--new' : undefined}>
                <td>
                  <UrgencyBadge urgency={referral.urgency} />
                </td>
                <td>
                  <button type="button" className="link-button cell-primary nowrap" onClick={() => onAction({ kind: 'details', referral })}>
                    {referral.clientCode}
                  </button>
                  <div className="cell-secondary">{referral.clientName}</div>
                </td>
                <td>
                  <div className="cell-primary">{referral.agencyName}</div>
                  <div className="cell-secondary">{t(`vocab.referralType.${referral.referralType}`)}</div>
                </td>
                <td className="nowrap">{calendarDate(referral.receivedDate)}</td>
                <td>
                  <StatusBadge status={referral.status} />
                </td>
                <td>
                  <TimeLeftCell dueAt={referral.firstAppointmentDueAt} now={now} />
                </td>
                <td className="table__actions">
                  <div className="row-actions">
                    {next.includes('triaged') && (
                      <button type="button" className="button button--secondary button--small" onClick={() => onAction({ kind: 'move', to: 'triaged', referral })}>
                        {t('referrals.actions.triage')}
                        <span className="visually-hidden"> {referral.clientCode}</span>
                      </button>
                    )}
                    {next.includes('waitlisted') && (
                      <button type="button" className="button button--secondary button--small" onClick={() => onAction({ kind: 'move', to: 'waitlisted', referral })}>
                        {t('referrals.actions.waitlist')}
                        <span className="visually-hidden"> {referral.clientCode}</span>
                      </button>
                    )}
                    {next.includes('assigned') && (
                      <button type="button" className="button button--primary button--small" onClick={() => onAction({ kind: 'assign', referral })}>
                        {t('referrals.actions.assign')}
                        <span className="visually-hidden"> {referral.clientCode}</span>
                      </button>
                    )}
                    {next.includes('closed') && (
                      <button type="button" className="button button--ghost button--small" onClick={() => onAction({ kind: 'move', to: 'closed', referral })}>
                        {t('referrals.actions.close')}
                        <span className="visually-hidden"> {referral.clientCode}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
