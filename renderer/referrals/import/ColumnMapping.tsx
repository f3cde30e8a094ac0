import { useTranslation } from 'react-i18next';
import { CSV_COLUMNS, CSV_REQUIRED_COLUMNS, type CsvColumn } from '../../../shared/domain/referral-csv';
import type { FullMapping } from './import-file';

const REQUIRED: ReadonlySet<CsvColumn> = new Set(CSV_REQUIRED_COLUMNS);

/** One select per field of a referral: which column of the file holds it, or none. */
export function ColumnMapping({ headers, mapping, onChange }: { headers: string[]; mapping: FullMapping; onChange: (mapping: FullMapping) => void }) {
  const { t } = useTranslation();
  const used = new Set(Object.values(mapping).filter(Boolean));
  const ignored = headers.filter((h) => h !== '' && !used.has(h));
  return (
    <>
      <div className="table-wrap">
        <table className="table table--dense import-mapping" data-testid="import-mapping">
          <thead>
            <tr>
              <th scope="col">{t('import.mappingField')}</th>
              <th scope="col">{t('import.mappingHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {CSV_COLUMNS.map((column) => {
              const id = `import-map-${column}`;
              return (
                <tr key={column} data-column={column}>
                  <td>
                    <label htmlFor={id} className="import-mapping__field">
                      {t(`import.columns.${column}`)}
                      {REQUIRED.has(column) && <span className="import-mapping__required"> ({t('import.requiredMark')})</span>}
                    </label>
                    <code className="import-code">{column}</code>
                  </td>
                  <td>
                    <select id={id} value={mapping[column]} onChange={(event) => onChange({ ...mapping, [column]: event.target.value })}>
                      <option value="">{t('import.notInFile')}</option>
                      {headers.map((header, index) =>
                        header === '' ? null : (
                          <option key={`${index}-${header}`} value={header}>
                            {header}
                          </option>
                        ),
                      )}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {ignored.length > 0 && <p className="field__hint">{t('import.mappingIgnored', { headers: ignored.join(', ') })}</p>}
    </>
  );
}
