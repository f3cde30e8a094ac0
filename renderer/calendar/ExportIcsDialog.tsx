import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DateTime } from 'luxon';
import { icsExportSchema } from '../../shared/contract/session-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { Notice } from '../components/Notice';
import { todayIn } from '../format/dates';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { FormField } from '../forms/FormField';
import type { Person } from './useSchedulingData';

// Empty dates say "required"; the contract checks the rest (and the order of the two).
const exportFormSchema = z
  .object({
    counsellorId: z.number(),
    fromDate: z.string().min(1),
    toDate: z.string().min(1),
    includeInitials: z.boolean(),
  })
  .transform((values): z.input<typeof icsExportSchema> => values)
  .pipe(icsExportSchema);
type ExportValues = z.input<typeof exportFormSchema>;
type ExportRequest = z.output<typeof exportFormSchema>;
const FIELDS = ['counsellorId', 'fromDate', 'toDate', 'includeInitials'] as const;

/** Hands a text the page made to the browser (or Electron) as a file to save: a blob of our own origin. */
function saveText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Inside the open dialog: the page behind a modal is inert.
  (document.querySelector('dialog[open]') ?? document.body).append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob is forgotten.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface ExportIcsDialogProps {
  /** Whose calendar: the counsellor shown (an admin may pick another). */
  counsellors: Person[];
  counsellorId: number;
  onClose: () => void;
}

/**
 * A counsellor's sessions as an .ics file for a phone or another calendar. Clients appear
 * by their code only; initials only when ticked, names never.
 */
export function ExportIcsDialog({ counsellors, counsellorId, onClose }: ExportIcsDialogProps) {
  const { t } = useTranslation();
  const { zone } = useFormatters();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; sessions: number } | null>(null);
  const today = todayIn(zone);
  const form = useForm<ExportValues, unknown, ExportRequest>({
    resolver: zodResolver(exportFormSchema, { error: zodErrorMap }),
    defaultValues: {
      counsellorId,
      fromDate: today,
      toDate: DateTime.fromISO(today).plus({ days: 27 }).toISODate() ?? today,
      includeInitials: false,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(null);
    try {
      const result = await call('calendar.exportIcs', values);
      saveText(result.ics, result.fileName);
      setSaved({ fileName: result.fileName, sessions: result.sessions });
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS));
    }
  });

  return (
    <Dialog title={t('calendar.export.title')} onClose={onClose}>
      <p className="dialog__text">{t('calendar.export.lead')}</p>
      {saved && (
        <Notice tone="success" testId="export-notice">
          {t('calendar.export.saved', { count: saved.sessions, file: saved.fileName })}
        </Notice>
      )}
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="export-form">
        {counsellors.length > 1 && (
          <FormField id="export-counsellor" label={t('calendar.fields.counsellor')} error={errors.counsellorId}>
            {(a11y) => (
              <select {...a11y} {...form.register('counsellorId', { valueAsNumber: true })}>
                {counsellors.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <div className="booking-when">
          <FormField id="export-from" label={t('calendar.export.from')} error={errors.fromDate}>
            {(a11y) => <input {...a11y} type="date" {...form.register('fromDate')} />}
          </FormField>
          <FormField id="export-to" label={t('calendar.export.to')} error={errors.toDate}>
            {(a11y) => <input {...a11y} type="date" {...form.register('toDate')} />}
          </FormField>
        </div>
        <div className="checkbox-field export-initials">
          <input id="export-initials" type="checkbox" aria-describedby="export-initials-hint" {...form.register('includeInitials')} />
          <div>
            <label htmlFor="export-initials">{t('calendar.export.includeInitials')}</label>
            <p id="export-initials-hint" className="field__hint">
              {t('calendar.export.privacy')}
            </p>
          </div>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {saved ? t('calendar.export.close') : t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('calendar.export.exporting') : t('calendar.export.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
