import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { channels } from '../../shared/contract/channels';
import { FormField } from '../forms/FormField';
import { NewPassphraseFields } from '../forms/NewPassphraseFields';
import type { SetupValues } from './SetupWizard';

type SetupForm = UseFormReturn<SetupValues, unknown, z.output<(typeof channels)['vault.setup']['input']>>;

/** Step 2: the first admin account, whose passphrase also opens the vault. */
export function SetupAdminStep({ form, onBack }: { form: SetupForm; onBack: () => void }) {
  const { t } = useTranslation();
  const { errors, isSubmitting } = form.formState;
  const [username, displayName, clinicName, passphrase] = form.watch(['username', 'displayName', 'clinicName', 'newPassphrase']);
  return (
    <>
      <FormField id="setup-display-name" label={t('fields.displayName')} error={errors.displayName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="name" autoFocus {...form.register('displayName')} />}
      </FormField>
      <FormField id="setup-username" label={t('fields.username')} error={errors.username} hint={t('fields.usernameHint')}>
        {(a11y) => <input {...a11y} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} {...form.register('username')} />}
      </FormField>
      <NewPassphraseFields
        idPrefix="setup"
        newLabel={t('fields.passphrase')}
        newPassphrase={form.register('newPassphrase')}
        confirmPassphrase={form.register('confirmPassphrase')}
        newError={errors.newPassphrase}
        confirmError={errors.confirmPassphrase}
        value={passphrase}
        userInputs={[username, displayName, clinicName]}
      />
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={isSubmitting}>
          {t('common.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('setup.creating') : t('setup.create')}
        </button>
      </div>
    </>
  );
}
