import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { caseCloseSchema, type Case } from '../../shared/contract/referral-schemas';
import { CLOSURE_REASONS } from '../../shared/domain/referrals';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';
import { todayIn } from '../format/dates';
import { useFormatters } from '../session/useFormatters';

/** The reason select starts empty ('') so nobody closes a case with a reason they did not choose. */
const chosenReason = z.union([z.literal(''), caseCloseSchema.shape.closureReason]).transform((reason, ctx) => {
  if (reason !== '') return reason;
  ctx.addIssue({ code: 'custom', message: 'required' });
  return z.NEVER;
});

/** The contract's closing fields (the case's id is added on sending); a closing date cannot lie ahead. */
function closeFormSchema(today: string) {
  return caseCloseSchema
    .omit({ id: true })
    .extend({ closureReason: chosenReason })
    .superRefine((values, ctx) => {
      if (values.closedDate > today) ctx.addIssue({ code: 'custom', path: ['closedDate'], message: 'date_in_future' });
    });
}
type CloseFormValues = z.input<ReturnType<typeof closeFormSchema>>;
type CloseFormOutput = z.output<ReturnType<typeof closeFormSchema>>;
const CLOSE_FIELDS = ['closedDate', 'closureReason'] as const;

interface CloseCaseDialogProps {
  clientCase: Case;
  onClose: () => void;
  onClosed: (clientCase: Case) => void;
}

/** Ends a case (an episode of help) with the date and the reason. */
export function CloseCaseDialog({ clientCase, onClose, onClosed }: CloseCaseDialogProps) {
  const { t } = useTranslation();
  const { zone, calendarDate } = useFormatters();
  const today = todayIn(zone);
  const schema = useMemo(() => closeFormSchema(today), [today]);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<CloseFormValues, unknown, CloseFormOutput>({
    resolver: zodResolver(schema, { error: zodErrorMap }),
    defaultValues: { closedDate: today, closureReason: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onClosed(await call('cases.close', { ...values, id: clientCase.id }));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, CLOSE_FIELDS));
    }
  });

  return (
    <Dialog title={t('clients.close.title', { date: calendarDate(clientCase.openedDate) })} onClose={onClose}>
      <dl className="details client-close__case">
        <div>
          <dt>{t('clients.cases.columns.issues')}</dt>
          <dd>{clientCase.presentingIssues.map((issue) => t(`vocab.presentingIssue.${issue}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('clients.cases.columns.counsellor')}</dt>
          <dd>{clientCase.counsellorName}</dd>
        </div>
      </dl>
      <p className="dialog__text">{t('clients.close.lead')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <FormField id="close-case-date" label={t('clients.close.closedDate')} error={errors.closedDate}>
            {(a11y) => <input {...a11y} type="date" min={clientCase.openedDate} max={today} {...form.register('closedDate')} />}
          </FormField>
          <FormField id="close-case-reason" label={t('clients.close.reason')} error={errors.closureReason}>
            {(a11y) => (
              <select {...a11y} {...form.register('closureReason')}>
                <option value="">{t('clients.close.chooseReason')}</option>
                {CLOSURE_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`vocab.closureReason.${reason}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('clients.close.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
