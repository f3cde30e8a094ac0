import '../../styles/import.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, FieldIssue } from '../../../shared/errors';
import { call, errorCodeOf, isApiError } from '../../api/client';
import { Notice } from '../../components/Notice';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { InstrumentFileIssues } from './InstrumentFileIssues';

/**
 * Admin → Measures → add an instrument file. The file is read here and its text sent to
 * `measures.addInstrument`, which checks it field by field; a refused file adds nothing and
 * every problem is listed under its field path. `onAdded` is told once the catalogue has the new instrument.
 */
export function AddInstrumentForm({ knownIds, onAdded }: { knownIds: readonly string[]; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  /** A problem with the chosen file itself (none chosen, empty, unreadable), as a `validation.*` code. */
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [added, setAdded] = useState<{ shortName: string } | null>(null);
  const [adding, setAdding] = useState(false);

  const clearOutcome = () => {
    setFileProblem(null);
    setIssues([]);
    setFormError(null);
    setAdded(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearOutcome();
    if (!file) return setFileProblem('required');
    let fileText: string;
    try {
      fileText = await file.text();
    } catch {
      return setFileProblem('file_unreadable');
    }
    if (fileText.trim() === '') return setFileProblem('file_empty');
    setAdding(true);
    try {
      const { entries } = await call('measures.addInstrument', { fileText });
      // The new one is the id the list did not have (added files come last, should the list be stale).
      const instrument = (entries.find((entry) => !knownIds.includes(entry.instrument.id)) ?? entries[entries.length - 1])?.instrument;
      setAdded({ shortName: instrument?.shortName ?? '' });
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      await onAdded();
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION' && error.issues.length > 0) setIssues(error.issues);
      else setFormError(errorCodeOf(error));
    } finally {
      setAdding(false);
    }
  };

  return (
    <section className="card" aria-labelledby="add-instrument-title" data-testid="add-instrument">
      <h2 id="add-instrument-title" className="card-heading">
        {t('adminMeasures.add.title')}
      </h2>
      <p className="card-text">{t('adminMeasures.add.licenceRule')}</p>
      <p className="card-text">{t('adminMeasures.add.format')}</p>
      {added && (
        <Notice tone="success" testId="instrument-added">
          {t('adminMeasures.add.added', { shortName: added.shortName })}
        </Notice>
      )}
      <form className="measure-add" onSubmit={(event) => void submit(event)} noValidate>
        <FormField id={inputId} label={t('adminMeasures.add.fileLabel')} error={fileProblem ? { type: 'manual', message: fileProblem } : undefined} hint={t('adminMeasures.add.fileHint')}>
          {(a11y) => (
            // The native picker speaks the browser's language; this one speaks the app's.
            <div className="import-file">
              <input
                {...a11y}
                ref={fileInput}
                type="file"
                accept=".json,application/json"
                className="import-file__input"
                onChange={(event) => {
                  clearOutcome();
                  setFile(event.target.files?.[0] ?? null);
                }}
              />
              <label htmlFor={inputId} className="button button--secondary button--small import-file__button">
                {t('adminMeasures.add.chooseFile')}
              </label>
              <span className="import-file__name" data-testid="instrument-file-name">
                {file?.name ?? t('adminMeasures.add.noFile')}
              </span>
            </div>
          )}
        </FormField>
        <InstrumentFileIssues issues={issues} />
        <FormAlert code={formError} />
        <button type="submit" className="button button--primary" disabled={adding}>
          {adding ? t('adminMeasures.add.adding') : t('adminMeasures.add.submit')}
        </button>
      </form>
    </section>
  );
}
