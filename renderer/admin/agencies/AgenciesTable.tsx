import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../shared/contract/agency-schemas';

interface AgenciesTableProps {
  agencies: Agency[];
  selectedId: number | null;
  onSelect: (agency: Agency) => void;
  onEdit: (agency: Agency) => void;
}

export function AgenciesTable({ agencies, selectedId, onSelect, onEdit }: AgenciesTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="agencies-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.agencies.columns.name')}</th>
            <th scope="col">{t('admin.agencies.columns.sector')}</th>
            <th scope="col">{t('admin.agencies.columns.contact')}</th>
            <th scope="col">{t('admin.agencies.columns.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.agencies.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id} data-agency-id={agency.id} aria-current={agency.id === selectedId ? 'true' : undefined}>
              <td>
                <div className="cell-primary">{agency.name}</div>
                {agency.address && <div className="cell-secondary">{agency.address}</div>}
              </td>
              <td>{t(`admin.agencies.sectors.${agency.sector}`)}</td>
              <td>
                {agency.contactName || agency.contactEmail || agency.contactPhone ? (
                  <>
                    {agency.contactName && <div className="cell-primary">{agency.contactName}</div>}
                    {[agency.contactEmail, agency.contactPhone].filter(Boolean).map((line) => (
                      <div key={line} className="cell-secondary">
                        {line}
                      </div>
                    ))}
                  </>
                ) : (
                  <span className="muted">{t('admin.agencies.noContact')}</span>
                )}
              </td>
              <td>
                {agency.active ? (
                  <span className="badge badge--success">{t('admin.agencies.status.active')}</span>
                ) : (
                  <span className="badge badge--muted">{t('admin.agencies.status.inactive')}</span>
                )}
              </td>
              <td className="table__actions">
                <button
                  type="button"
                  className={agency.id === selectedId ? 'button button--secondary button--small' : 'button button--ghost button--small'}
                  aria-pressed={agency.id === selectedId}
                  onClick={() => onSelect(agency)}
                >
                  {t('admin.agencies.showContracts')}
                  <span className="visually-hidden"> {agency.name}</span>
                </button>
                <button type="button" className="button button--ghost button--small" onClick={() => onEdit(agency)}>
                  {t('admin.agencies.edit')}
                  <span className="visually-hidden"> {agency.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
