import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TARGET_UNITS, type TargetUnit, type Urgency } from '../../../shared/domain/agencies';
import { FormField } from '../../forms/FormField';

interface TargetFieldProps {
  /** The start of the fields' ids, e.g. add-contract. */
  idPrefix: string;
  urgency: Urgency;
  unit: TargetUnit;
  unitField: UseFormRegisterReturn;
  amountField: UseFormRegisterReturn;
  unitError?: FieldError | undefined;
  amountError?: FieldError | undefined;
}

/** One urgency's time-to-first-appointment target: the same day, or within a number of hours or working days. */
export function TargetField({ idPrefix, urgency, unit, unitField, amountField, unitError, amountError }: TargetFieldProps) {
  const { t } = useTranslation();
  const urgencyName = t(`admin.contracts.urgencies.${urgency}`);
  return (
    <div data-testid={`target-${urgency}`}>
      <FormField id={`${idPrefix}-${urgency}-unit`} label={urgencyName} error={unitError}>
        {(a11y) => (
          <select {...a11y} {...unitField}>
            {TARGET_UNITS.map((option) => (
              <option key={option} value={option}>
                {t(`admin.contracts.units.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {unit !== 'same_day' && (
        <FormField
          id={`${idPrefix}-${urgency}-amount`}
          label={t(unit === 'hours' ? 'admin.contracts.fields.amountHours' : 'admin.contracts.fields.amountDays', { urgency: urgencyName })}
          error={amountError}
        >
          {(a11y) => <input {...a11y} className="input--short" type="number" inputMode="numeric" min={1} max={720} step={1} {...amountField} />}
        </FormField>
      )}
    </div>
  );
}
