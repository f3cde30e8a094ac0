import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/contract/schemas';
import { useFormatters } from '../../session/useFormatters';
import { detailText, recordText } from './audit-text';

const OUTCOME_BADGE = { success: 'badge--success', failure: 'badge--warning', denied: 'badge--danger' } as const;

/** Audit entries, newest first, times in the clinic's zone and the reader's language. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t } = useTranslation();
  const { dateTime, zone } = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table table--dense" data-testid="audit-table">
        <caption className="table__caption">{t('admin.audit.timesIn', { zone })}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('admin.audit.columns.time')}</th>
            <th scope="col">{t('admin.audit.columns.user')}</th>
            <th scope="col">{t('admin.audit.columns.action')}</th>
            <th scope="col">{t('admin.audit.columns.record')}</th>
            <th scope="col">{t('admin.audit.columns.outcome')}</th>
            <th scope="col">{t('admin.audit.columns.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-action={entry.action}>
              <td className="cell-secondary">{entry.seq}</td>
              <td className="nowrap">{dateTime(entry.at)}</td>
              <td>{entry.actorUsername ?? <span className="muted">{t('admin.audit.noUser')}</span>}</td>
              <td className="nowrap">{t(`audit.actions.${entry.action}`)}</td>
              <td>{entry.recordType ? recordText(t, entry) : <span className="muted">–</span>}</td>
              <td>
                <span className={`badge ${OUTCOME_BADGE[entry.outcome]}`}>{t(`audit.outcomes.${entry.outcome}`)}</span>
              </td>
              <td className="cell-detail">{detailText(t, entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
