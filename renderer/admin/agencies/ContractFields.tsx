import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contractFieldsSchema } from '../../../shared/contract/agency-schemas';
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
import { BoundedIntegerInput } from '../../forms/BoundedIntegerInput';
import { FormField } from '../../forms/FormField';
import { oneYearFrom } from '../../format/dates';
import { TargetField } from './TargetField';

/** The terms of a contract as the form holds them (the agency or the contract's id is added on sending). */
export const contractFormSchema = contractFieldsSchema;
export type ContractFormValues = z.input<typeof contractFormSchema>;
export type ContractFormOutput = z.output<typeof contractFormSchema>;
export type ContractForm = UseFormReturn<ContractFormValues, unknown, ContractFormOutput>;

export const CONTRACT_FIELDS = [
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

interface ContractFieldsProps {
  idPrefix: string;
  form: ContractForm;
  /** Whether the last day follows the first (a year on) until it is changed by hand: for a new contract, not an existing one. */
  endFollowsStart?: boolean;
}

/** Period, covered staff, sessions, reporting and first-appointment targets: the same fields to add a contract and to edit it. */
export function ContractFields({ idPrefix, form, endFollowsStart = false }: ContractFieldsProps) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const targets = form.watch('targets');

  const unitField = (urgency: Urgency) =>
    form.register(`targets.${urgency}.unit`, {
      onChange: (event: { target: { value: TargetUnit } }) => {
        const unit = event.target.value;
        const amount = form.getValues(`targets.${urgency}.amount`);
        if (unit !== 'same_day' && !(amount >= 1)) form.setValue(`targets.${urgency}.amount`, AMOUNT_FOR_UNIT[unit]);
      },
    });

  return (
    <>
      <div className="form-grid">
        <FormField id={`${idPrefix}-start`} label={t('admin.contracts.fields.startDate')} error={errors.startDate}>
          {(a11y) => (
            <input
              {...a11y}
              type="date"
              {...form.register('startDate', {
                onChange: (event: { target: { value: string } }) => {
                  // The last day follows the first until someone changes it themselves.
                  if (endFollowsStart && !form.getFieldState('endDate').isDirty) form.setValue('endDate', oneYearFrom(event.target.value));
                },
              })}
            />
          )}
        </FormField>
        <FormField id={`${idPrefix}-end`} label={t('admin.contracts.fields.endDate')} error={errors.endDate}>
          {(a11y) => <input {...a11y} type="date" {...form.register('endDate')} />}
        </FormField>
        <FormField
          id={`${idPrefix}-headcount`}
          label={t('admin.contracts.fields.coveredHeadcount')}
          error={errors.coveredHeadcount}
          hint={t('admin.contracts.hints.coveredHeadcount')}
        >
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} step={1} {...form.register('coveredHeadcount', { valueAsNumber: true })} />}
        </FormField>
      </div>
      <div className="form-grid">
        <FormField
          id={`${idPrefix}-allowance`}
          label={t('admin.contracts.fields.sessionAllowance')}
          error={errors.sessionAllowance}
          hint={t('admin.contracts.hints.sessionAllowance', { min: SESSION_ALLOWANCE.min, max: SESSION_ALLOWANCE.max })}
        >
          {(a11y) => <BoundedIntegerInput {...a11y} bounds={SESSION_ALLOWANCE} registration={form.register('sessionAllowance', { valueAsNumber: true })} />}
        </FormField>
        <FormField id={`${idPrefix}-policy`} label={t('admin.contracts.fields.allowancePolicy')} error={errors.allowancePolicy}>
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
          id={`${idPrefix}-min-cell`}
          label={t('admin.contracts.fields.minCellSize')}
          error={errors.minCellSize}
          hint={t('admin.contracts.hints.minCellSize', { min: MIN_CELL_SIZE.min, max: MIN_CELL_SIZE.max })}
        >
          {(a11y) => <BoundedIntegerInput {...a11y} bounds={MIN_CELL_SIZE} registration={form.register('minCellSize', { valueAsNumber: true })} />}
        </FormField>
        <FormField id={`${idPrefix}-reporting`} label={t('admin.contracts.fields.reportingFrequency')} error={errors.reportingFrequency}>
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
              idPrefix={idPrefix}
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
    </>
  );
}
