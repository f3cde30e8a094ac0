import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { channels } from '../../shared/contract/channels';
import { LANGUAGES, type Language } from '../../shared/settings';
import { FormField } from '../forms/FormField';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { ZoneClockHint } from '../components/ZoneClockHint';
import { applyClinicLanguage } from '../i18n/language';
import type { SetupValues } from './SetupWizard';

type SetupForm = UseFormReturn<SetupValues, unknown, z.output<(typeof channels)['vault.setup']['input']>>;

/** Step 1: the clinic's name, default language and time zone. */
export function SetupClinicStep({ form, onNext }: { form: SetupForm; onNext: () => void }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const language = form.watch('language');
  const timeZone = form.watch('timeZone');

  // Choosing the clinic's language shows the app in it, unless this person picked one above.
  useEffect(() => {
    if ((LANGUAGES as readonly string[]).includes(language)) void applyClinicLanguage(language as Language);
  }, [language]);

  return (
    <>
      <FormField id="setup-clinic-name" label={t('fields.clinicName')} error={errors.clinicName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="organization" autoFocus {...form.register('clinicName')} />}
      </FormField>
      <FormField id="setup-language" label={t('fields.defaultLanguage')} error={errors.language} hint={t('fields.defaultLanguageHint')}>
        {(a11y) => (
          <select {...a11y} {...form.register('language')}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`language.names.${code}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="setup-time-zone" label={t('fields.timeZone')} error={errors.timeZone} hint={<ZoneClockHint zone={timeZone} />}>
        {(a11y) => <TimeZoneSelect {...a11y} {...form.register('timeZone')} />}
      </FormField>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onNext}>
          {t('common.next')}
        </button>
      </div>
    </>
  );
}
