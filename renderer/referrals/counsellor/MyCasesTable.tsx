import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/contract/referral-schemas';
import { useFormatters } from '../../session/useFormatters';

/** A counsellor's cases, open first: who, for what, since when, and sessions used of the allowance. */
export function MyCasesTable({ cases }: { cases: Case[] }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="my-cases">
        <thead>
          <tr>
            <th scope="col">{t('referrals.cases.columns.client')}</th>
            <th scope="col">{t('referrals.cases.columns.issues')}</th>
            <th scope="col">{t('referrals.cases.columns.opened')}</th>
            <th scope="col">{t('referrals.cases.columns.sessions')}</th>
            <th scope="col">{t('referrals.cases.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id} data-case-id={item.id}>
              <td>
                <div className="cell-primary nowrap">{item.clientCode}</div>
                <div className="cell-secondary">{item.clientName}</div>
              </td>
              <td className="cell-detail">{item.presentingIssues.map((issue) => t(`vocab.presentingIssue.${issue}`)).join(', ')}</td>
              <td className="nowrap">{calendarDate(item.openedDate)}</td>
              <td className="nowrap">
                {item.sessionAllowance === null
                  ? t('referrals.cases.sessionsUsed', { count: item.sessionsUsed })
                  : t('referrals.cases.sessionsOf', { count: item.sessionsUsed, allowance: item.sessionAllowance })}
              </td>
              <td>
                {item.closedDate === null ? (
                  <span className="badge badge--success">{t('referrals.cases.open')}</span>
                ) : (
                  <>
                    <span className="badge badge--muted">{t('referrals.cases.closed')}</span>
                    <div className="cell-secondary">{calendarDate(item.closedDate)}</div>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
