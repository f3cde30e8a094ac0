import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AllowanceState, ScheduleProblem } from '../../shared/contract/session-schemas';
import { zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { ScheduleProblemList } from './ScheduleProblemList';
import { FormField } from '../forms/FormField';

export interface Confirmation {
  overrides: ScheduleProblem[];
  allowance: AllowanceState | null;
}

export interface ConfirmReasons {
  overrideReason: string;
  allowanceReason: string;
}

const reason = z.string().trim().min(1).max(500);

function reasonsSchema(needsOverride: boolean, needsAllowance: boolean) {
  return z.object({
    overrideReason: needsOverride ? reason : z.string(),
    allowanceReason: needsAllowance ? reason : z.string(),
  });
}

interface ConfirmBookingStepProps {
  confirmation: Confirmation;
  /** A series: each override is named by its occurrence. */
  series: boolean;
  idPrefix: string;
  busy: boolean;
  submitLabel: string;
  backLabel?: string;
  /** A move rather than a booking: says that nothing has moved yet. */
  move?: boolean;
  onBack: () => void;
  onConfirm: (reasons: ConfirmReasons) => Promise<void>;
}

/**
 * What the service asked to be confirmed before booking: times outside working hours, on
 * leave or on a clinic holiday (by occurrence), and a booking beyond the contract's
 * allowance. Each asks for a reason, which is logged with the session.
 */
export function ConfirmBookingStep({ confirmation, series, idPrefix, busy, submitLabel, backLabel, move = false, onBack, onConfirm }: ConfirmBookingStepProps) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const { overrides, allowance } = confirmation;
  const schema = useMemo(() => reasonsSchema(overrides.length > 0, allowance !== null), [overrides.length, allowance]);
  const form = useForm<ConfirmReasons>({ resolver: zodResolver(schema, { error: zodErrorMap }), defaultValues: { overrideReason: '', allowanceReason: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => onConfirm(values));

  return (
    <form className="confirm-step" onSubmit={(event) => void submit(event)} noValidate data-testid="confirm-booking">
      <p className="dialog__text">{move ? t('calendar.confirm.leadMove') : t('calendar.confirm.lead')}</p>
      {overrides.length > 0 && (
        <section className="confirm-step__section" aria-labelledby={`${idPrefix}-overrides-title`}>
          <h3 id={`${idPrefix}-overrides-title`} className="confirm-step__title">
            {t('calendar.confirm.overridesTitle')}
          </h3>
          <ScheduleProblemList problems={overrides} series={series} testId="confirm-overrides" />
          <FormField id={`${idPrefix}-override-reason`} label={t('calendar.confirm.overrideReason')} error={errors.overrideReason} hint={t('calendar.confirm.reasonHint')}>
            {(a11y) => <textarea {...a11y} rows={2} maxLength={500} {...form.register('overrideReason')} />}
          </FormField>
        </section>
      )}
      {allowance && (
        <section className="confirm-step__section" aria-labelledby={`${idPrefix}-allowance-title`}>
          <h3 id={`${idPrefix}-allowance-title`} className="confirm-step__title">
            {t('calendar.confirm.allowanceTitle')}
          </h3>
          <p className="confirm-step__allowance" data-testid="confirm-allowance">
            {t('calendar.confirm.allowanceUsed', {
              used: allowance.used,
              allowed: allowance.allowed,
              issue: t(`vocab.presentingIssue.${allowance.presentingIssue}`),
              start: calendarDate(allowance.yearStart),
              end: calendarDate(allowance.yearEnd),
            })}{' '}
            {t('calendar.confirm.allowanceAdding', { count: allowance.adding })}
          </p>
          <FormField id={`${idPrefix}-allowance-reason`} label={t('calendar.confirm.allowanceReason')} error={errors.allowanceReason} hint={t('calendar.confirm.reasonHint')}>
            {(a11y) => <textarea {...a11y} rows={2} maxLength={500} {...form.register('allowanceReason')} />}
          </FormField>
        </section>
      )}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onBack}>
          {backLabel ?? t('calendar.confirm.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || isSubmitting} aria-busy={busy || isSubmitting}>
          {busy || isSubmitting ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
