import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../shared/contract/referral-schemas';
import { FormField } from '../forms/FormField';
import { useFormatters } from '../session/useFormatters';
import { caseLabel } from './risk-form';

/** Which of the counsellor's open cases the flag's note is written in; shown only when there is a choice. */
export function FlagCaseField({ id, cases, error, register }: { id: string; cases: Case[]; error: FieldError | undefined; register: UseFormRegisterReturn }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  if (cases.length < 2) return null;
  return (
    <FormField id={id} label={t('risk.form.case')} error={error} hint={t('risk.form.caseHint')}>
      {(a11y) => (
        <select {...a11y} {...register}>
          {cases.map((clientCase) => (
            <option key={clientCase.id} value={clientCase.id}>
              {caseLabel(t, clientCase, calendarDate)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
