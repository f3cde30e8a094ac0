import { useTranslation } from 'react-i18next';
import { CSV_COLUMNS, type CsvColumn } from '../../../shared/domain/referral-csv';
import type { FullMapping } from './import-file';

/** Enough to read on screen; a file with more problems than this needs fixing at its source anyway. */
const SHOWN = 200;

interface Problem {
  line: number;
  column: string | null;
  code: string;
}

function isColumn(column: string | null): column is CsvColumn {
  return column !== null && (CSV_COLUMNS as readonly string[]).includes(column);
}

/** The check's problems by line of the file, with the column and the reason in words (never the cell's content). */
export function ProblemTable({ problems, mapping }: { problems: Problem[]; mapping: FullMapping }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, SHOWN);
  return (
    <>
      <div className="table-wrap">
        <table className="table table--dense import-problems" data-testid="import-problems">
          <caption className="visually-hidden">{t('import.problemsTable')}</caption>
          <thead>
            <tr>
              <th scope="col" className="import-problems__line">
                {t('import.problemLine')}
              </th>
              <th scope="col">{t('import.problemColumn')}</th>
              <th scope="col">{t('import.problemText')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, index) => {
              const column = isColumn(problem.column) ? problem.column : null;
              const header = column ? mapping[column] : '';
              return (
                <tr key={`${problem.line}-${problem.column ?? ''}-${problem.code}-${index}`} data-line={problem.line} data-code={problem.code}>
                  <td className="import-problems__line">{problem.line}</td>
                  <td>
                    {column ? (
                      <>
                        <div className="cell-primary">{t(`import.columns.${column}`)}</div>
                        <div className="cell-secondary">{header && header !== column ? header : column}</div>
                      </>
                    ) : (
                      <span className="muted">{t('import.wholeRow')}</span>
                    )}
                  </td>
                  <td>{t(`import.problems.${problem.code}`, { defaultValue: t('import.problems.invalid') })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.length > SHOWN && <p className="field__hint">{t('import.moreProblems', { count: problems.length - SHOWN })}</p>}
    </>
  );
}
