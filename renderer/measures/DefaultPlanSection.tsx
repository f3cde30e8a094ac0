import '../styles/measures.css';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MeasurementPlan } from '../../shared/domain/measurement-plan';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Notice } from '../components/Notice';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { PlanFields } from './PlanFields';
import { PLAN_FIELDS, planFormValues, planOf, type PlanFormValues } from './plan-form';
import { planOptions } from './plan-options';
import { useInstruments } from './useInstruments';

/** Admin → Settings: the measurement plan every case follows unless its counsellor gives it one of its own. */
export function DefaultPlanSection() {
  const { t } = useTranslation();
  const { instruments, error: instrumentsError } = useInstruments();
  const [plan, setPlan] = useState<MeasurementPlan | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    call('measures.defaultPlan', {})
      .then((answer) => setPlan(answer.plan))
      .catch((failure: unknown) => setError(errorCodeOf(failure)));
  }, []);
  return (
    <section className="card" aria-labelledby="default-plan-title" data-testid="default-plan">
      <h2 id="default-plan-title" className="card-heading">
        {t('measures.defaultPlan.title')}
      </h2>
      <p className="card-text">{t('measures.defaultPlan.lead')}</p>
      <FormAlert code={error ?? instrumentsError} />
      {plan && instruments ? <DefaultPlanForm plan={plan} instruments={instruments} onSaved={setPlan} /> : !(error ?? instrumentsError) && <p className="muted">{t('common.loading')}</p>}
    </section>
  );
}

function DefaultPlanForm({ plan, instruments, onSaved }: { plan: MeasurementPlan; instruments: NonNullable<ReturnType<typeof useInstruments>['instruments']>; onSaved: (plan: MeasurementPlan) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<PlanFormValues>({ defaultValues: planFormValues(plan) });
  const { errors, isSubmitting } = form.formState;
  const options = planOptions(instruments, plan);
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const next = planOf(values, options.map((option) => option.id));
      await call('measures.setDefaultPlan', { plan: next });
      setSaved(true);
      onSaved(next);
    } catch (failure) {
      setFormError(applyApiError(failure, form.setError, PLAN_FIELDS));
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="form-medium">
      <FormAlert code={formError} />
      {saved && (
        <Notice tone="success" testId="default-plan-saved">
          {t('measures.defaultPlan.saved')}
        </Notice>
      )}
      <PlanFields idPrefix="default-plan" options={options} register={form.register} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('measures.defaultPlan.submit')}
        </button>
      </div>
    </form>
  );
}
