import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../shared/contract/channels';
import type { SessionInfo } from '../../shared/contract/schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, isApiError } from '../api/client';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { NewPassphraseFields } from '../forms/NewPassphraseFields';
import { zodErrorMap } from '../forms/issue-messages';
import { formatWait, useCountdown } from './useCountdown';
import { rememberUsername } from './last-user';

const recoverSchema = channels['session.recover'].input;
type RecoverValues = z.input<typeof recoverSchema>;
const FIELDS = ['username', 'recoveryKey', 'newPassphrase', 'confirmPassphrase'] as const;

interface RecoverFormProps {
  initialUsername: string;
  onSignedIn: (session: SessionInfo) => void;
  onCancel: (() => void) | null;
}

/** A forgotten passphrase: the recovery key proves the right to set a new one. */
export function RecoverForm({ initialUsername, onSignedIn, onCancel }: RecoverFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);
  const form = useForm<RecoverValues, unknown, z.output<typeof recoverSchema>>({
    resolver: zodResolver(recoverSchema, { error: zodErrorMap }),
    defaultValues: { username: initialUsername, recoveryKey: '', newPassphrase: '', confirmPassphrase: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const [username, passphrase] = form.watch(['username', 'newPassphrase']);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const session = await call('session.recover', values);
      rememberUsername(session.user.username);
      onSignedIn(session);
    } catch (error) {
      if (isApiError(error) && error.retryAfterMs) setRetryAt(Date.now() + error.retryAfterMs);
      setFormError(
        applyApiError(error, form.setError, FIELDS, {
          WRONG_RECOVERY_KEY: 'recoveryKey',
          USER_NOT_FOUND: 'username',
          USER_DISABLED: 'username',
        }),
      );
    }
  });

  const waiting = waitSeconds > 0;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert code={formError} />
      <FormField id="recover-username" label={t('fields.username')} error={errors.username}>
        {(a11y) => <input {...a11y} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} {...form.register('username')} />}
      </FormField>
      <FormField id="recover-key" label={t('fields.recoveryKey')} error={errors.recoveryKey} hint={t('fields.recoveryKeyHint')}>
        {(a11y) => (
          <textarea {...a11y} className="monospace" rows={3} autoComplete="off" autoCapitalize="characters" spellCheck={false} {...form.register('recoveryKey')} />
        )}
      </FormField>
      <NewPassphraseFields
        idPrefix="recover"
        newPassphrase={form.register('newPassphrase')}
        confirmPassphrase={form.register('confirmPassphrase')}
        newError={errors.newPassphrase}
        confirmError={errors.confirmPassphrase}
        value={passphrase}
        userInputs={[username]}
      />
      {waiting && (
        <div className="alert alert--warning" role="status">
          {t('unlock.wait', { time: formatWait(waitSeconds) })}
        </div>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('recover.backToUnlock')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={isSubmitting || waiting} aria-busy={isSubmitting}>
          {isSubmitting ? t('recover.submitting') : t('recover.submit')}
        </button>
      </div>
    </form>
  );
}
