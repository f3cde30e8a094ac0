import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import type { FieldA11yProps } from '../forms/FormField';
import { translateIssue } from '../forms/issue-messages';

interface SessionFieldProps {
  id: string;
  label: string;
  error?: FieldError | undefined;
  hint?: ReactNode;
  className?: string;
  children: (a11y: FieldA11yProps) => ReactNode;
}

/**
 * The calendar's messages for the session contract's own rules ("An in-person session
 * needs a room."), else the app's usual field messages.
 */
export function sessionIssueText(t: ReturnType<typeof useTranslation>['t'], code: string | undefined, label: string): string {
  if (code && /^[a-z_]+$/.test(code) && i18n.exists(`calendar.validation.${code}`)) return t(`calendar.validation.${code}`, { field: label });
  return translateIssue(t, code, label);
}

/** A labelled input with its hint and, when invalid, a translated error (the same markup as FormField). */
export function SessionField({ id, label, error, hint, className, children }: SessionFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="field__error">
          {sessionIssueText(t, error.message, label)}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
