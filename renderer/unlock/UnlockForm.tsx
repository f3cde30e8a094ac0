import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels, type ChannelOutput } from '../../shared/contract/channels';
import type { SessionInfo } from '../../shared/contract/schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, isApiError } from '../api/client';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';
import { formatWait, useCountdown } from './useCountdown';
import { lastUsername, rememberUsername } from './last-user';

const unlockSchema = channels['session.unlock'].input;
type UnlockValues = z.input<typeof unlockSchema>;
type KeyringUser = ChannelOutput<'app.status'>['users'][number];

function initialUsername(users: KeyringUser[]): string {
  const last = lastUsername();
  if (last && users.some((user) => user.username === last)) return last;
  return users.length === 1 ? users[0]!.username : '';
}

/** Choose who you are, type your passphrase. Failed attempts slow down; the wait is shown. */
export function UnlockForm({ users, onSignedIn }: { users: KeyringUser[]; onSignedIn: (session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);
  const form = useForm<UnlockValues, unknown, z.output<typeof unlockSchema>>({
    resolver: zodResolver(unlockSchema, { error: zodErrorMap }),
    defaultValues: { username: initialUsername(users), passphrase: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const username = form.watch('username');

  // A wait belongs to the account it was given for.
  useEffect(() => {
    setRetryAt(null);
    setFormError(null);
  }, [username]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const session = await call('session.unlock', values);
      rememberUsername(session.user.username);
      onSignedIn(session);
    } catch (error) {
      form.resetField('passphrase');
      if (isApiError(error) && error.retryAfterMs) setRetryAt(Date.now() + error.retryAfterMs);
      const leftOver = applyApiError(error, form.setError, ['username', 'passphrase'], {
        WRONG_PASSPHRASE: 'passphrase',
        USER_NOT_FOUND: 'username',
        USER_DISABLED: 'username',
      });
      // With a known wait, the countdown below says it better than a general message.
      setFormError(leftOver === 'LOCKED_OUT' && isApiError(error) && error.retryAfterMs ? null : leftOver);
    }
  });

  const waiting = waitSeconds > 0;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert code={formError} />
      <FormField id="unlock-username" label={t('fields.whoAreYou')} error={errors.username}>
        {(a11y) => (
          <select {...a11y} autoComplete="username" {...form.register('username')}>
            <option value="" disabled>
              {t('unlock.chooseUser')}
            </option>
            {users.map((user) => (
              <option key={user.username} value={user.username}>
                {t('unlock.userOption', { name: user.displayName, username: user.username })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="unlock-passphrase" label={t('fields.passphrase')} error={errors.passphrase}>
        {(a11y) => <input {...a11y} type="password" autoComplete="current-password" autoFocus spellCheck={false} {...form.register('passphrase')} />}
      </FormField>
      {waiting && (
        <div className="alert alert--warning" role="status" data-testid="unlock-wait">
          {t('unlock.wait', { time: formatWait(waitSeconds) })}
        </div>
      )}
      <div className="form-actions form-actions--full">
        <button type="submit" className="button button--primary button--block" disabled={isSubmitting || waiting} aria-busy={isSubmitting}>
          {isSubmitting ? t('unlock.unlocking') : t('unlock.submit')}
        </button>
      </div>
    </form>
  );
}
