import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../shared/contract/measure-schemas';
import { PLAN_EVERY_SESSIONS } from '../../shared/domain/measurement-plan';
import { FormField } from '../forms/FormField';
import { translateIssue } from '../forms/issue-messages';
import type { PlanFormValues } from './plan-form';

interface PlanFieldsProps {
  idPrefix: string;
  /** The instruments to choose from, in the order the plan will ask them. */
  options: { id: string; label: string; instrument?: InstrumentView | undefined }[];
  register: UseFormRegister<PlanFormValues>;
  errors: FieldErrors<PlanFormValues>;
}

const EVERY = Array.from({ length: PLAN_EVERY_SESSIONS.max - PLAN_EVERY_SESSIONS.min + 1 }, (_, index) => PLAN_EVERY_SESSIONS.min + index);

/** A measurement plan's fields: which questionnaires, and when (at intake, every Nth session, at closure). Shared by a case's plan and the clinic default. */
export function PlanFields({ idPrefix, options, register, errors }: PlanFieldsProps) {
  const { t } = useTranslation();
  const planErrors = errors.plan;
  const instrumentsError = planErrors?.instruments;
  return (
    <div className="plan-fields">
      <fieldset className={instrumentsError ? 'fieldset plan-fields__instruments field--invalid' : 'fieldset plan-fields__instruments'} aria-describedby={instrumentsError ? `${idPrefix}-instruments-error` : undefined}>
        <legend className="field__label">{t('measures.plan.instruments')}</legend>
        <div className="choice-grid">
          {options.map((option) => (
            <label key={option.id} className="choice">
              <input type="checkbox" value={option.id} {...register('plan.instruments')} />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        <details className="instrument-info__details plan-fields__sources">
          <summary>{t('measures.info.sources')}</summary>
          <dl className="instrument-info__list">
            {options.flatMap((option) =>
              option.instrument
                ? [
                    <dt key={`${option.id}-name`}>{option.instrument.shortName}</dt>,
                    <dd key={`${option.id}-source`}>
                      {option.instrument.citation} {option.instrument.licence}
                    </dd>,
                  ]
                : [],
            )}
          </dl>
        </details>
        {instrumentsError && (
          <p id={`${idPrefix}-instruments-error`} className="field__error">
            {translateIssue(t, instrumentsError.message, t('measures.plan.instruments'))}
          </p>
        )}
      </fieldset>
      <fieldset className="fieldset plan-fields__when">
        <legend className="field__label">{t('measures.plan.when')}</legend>
        <label className="choice plan-fields__check">
          <input type="checkbox" {...register('plan.atIntake')} />
          <span>{t('measures.plan.atIntake')}</span>
        </label>
        <FormField id={`${idPrefix}-every`} label={t('measures.plan.between')} error={planErrors?.everySessions} className="plan-fields__every">
          {(a11y) => (
            <select {...a11y} {...register('plan.everySessions')}>
              <option value="">{t('measures.plan.everyNone')}</option>
              {EVERY.map((count) => (
                <option key={count} value={String(count)}>
                  {t('measures.plan.everyOption', { count })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <label className="choice plan-fields__check">
          <input type="checkbox" {...register('plan.atClosure')} />
          <span>{t('measures.plan.atClosure')}</span>
        </label>
      </fieldset>
    </div>
  );
}
