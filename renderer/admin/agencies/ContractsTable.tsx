import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../shared/contract/agency-schemas';
import { URGENCIES } from '../../../shared/domain/agencies';
import { todayIn } from '../../format/dates';
import { useFormatters } from '../../session/useFormatters';
import { targetText } from './contract-text';

/** An agency's contracts, newest first, with their terms in words. */
export function ContractsTable({ contracts, onEdit }: { contracts: Contract[]; onEdit: (contract: Contract) => void }) {
  const { t } = useTranslation();
  const { calendarDate, zone } = useFormatters();
  const today = todayIn(zone);
  return (
    <div className="table-wrap">
      <table className="table" data-testid="contracts-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.contracts.columns.period')}</th>
            <th scope="col">{t('admin.contracts.columns.headcount')}</th>
            <th scope="col">{t('admin.contracts.columns.allowance')}</th>
            <th scope="col">{t('admin.contracts.columns.reporting')}</th>
            <th scope="col">{t('admin.contracts.columns.targets')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.contracts.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((contract) => {
            const period = t('admin.contracts.period', { start: calendarDate(contract.startDate), end: calendarDate(contract.endDate) });
            return (
              <tr key={contract.id} data-contract-id={contract.id}>
                <td>
                  <div className="cell-primary nowrap">{period}</div>
                  {contract.startDate <= today && today <= contract.endDate && <span className="badge badge--success">{t('admin.contracts.inForce')}</span>}
                </td>
                <td>{t('admin.contracts.headcount', { count: contract.coveredHeadcount })}</td>
                <td>
                  <div className="cell-primary nowrap">{t('admin.contracts.allowance', { count: contract.sessionAllowance })}</div>
                  <div className="cell-secondary">{t(`admin.contracts.policies.${contract.allowancePolicy}`)}</div>
                </td>
                <td>
                  <div className="cell-primary">{t(`admin.contracts.frequencies.${contract.reportingFrequency}`)}</div>
                  <div className="cell-secondary">{t('admin.contracts.minCellSize', { count: contract.minCellSize })}</div>
                </td>
                <td>
                  {URGENCIES.map((urgency) => (
                    <div key={urgency} className="cell-detail" data-urgency={urgency}>
                      {t(`admin.contracts.urgencies.${urgency}`)}: {targetText(t, contract.targets[urgency])}
                    </div>
                  ))}
                </td>
                <td className="table__actions">
                  <button type="button" className="button button--ghost button--small" onClick={() => onEdit(contract)}>
                    {t('admin.contracts.edit')}
                    <span className="visually-hidden"> {period}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
