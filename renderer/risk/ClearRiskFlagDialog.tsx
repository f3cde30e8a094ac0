import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { RiskFlag } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, isApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { FlagCaseField } from './FlagCaseField';
import { zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { RiskLevelBadge } from './RiskLevelBadge';
import { CLEAR_FIELDS, clearFormSchema, type ClearFormOutput, type ClearFormValues } from './risk-form';

interface ClearRiskFlagDialogProps {
  flag: RiskFlag;
  /** The counsellor's open cases of this client (at least one): the clearing note is written in one. */
  cases: Case[];
  onClose: () => void;
  onCleared: (flag: RiskFlag) => void;
}

/** Clears a risk flag with a note saying why (saved and signed on the case); the flag stays in the history. */
export function ClearRiskFlagDialog({ flag, cases, onClose, onCleared }: ClearRiskFlagDialogProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [alreadyCleared, setAlreadyCleared] = useState(false);
  const form = useForm<ClearFormValues, unknown, ClearFormOutput>({
    resolver: zodResolver(clearFormSchema, { error: zodErrorMap }),
    defaultValues: { caseId: cases[0]?.id, note: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = t(`risk.kind.${flag.kind}`);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onCleared(await call('risks.clear', { ...values, id: flag.id }));
    } catch (error) {
      // Someone cleared it meanwhile (in another window): say so, rather than "check the fields".
      if (isApiError(error) && error.issues.some((issue) => issue.code === 'flag_already_cleared')) setAlreadyCleared(true);
      else setFormError(applyApiError(error, form.setError, CLEAR_FIELDS));
    }
  });

  return (
    <Dialog title={t('risk.clear.title', { kind })} onClose={onClose}>
      <div className="risk-form">
        <p className="risk-form__flag">
          <RiskLevelBadge level={flag.level} />
          <span>
            {t('risk.panel.reviewBy', { date: calendarDate(flag.reviewDate) })} · {t('risk.panel.raised', { date: calendarDate(flag.raisedDate), name: flag.raisedByName })}
          </span>
        </p>
        <p className="dialog__text">{t('risk.clear.lead')}</p>
        {alreadyCleared && (
          <div className="alert alert--warning" role="alert">
            {t('validation.flag_already_cleared')}
          </div>
        )}
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FlagCaseField id="risk-clear-case" cases={cases} error={errors.caseId} register={form.register('caseId', { valueAsNumber: true })} />
          <FormField id="risk-clear-note" label={t('risk.form.note')} error={errors.note} hint={t('risk.clear.noteHint')}>
            {(a11y) => <textarea {...a11y} rows={4} {...form.register('note')} />}
          </FormField>
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSubmitting || alreadyCleared} aria-busy={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('risk.clear.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
