import type { ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { translateIssue } from './issue-messages';

interface ChoiceGroupProps {
  id: string;
  legend: string;
  /** radio: one of the options; checkbox: any number of them (the field holds an array). */
  type: 'radio' | 'checkbox';
  options: readonly { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  error?: FieldError | undefined;
  hint?: ReactNode;
  /** Lays many options out in columns (presenting issues); a few sit in one row. */
  columns?: boolean;
}

/**
 * Options a person should see side by side rather than hidden in a select: urgency,
 * consent, presenting issues. A fieldset with its legend, so each option is read with the
 * question, and the translated error under the group.
 */
export function ChoiceGroup({ id, legend, type, options, registration, error, hint, columns = false }: ChoiceGroupProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      className={['fieldset', 'choice-group', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className={columns ? 'choice-grid' : 'choice-row'}>
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type={type} value={option.value} {...registration} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field__error">
          {translateIssue(t, error.message, legend)}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
