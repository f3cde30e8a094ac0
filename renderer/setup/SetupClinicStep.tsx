import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { channels } from '../../shared/contract/channels';
import { LANGUAGES, type Language } from '../../shared/settings';
import { ClinicFields } from '../forms/ClinicFields';
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
      <ClinicFields
        idPrefix="setup"
        clinicName={form.register('clinicName')}
        language={form.register('language')}
        timeZone={form.register('timeZone')}
        errors={errors}
        timeZoneValue={timeZone}
        languageHint={t('fields.defaultLanguageHint')}
        autoFocus
      />
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onNext}>
          {t('common.next')}
        </button>
      </div>
    </>
  );
}
