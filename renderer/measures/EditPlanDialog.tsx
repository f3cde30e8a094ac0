import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../shared/contract/measure-schemas';
import type { MeasurementPlan } from '../../shared/domain/measurement-plan';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { PlanFields } from './PlanFields';
import { PLAN_FIELDS, planFormValues, planOf, type PlanFormValues } from './plan-form';
import { planOptions } from './plan-options';

interface EditPlanDialogProps {
  caseId: number;
  plan: MeasurementPlan;
  clinicDefault: boolean;
  instruments: ReadonlyMap<string, InstrumentView>;
  onClose: () => void;
  onSaved: () => void;
}

/** The case's counsellor changes what the case's plan asks, or gives the case back to the clinic default. */
export function EditPlanDialog({ caseId, plan, clinicDefault, instruments, onClose, onSaved }: EditPlanDialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<PlanFormValues>({ defaultValues: planFormValues(plan) });
  const { errors, isSubmitting } = form.formState;
  const options = planOptions(instruments, plan);

  const save = async (next: MeasurementPlan | null) => {
    setFormError(null);
    try {
      await call('measures.setPlan', { caseId, plan: next });
      onSaved();
    } catch (error) {
      setFormError(applyApiError(error, form.setError, PLAN_FIELDS));
    }
  };
  const submit = form.handleSubmit((values) => save(planOf(values, options.map((option) => option.id))));

  return (
    <Dialog title={t('measures.plan.editTitle')} onClose={onClose}>
      <div className="measure-plan-dialog">
        <p className="dialog__text">{clinicDefault ? t('measures.plan.editLeadDefault') : t('measures.plan.editLeadOwn')}</p>
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <PlanFields idPrefix="case-plan" options={options} register={form.register} errors={errors} />
          <div className="form-actions measure-plan-dialog__actions">
            {!clinicDefault && (
              <button type="button" className="button button--secondary measure-plan-dialog__default" disabled={isSubmitting} onClick={() => void save(null)}>
                {t('measures.plan.useDefault')}
              </button>
            )}
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('measures.plan.save')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
