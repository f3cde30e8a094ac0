import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Settings } from '../../../shared/contract/schemas';
import { AUTO_LOCK_MINUTES } from '../../../shared/settings';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Notice } from '../../components/Notice';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { applyApiError } from '../../forms/apply-api-error';
import { BoundedIntegerInput } from '../../forms/BoundedIntegerInput';
import { ClinicFields } from '../../forms/ClinicFields';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { zodErrorMap } from '../../forms/issue-messages';
import { applyClinicLanguage } from '../../i18n/language';
import { useSession } from '../../session/SessionContext';
import { WorkingDaysField } from './WorkingDaysField';

const updateSchema = channels['settings.update'].input;
type SettingsValues = z.input<typeof updateSchema>;
const FIELDS = ['clinicName', 'language', 'timeZone', 'autoLockMinutes', 'workingDays'] as const;

/** Clinic name, default language, time zone, the idle auto-lock and the working days. Kept as a draft while edited. */
export function SettingsForm({ initial, titleId }: { initial: Settings; titleId: string }) {
  const { t } = useTranslation();
  const { updateSettings } = useSession();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<SettingsValues, unknown, z.output<typeof updateSchema>>({
    resolver: zodResolver(updateSchema, { error: zodErrorMap }),
    defaultValues: initial,
  });
  const draft = useFormDraft('admin.settings', form);
  const { errors, isSubmitting } = form.formState;
  const timeZone = form.watch('timeZone') ?? initial.timeZone;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const settings = await call('settings.update', values);
      await draft.discard();
      form.reset(settings);
      updateSettings(settings);
      void applyClinicLanguage(settings.language);
      setSaved(true);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS));
    }
  });

  return (
    <>
      <div className="card-heading-row">
        <h2 id={titleId} className="card-heading">
          {t('admin.settings.title')}
        </h2>
        <DraftStatusNote draft={draft} />
      </div>
      {saved && (
        <Notice tone="success" testId="settings-saved">
          {t('admin.settings.saved')}
        </Notice>
      )}
      <FormAlert code={formError} />
      <form className="form-narrow" onSubmit={(event) => void submit(event)} noValidate>
        <ClinicFields
          idPrefix="settings"
          clinicName={form.register('clinicName')}
          language={form.register('language')}
          timeZone={form.register('timeZone')}
          errors={errors}
          timeZoneValue={timeZone}
          languageHint={t('admin.settings.languageHint')}
        />
        <FormField
          id="settings-auto-lock"
          label={t('fields.autoLockMinutes')}
          error={errors.autoLockMinutes}
          hint={t('admin.settings.autoLockHint', { min: AUTO_LOCK_MINUTES.min, max: AUTO_LOCK_MINUTES.max })}
        >
          {(a11y) => <BoundedIntegerInput {...a11y} bounds={AUTO_LOCK_MINUTES} registration={form.register('autoLockMinutes', { valueAsNumber: true })} />}
        </FormField>
        <WorkingDaysField control={form.control} name="workingDays" error={errors.workingDays as FieldError | undefined} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('admin.settings.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
