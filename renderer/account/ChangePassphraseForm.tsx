import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../shared/contract/channels';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Notice } from '../components/Notice';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { NewPassphraseFields } from '../forms/NewPassphraseFields';
import { zodErrorMap } from '../forms/issue-messages';

const changeSchema = channels['account.changePassphrase'].input;
type ChangeValues = z.input<typeof changeSchema>;
const EMPTY: ChangeValues = { currentPassphrase: '', newPassphrase: '', confirmPassphrase: '' };

/** Your current passphrase, then the new one twice. Rewrites your key slot only. */
export function ChangePassphraseForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useForm<ChangeValues, unknown, z.output<typeof changeSchema>>({
    resolver: zodResolver(changeSchema, { error: zodErrorMap }),
    defaultValues: EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const passphrase = form.watch('newPassphrase');

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setChanged(false);
    try {
      await call('account.changePassphrase', values);
      form.reset(EMPTY);
      setChanged(true);
    } catch (error) {
      setFormError(
        applyApiError(error, form.setError, ['currentPassphrase', 'newPassphrase', 'confirmPassphrase'], { WRONG_PASSPHRASE: 'currentPassphrase' }),
      );
    }
  });

  return (
    <form className="form-narrow" onSubmit={(event) => void submit(event)} noValidate>
      {changed && <Notice tone="success">{t('account.changed')}</Notice>}
      <FormAlert code={formError} />
      <FormField id="account-current-passphrase" label={t('fields.currentPassphrase')} error={errors.currentPassphrase}>
        {(a11y) => <input {...a11y} type="password" autoComplete="current-password" spellCheck={false} {...form.register('currentPassphrase')} />}
      </FormField>
      <NewPassphraseFields
        idPrefix="account"
        newPassphrase={form.register('newPassphrase')}
        confirmPassphrase={form.register('confirmPassphrase')}
        newError={errors.newPassphrase}
        confirmError={errors.confirmPassphrase}
        value={passphrase}
        userInputs={[username]}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('account.submit')}
        </button>
      </div>
    </form>
  );
}
