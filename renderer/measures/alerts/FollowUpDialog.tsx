import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { alertFollowUpSchema, type InstrumentView, type MeasureAlert } from '../../../shared/contract/measure-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { zodErrorMap } from '../../forms/issue-messages';
import { alertClient, alertDescription } from './alert-text';

const followUpFormSchema = alertFollowUpSchema.omit({ alertId: true });
type FollowUpValues = z.input<typeof followUpFormSchema>;
type FollowUpOutput = z.output<typeof followUpFormSchema>;

interface FollowUpDialogProps {
  alert: MeasureAlert;
  instruments: ReadonlyMap<string, InstrumentView> | null;
  onClose: () => void;
  onRecorded: (alert: MeasureAlert) => void;
}

/**
 * The counsellor decides not to raise a risk flag for a questionnaire alert, and says why:
 * saved as a signed note on the case, which counts as the alert's follow-up.
 */
export function FollowUpDialog({ alert, instruments, onClose, onRecorded }: FollowUpDialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<FollowUpValues, unknown, FollowUpOutput>({
    resolver: zodResolver(followUpFormSchema, { error: zodErrorMap }),
    defaultValues: { note: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onRecorded(await call('measures.followUpAlert', { ...values, alertId: alert.id }));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ['note']));
    }
  });

  return (
    <Dialog title={t('measureAlerts.followUp.title')} onClose={onClose}>
      <div className="measure-follow-up" data-testid="measure-follow-up">
        <p className="measure-follow-up__client monospace">{alertClient(alert)}</p>
        <p className="measure-follow-up__alert">{alertDescription(t, alert, instruments)}</p>
        <p className="dialog__text">{t('measureAlerts.followUp.lead')}</p>
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormField id="measure-follow-up-note" label={t('measureAlerts.followUp.note')} error={errors.note} hint={t('measureAlerts.followUp.noteHint')}>
            {(a11y) => <textarea {...a11y} rows={5} {...form.register('note')} />}
          </FormField>
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('measureAlerts.followUp.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
