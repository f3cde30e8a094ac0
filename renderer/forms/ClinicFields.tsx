import type { ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/settings';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { ZoneClockHint } from '../components/ZoneClockHint';
import { FormField } from './FormField';

interface ClinicFieldsProps {
  idPrefix: string;
  clinicName: UseFormRegisterReturn;
  language: UseFormRegisterReturn;
  timeZone: UseFormRegisterReturn;
  errors: { clinicName?: FieldError | undefined; language?: FieldError | undefined; timeZone?: FieldError | undefined };
  /** The zone as chosen so far, for the "it is now …" hint. */
  timeZoneValue: string;
  languageHint: ReactNode;
  autoFocus?: boolean;
}

/** The clinic's name, default language and time zone, as the setup wizard and Settings show them. */
export function ClinicFields(props: ClinicFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormField id={`${props.idPrefix}-clinic-name`} label={t('fields.clinicName')} error={props.errors.clinicName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="organization" autoFocus={props.autoFocus} {...props.clinicName} />}
      </FormField>
      <FormField id={`${props.idPrefix}-language`} label={t('fields.defaultLanguage')} error={props.errors.language} hint={props.languageHint}>
        {(a11y) => (
          <select {...a11y} {...props.language}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`language.names.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${props.idPrefix}-time-zone`} label={t('fields.timeZone')} error={props.errors.timeZone} hint={<ZoneClockHint zone={props.timeZoneValue} />}>
        {(a11y) => <TimeZoneSelect {...a11y} {...props.timeZone} />}
      </FormField>
    </>
  );
}
