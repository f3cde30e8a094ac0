import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/channels';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { ColumnMapping } from './ColumnMapping';
import { ImportHelp } from './ImportHelp';
import { initialMapping, loadCsvFile, type FileProblem, type FullMapping, type LoadedFile } from './import-file';
import { ProblemTable } from './ProblemTable';
import '../../styles/import.css';

type Outcome = ChannelOutput<'referrals.import'>;

function Step({ number, title, children, testId }: { number: number; title: string; children: ReactNode; testId: string }) {
  const headingId = `import-step-${number}`;
  return (
    <section className="card import-step" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="card-heading import-step__heading">
        <span className="import-step__number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Import referrals from an agency's spreadsheet: choose a CSV file, match its columns
 * when its headers are not Tenang's, check it (a dry run: every row, the vault included,
 * nothing written), then import every row at once. Problems are listed by the file's line
 * and column, never with what the cells held.
 */
export function ImportReferralsPage() {
  const { t } = useTranslation();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  const [mapping, setMapping] = useState<FullMapping | null>(null);
  const [showMapping, setShowMapping] = useState(false);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [callError, setCallError] = useState<ErrorCode | null>(null);
  // Kept as a count and a name, so a language switch changes it with everything else.
  const [imported, setImported] = useState<{ count: number; name: string } | null>(null);

  async function choose(chosen: File | undefined) {
    setFile(null);
    setMapping(null);
    setChecked(null);
    setCallError(null);
    setFileProblem(null);
    setChosenName(chosen?.name ?? null);
    if (!chosen) return;
    setImported(null);
    const loaded = await loadCsvFile(chosen);
    if (typeof loaded === 'string') {
      setFileProblem(loaded);
      return;
    }
    setFile(loaded);
    setMapping(initialMapping(loaded.headers));
    setShowMapping(!loaded.canonical);
  }

  async function run(dryRun: boolean) {
    if (!file || !mapping) return;
    setBusy(dryRun ? 'checking' : 'importing');
    setCallError(null);
    try {
      const outcome = await call('referrals.import', { csv: file.csv, mapping, dryRun });
      if (outcome.outcome === 'imported' && !outcome.dryRun) {
        setImported({ count: outcome.imported, name: file.name });
        setFile(null);
        setMapping(null);
        setChecked(null);
        setChosenName(null);
        if (fileInput.current) fileInput.current.value = '';
      } else {
        setChecked(outcome);
        // A header the check could not read is fixed by matching the columns.
        if (outcome.outcome === 'invalid' && outcome.problems.some((p) => p.line === 1 && p.column !== null)) setShowMapping(true);
      }
    } catch (error) {
      setCallError(errorCodeOf(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="import-page">
      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title" className="card-heading">
          {t('import.title')}
        </h2>
        <p className="card-text">{t('import.lead')}</p>
        <ImportHelp />
      </section>

      {imported && (
        <Notice tone="success" testId="import-notice">
          {t('import.imported', { count: imported.count, name: imported.name })}
        </Notice>
      )}

      <Step number={1} title={t('import.fileStep')} testId="import-file-step">
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            {t('import.fileLabel')}
          </label>
          {/* The native picker speaks the browser's language; this one speaks the app's. */}
          <div className="import-file">
            <input
              ref={fileInput}
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              className="import-file__input"
              aria-describedby={`${inputId}-hint`}
              onChange={(event) => void choose(event.target.files?.[0])}
            />
            <label htmlFor={inputId} className="button button--secondary button--small import-file__button">
              {t('import.chooseFile')}
            </label>
            <span className="import-file__name" data-testid="import-file-name">
              {chosenName ?? t('import.noFile')}
            </span>
          </div>
          <p id={`${inputId}-hint`} className="field__hint">
            {t('import.fileHint')}
          </p>
        </div>
        {fileProblem && (
          <Notice tone="error" testId="import-file-problem">
            {t(`import.${fileProblem}`)}
          </Notice>
        )}
        {file && (
          <p className="import-summary" data-testid="import-summary">
            {t('import.fileSummary', { name: file.name, count: file.rows, separator: t(file.separator === ';' ? 'import.separators.semicolon' : 'import.separators.comma') })}
          </p>
        )}
      </Step>

      {file && mapping && (
        <Step number={2} title={t('import.mappingStep')} testId="import-mapping-step">
          {file.canonical && !showMapping ? (
            <div className="import-recognised">
              <p className="card-text">{t('import.mappingRecognised')}</p>
              <button type="button" className="button button--ghost button--small" onClick={() => setShowMapping(true)}>
                {t('import.mappingShow')}
              </button>
            </div>
          ) : (
            <>
              <p className="card-text">{file.canonical ? t('import.mappingRecognised') : t('import.mappingLead')}</p>
              <ColumnMapping
                headers={file.headers}
                mapping={mapping}
                onChange={(next) => {
                  setMapping(next);
                  setChecked(null);
                }}
              />
              {file.canonical && (
                <div className="form-actions">
                  <button type="button" className="button button--ghost button--small" onClick={() => setShowMapping(false)}>
                    {t('import.mappingHide')}
                  </button>
                </div>
              )}
            </>
          )}
        </Step>
      )}

      {file && mapping && (
        <Step number={3} title={t('import.checkStep')} testId="import-check-step">
          <p className="card-text">{t('import.checkLead')}</p>
          <FormAlert code={callError} />
          {checked?.outcome === 'invalid' && (
            <div className="import-result" data-testid="import-report">
              <Notice tone="error">
                <strong>{t('import.problemsTitle', { count: checked.problems.length })}</strong>
                <br />
                {t('import.problemsLead')}
              </Notice>
              <ProblemTable problems={checked.problems} mapping={mapping} />
            </div>
          )}
          {checked?.outcome === 'imported' && (
            <Notice tone="success" testId="import-valid">
              {t('import.valid', { count: checked.imported })}
            </Notice>
          )}
          <div className="form-actions">
            {checked?.outcome === 'imported' ? (
              <button type="button" className="button button--primary" disabled={busy !== null} aria-busy={busy === 'importing'} onClick={() => void run(false)}>
                {busy === 'importing' ? t('import.importing') : t('import.submit', { count: checked.imported })}
              </button>
            ) : (
              <button type="button" className="button button--primary" disabled={busy !== null} aria-busy={busy === 'checking'} onClick={() => void run(true)}>
                {busy === 'checking' ? t('import.checking') : t('import.check')}
              </button>
            )}
            <button
              type="button"
              className="button button--ghost"
              disabled={busy !== null}
              onClick={() => {
                void choose(undefined);
                if (fileInput.current) {
                  fileInput.current.value = '';
                  fileInput.current.focus();
                }
              }}
            >
              {t('import.anotherFile')}
            </button>
          </div>
        </Step>
      )}
    </div>
  );
}
