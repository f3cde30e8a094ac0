import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { RiskFlag } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import { RISK_KINDS, RISK_LEVELS, type RiskKind } from '../../shared/domain/notes';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { FlagCaseField } from './FlagCaseField';
import { translateIssue, zodErrorMap } from '../forms/issue-messages';
import { todayIn } from '../format/dates';
import { useFormatters } from '../session/useFormatters';
import { RiskFlagIcon } from './RiskLevelBadge';
import { RAISE_FIELDS, defaultReviewDate, raiseFormSchema, type RaiseFormOutput, type RaiseFormValues } from './risk-form';

interface RaiseRiskFlagDialogProps {
  clientId: number;
  /** The counsellor's open cases of this client (at least one). */
  cases: Case[];
  /** The client's active flags: raising a kind again replaces its flag, which the dialog says. */
  active: RiskFlag[];
  /** The kind to start with (a questionnaire's self-harm alert starts at suicide_self_harm); chosen by the counsellor otherwise. */
  initialKind?: RiskKind;
  onClose: () => void;
  onRaised: (flag: RiskFlag) => void;
}

/** Raises a risk flag: the kind, the level, when to look at it again, and a note saying why (saved and signed on the case). */
export function RaiseRiskFlagDialog({ clientId, cases, active, initialKind, onClose, onRaised }: RaiseRiskFlagDialogProps) {
  const { t } = useTranslation();
  const { zone } = useFormatters();
  const today = todayIn(zone);
  const schema = useMemo(() => raiseFormSchema(today), [today]);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<RaiseFormValues, unknown, RaiseFormOutput>({
    resolver: zodResolver(schema, { error: zodErrorMap }),
    defaultValues: { caseId: cases[0]?.id, kind: initialKind, reviewDate: defaultReviewDate(today), note: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch('kind');
  const replaced = active.find((flag) => flag.kind === kind);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onRaised(await call('risks.raise', { ...values, clientId }));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, RAISE_FIELDS));
    }
  });

  return (
    <Dialog title={t('risk.raise.title')} onClose={onClose}>
      <div className="risk-form">
        <p className="dialog__text">{t('risk.raise.lead')}</p>
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FlagCaseField id="risk-raise-case" cases={cases} error={errors.caseId} register={form.register('caseId', { valueAsNumber: true })} />
          <FormField id="risk-raise-kind" label={t('risk.form.kind')} error={errors.kind}>
            {(a11y) => (
              <select {...a11y} defaultValue="" {...form.register('kind')}>
                <option value="" disabled>
                  {t('risk.form.chooseKind')}
                </option>
                {RISK_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`risk.kind.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {replaced && (
            <p className="risk-form__replaces" data-testid="risk-replaces">
              {t('risk.raise.replaces', { kind: t(`risk.kind.${replaced.kind}`), level: t(`risk.level.${replaced.level}`) })}
            </p>
          )}
          <fieldset className={errors.level ? 'fieldset risk-levels field--invalid' : 'fieldset risk-levels'} aria-describedby={errors.level ? 'risk-raise-level-error' : undefined}>
            <legend className="field__label">{t('risk.form.level')}</legend>
            <div className="risk-levels__options">
              {RISK_LEVELS.map((value) => (
                <label key={value} className={`risk-levels__option risk-levels__option--${value}`}>
                  <input type="radio" value={value} aria-invalid={errors.level ? true : undefined} {...form.register('level')} />
                  <RiskFlagIcon />
                  <span>{t(`risk.level.${value}`)}</span>
                </label>
              ))}
            </div>
            {errors.level && (
              <p id="risk-raise-level-error" className="field__error">
                {translateIssue(t, errors.level.message, t('risk.form.level'))}
              </p>
            )}
          </fieldset>
          <FormField id="risk-raise-review" label={t('risk.form.reviewDate')} error={errors.reviewDate} hint={t('risk.form.reviewHint')}>
            {(a11y) => <input {...a11y} type="date" className="input--short" min={today} {...form.register('reviewDate')} />}
          </FormField>
          <FormField id="risk-raise-note" label={t('risk.form.note')} error={errors.note} hint={t('risk.raise.noteHint')}>
            {(a11y) => <textarea {...a11y} rows={4} {...form.register('note')} />}
          </FormField>
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--danger" disabled={isSubmitting} aria-busy={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('risk.raise.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
