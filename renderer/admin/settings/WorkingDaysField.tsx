import { Controller, type Control, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Info } from 'luxon';
import type { Language } from '../../../shared/settings';
import { localeFor } from '../../format/dates';
import { translateIssue } from '../../forms/issue-messages';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The clinic's working days as seven checkboxes, Monday first, named in the reader's
 * language. Deadlines in working days (a routine referral's five) count only these.
 */
export function WorkingDaysField<T extends FieldValues>({ control, name, error }: { control: Control<T>; name: Path<T>; error?: FieldError | undefined }) {
  const { t, i18n } = useTranslation();
  const dayNames = Info.weekdays('long', { locale: localeFor(i18n.language as Language) });
  const label = t('fields.workingDays');
  return (
    <fieldset className={['fieldset', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={error ? 'settings-working-days-error' : 'settings-working-days-hint'}>
      <legend className="field__label">{label}</legend>
      <p id="settings-working-days-hint" className="field__hint">
        {t('admin.settings.workingDaysHint')}
      </p>
      <Controller
        control={control}
        name={name}
        render={({ field }) => {
          const chosen = new Set<number>((field.value as number[] | undefined) ?? []);
          const toggle = (day: number, on: boolean) => {
            const next = new Set(chosen);
            if (on) next.add(day);
            else next.delete(day);
            field.onChange(WEEKDAYS.filter((d) => next.has(d)));
          };
          return (
            <div className="weekday-picker">
              {WEEKDAYS.map((day) => (
                <label key={day} className="weekday-picker__day">
                  <input type="checkbox" checked={chosen.has(day)} onChange={(event) => toggle(day, event.target.checked)} onBlur={field.onBlur} />
                  <span>{dayNames[day - 1]}</span>
                </label>
              ))}
            </div>
          );
        }}
      />
      {error && (
        <p id="settings-working-days-error" className="field__error">
          {translateIssue(t, error.message, label)}
        </p>
      )}
    </fieldset>
  );
}
