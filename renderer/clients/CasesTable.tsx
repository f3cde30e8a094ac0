import { useTranslation } from 'react-i18next';
import type { Case } from '../../shared/contract/referral-schemas';
import { useFormatters } from '../session/useFormatters';

interface CasesTableProps {
  cases: Case[];
  /** Whether the signed-in person may close this case (its counsellor, or an admin). */
  mayClose: (clientCase: Case) => boolean;
  onClose: (clientCase: Case) => void;
  /** Whether the signed-in person may book a session for this case (its counsellor, or an admin). */
  mayBook?: (clientCase: Case) => boolean;
  onBook?: (clientCase: Case) => void;
}

/** A client's cases (episodes of help), open ones first as the service orders them. */
export function CasesTable({ cases, mayClose, onClose, mayBook, onBook }: CasesTableProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const issueList = (clientCase: Case) => clientCase.presentingIssues.map((issue) => t(`vocab.presentingIssue.${issue}`)).join(', ');
  return (
    <div className="table-wrap">
      <table className="table" data-testid="cases-table">
        <caption className="table__caption">{t('clients.cases.allowanceNote')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clients.cases.columns.issues')}</th>
            <th scope="col">{t('clients.cases.columns.counsellor')}</th>
            <th scope="col">{t('clients.cases.columns.opened')}</th>
            <th scope="col">{t('clients.cases.columns.status')}</th>
            <th scope="col">{t('clients.cases.columns.sessions')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('clients.cases.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((clientCase) => (
            <tr key={clientCase.id} data-case-id={clientCase.id}>
              <td>
                <ul className="client-issues">
                  {clientCase.presentingIssues.map((issue) => (
                    <li key={issue}>{t(`vocab.presentingIssue.${issue}`)}</li>
                  ))}
                </ul>
              </td>
              <td>{clientCase.counsellorName}</td>
              <td className="nowrap">{calendarDate(clientCase.openedDate)}</td>
              <td>
                {clientCase.closedDate === null ? (
                  <span className="badge badge--success">{t('clients.cases.open')}</span>
                ) : (
                  <>
                    <div className="cell-primary nowrap">{t('clients.cases.closedOn', { date: calendarDate(clientCase.closedDate) })}</div>
                    {clientCase.closureReason && <div className="cell-secondary">{t(`vocab.closureReason.${clientCase.closureReason}`)}</div>}
                  </>
                )}
              </td>
              <td className="nowrap">
                {clientCase.sessionAllowance === null
                  ? t('clients.cases.sessionsNoAllowance', { count: clientCase.sessionsUsed })
                  : t('clients.cases.sessionsOfAllowance', { used: clientCase.sessionsUsed, allowance: clientCase.sessionAllowance })}
              </td>
              <td className="table__actions">
                {clientCase.closedDate === null && onBook && mayBook?.(clientCase) && (
                  <button type="button" className="button button--secondary button--small cases-book" onClick={() => onBook(clientCase)}>
                    {t('clients.cases.book')}
                    <span className="visually-hidden">
                      {' '}
                      {t('clients.cases.closeWhich', { issues: issueList(clientCase), date: calendarDate(clientCase.openedDate) })}
                    </span>
                  </button>
                )}
                {clientCase.closedDate === null && mayClose(clientCase) && (
                  <button type="button" className="button button--ghost button--small" onClick={() => onClose(clientCase)}>
                    {t('clients.cases.close')}
                    <span className="visually-hidden">
                      {' '}
                      {t('clients.cases.closeWhich', { issues: issueList(clientCase), date: calendarDate(clientCase.openedDate) })}
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
