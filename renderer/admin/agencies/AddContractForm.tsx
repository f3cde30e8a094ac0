import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Agency, Contract } from '../../../shared/contract/agency-schemas';
import {
  ALLOWANCE_POLICIES,
  DEFAULT_TARGETS,
  MIN_CELL_SIZE,
  REPORTING_FREQUENCIES,
  SESSION_ALLOWANCE,
  URGENCIES,
  type TargetUnit,
  type Urgency,
} from '../../../shared/domain/agencies';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { zodErrorMap } from '../../forms/issue-messages';
import { oneYearFrom, todayIn } from '../../format/dates';
import { useSession } from '../../session/SessionContext';
import { TargetField } from './TargetField';

const createSchema = channels['contracts.create'].input;
type CreateValues = z.input<typeof createSchema>;
const FIELDS = [
  'startDate',
  'endDate',
  'coveredHeadcount',
  'sessionAllowance',
  'allowancePolicy',
  'minCellSize',
  'reportingFrequency',
  'targets.emergency.unit',
  'targets.emergency.amount',
  'targets.urgent.unit',
  'targets.urgent.amount',
  'targets.routine.unit',
  'targets.routine.amount',
] as const;

/** What a target's amount becomes when its unit changes from "same day" (0 means nothing there). */
const AMOUNT_FOR_UNIT: Record<TargetUnit, number> = { same_day: 0, hours: DEFAULT_TARGETS.urgent.amount, business_days: DEFAULT_TARGETS.routine.amount };

function defaults(agencyId: number, today: string): CreateValues {
  return {
    agencyId,
    startDate: today,
    endDate: oneYearFrom(today),
    coveredHeadcount: Number.NaN,
    sessionAllowance: SESSION_ALLOWANCE.default,
    allowancePolicy: 'warn',
    minCellSize: MIN_CELL_SIZE.default,
    reportingFrequency: 'quarterly',
    targets: structuredClone(DEFAULT_TARGETS),
  };
}

/** Adds a contract to an agency, starting from the usual terms. The service refuses overlapping periods. */
export function AddContractForm({ agency, onCreated }: { agency: Agency; onCreated: (contract: Contract) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<CreateValues, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema, { error: zodErrorMap }),
    defaultValues: defaults(agency.id, todayIn(session.settings.timeZone)),
  });
  const { errors, isSubmitting } = form.formState;
  const targets = form.watch('targets');

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const contract = await call('contracts.create', values);
      form.reset(defaults(agency.id, todayIn(session.settings.timeZone)));
      onCreated(contract);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS, { CONTRACT_OVERLAP: 'startDate' }));
    }
  });

  const unitField = (urgency: Urgency) =>
    form.register(`targets.${urgency}.unit`, {
      onChange: (event: { target: { value: TargetUnit } }) => {
        const unit = event.target.value;
        const amount = form.getValues(`targets.${urgency}.amount`);
        if (unit !== 'same_day' && !(amount >= 1)) form.setValue(`targets.${urgency}.amount`, AMOUNT_FOR_UNIT[unit]);
      },
    });

  return (
    <section className="card" aria-labelledby="add-contract-title">
      <h2 id="add-contract-title" className="card-heading">
        {t('admin.contracts.addTitle')}
      </h2>
      <p className="card-text">{t('admin.contracts.addLead')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <FormField id="add-contract-start" label={t('admin.contracts.fields.startDate')} error={errors.startDate}>
            {(a11y) => (
              <input
                {...a11y}
                type="date"
                {...form.register('startDate', {
                  onChange: (event: { target: { value: string } }) => {
                    // The last day follows the first until someone changes it themselves.
                    if (!form.getFieldState('endDate').isDirty) form.setValue('endDate', oneYearFrom(event.target.value));
                  },
                })}
              />
            )}
          </FormField>
          <FormField id="add-contract-end" label={t('admin.contracts.fields.endDate')} error={errors.endDate}>
            {(a11y) => <input {...a11y} type="date" {...form.register('endDate')} />}
          </FormField>
          <FormField
            id="add-contract-headcount"
            label={t('admin.contracts.fields.coveredHeadcount')}
            error={errors.coveredHeadcount}
            hint={t('admin.contracts.hints.coveredHeadcount')}
          >
            {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} step={1} {...form.register('coveredHeadcount', { valueAsNumber: true })} />}
          </FormField>
        </div>
        <div className="form-grid">
          <FormField
            id="add-contract-allowance"
            label={t('admin.contracts.fields.sessionAllowance')}
            error={errors.sessionAllowance}
            hint={t('admin.contracts.hints.sessionAllowance', { min: SESSION_ALLOWANCE.min, max: SESSION_ALLOWANCE.max })}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input--short"
                type="number"
                inputMode="numeric"
                min={SESSION_ALLOWANCE.min}
                max={SESSION_ALLOWANCE.max}
                step={1}
                {...form.register('sessionAllowance', { valueAsNumber: true })}
              />
            )}
          </FormField>
          <FormField id="add-contract-policy" label={t('admin.contracts.fields.allowancePolicy')} error={errors.allowancePolicy}>
            {(a11y) => (
              <select {...a11y} {...form.register('allowancePolicy')}>
                {ALLOWANCE_POLICIES.map((policy) => (
                  <option key={policy} value={policy}>
                    {t(`admin.contracts.policies.${policy}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-grid">
          <FormField
            id="add-contract-min-cell"
            label={t('admin.contracts.fields.minCellSize')}
            error={errors.minCellSize}
            hint={t('admin.contracts.hints.minCellSize', { min: MIN_CELL_SIZE.min, max: MIN_CELL_SIZE.max })}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input--short"
                type="number"
                inputMode="numeric"
                min={MIN_CELL_SIZE.min}
                max={MIN_CELL_SIZE.max}
                step={1}
                {...form.register('minCellSize', { valueAsNumber: true })}
              />
            )}
          </FormField>
          <FormField id="add-contract-reporting" label={t('admin.contracts.fields.reportingFrequency')} error={errors.reportingFrequency}>
            {(a11y) => (
              <select {...a11y} {...form.register('reportingFrequency')}>
                {REPORTING_FREQUENCIES.map((frequency) => (
                  <option key={frequency} value={frequency}>
                    {t(`admin.contracts.frequencies.${frequency}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t('admin.contracts.targetsLegend')}</legend>
          <p className="field__hint">{t('admin.contracts.targetsHint')}</p>
          <div className="form-grid">
            {URGENCIES.map((urgency) => (
              <TargetField
                key={urgency}
                urgency={urgency}
                unit={targets[urgency].unit}
                unitField={unitField(urgency)}
                amountField={form.register(`targets.${urgency}.amount`, { valueAsNumber: true })}
                unitError={errors.targets?.[urgency]?.unit}
                amountError={errors.targets?.[urgency]?.amount}
              />
            ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.contracts.adding') : t('admin.contracts.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
