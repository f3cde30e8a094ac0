import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { sessionStatusSchema, type SessionView } from '../../shared/contract/session-schemas';
import { CANCELLED_STATUSES, type SessionStatus } from '../../shared/domain/sessions';
import { call } from '../api/client';
import { applySessionError, SessionFormAlert, type FormProblem } from './session-errors';
import { zodErrorMap } from '../forms/issue-messages';
import { FormField } from '../forms/FormField';

type StatusValues = z.input<typeof sessionStatusSchema>;

interface SessionStatusFormProps {
  session: SessionView;
  status: SessionStatus;
  onCancel: () => void;
  onSaved: (session: SessionView) => void;
}

/** Records how a session went, or that it was cancelled (a cancellation says why). */
export function SessionStatusForm({ session, status, onCancel, onSaved }: SessionStatusFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<FormProblem>(null);
  const cancellation = CANCELLED_STATUSES.includes(status);
  const form = useForm<StatusValues, unknown, z.output<typeof sessionStatusSchema>>({
    resolver: zodResolver(sessionStatusSchema, { error: zodErrorMap }),
    defaultValues: { id: session.id, status, reason: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await call('sessions.setStatus', values));
    } catch (error) {
      setFormError(applySessionError(error, form.setError, ['reason']));
    }
  });
  return (
    <form className="session-action-form" onSubmit={(event) => void submit(event)} noValidate data-testid="status-form">
      <h3 className="session-action-form__title">{t(`calendar.status.title.${status}`)}</h3>
      <p className="dialog__text">{t(`calendar.status.explain.${status}`)}</p>
      <SessionFormAlert problem={formError} />
      <FormField
        id="status-reason"
        label={cancellation ? t('calendar.status.reason') : t('calendar.status.note')}
        error={errors.reason}
        hint={cancellation ? t('calendar.status.reasonHint') : t('calendar.status.noteHint')}
      >
        {(a11y) => <textarea {...a11y} rows={2} maxLength={500} autoFocus {...form.register('reason')} />}
      </FormField>
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={cancellation ? 'button button--danger' : 'button button--primary'} disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t(`calendar.status.submit.${status}`)}
        </button>
      </div>
    </form>
  );
}
