import { useTranslation } from 'react-i18next';
import { CSV_COLUMNS, CSV_REQUIRED_COLUMNS, type CsvColumn } from '../../../shared/domain/referral-csv';

const REQUIRED: ReadonlySet<CsvColumn> = new Set(CSV_REQUIRED_COLUMNS);

/** What a file may hold: the columns, required first, and how codes may be written. */
export function ImportHelp() {
  const { t } = useTranslation();
  const list = (columns: readonly CsvColumn[]) => (
    <ul className="import-help__columns">
      {columns.map((column) => (
        <li key={column}>
          <code className="import-code">{column}</code> <span className="muted">{t(`import.columns.${column}`)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <details className="import-help">
      <summary>{t('import.helpTitle')}</summary>
      <div className="import-help__body">
        <div>
          <h3 className="import-help__heading">{t('import.helpRequired')}</h3>
          {list(CSV_REQUIRED_COLUMNS)}
        </div>
        <div>
          <h3 className="import-help__heading">{t('import.helpOptional')}</h3>
          {list(CSV_COLUMNS.filter((column) => !REQUIRED.has(column)))}
        </div>
        <p className="import-help__codes">{t('import.helpCodes')}</p>
      </div>
    </details>
  );
}
