import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../shared/contract/channels';
import type { MeasureAlert } from '../../shared/contract/measure-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, isApiError } from '../api/client';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';
import { formatWait, useCountdown } from '../unlock/useCountdown';

const takeBackSchema = channels['measures.endClientMode'].input;
type TakeBackValues = z.input<typeof takeBackSchema>;

/**
 * The counsellor's passphrase ends client mode, in the counsellor's own language (they are
 * the one reading it). A wrong one and the wait after too many are told as at unlock.
 */
export function TakeBackForm({ onHandedBack }: { onHandedBack: (alerts: MeasureAlert[]) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);
  const form = useForm<TakeBackValues, unknown, z.output<typeof takeBackSchema>>({
    resolver: zodResolver(takeBackSchema, { error: zodErrorMap }),
    defaultValues: { passphrase: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onHandedBack((await call('measures.endClientMode', values)).alerts);
    } catch (error) {
      form.resetField('passphrase');
      if (isApiError(error) && error.retryAfterMs) setRetryAt(Date.now() + error.retryAfterMs);
      const leftOver = applyApiError(error, form.setError, ['passphrase'], { WRONG_PASSPHRASE: 'passphrase' });
      // With a known wait, the countdown below says it better than a general message.
      setFormError(leftOver === 'LOCKED_OUT' && isApiError(error) && error.retryAfterMs ? null : leftOver);
    }
  });

  const waiting = waitSeconds > 0;
  return (
    <form className="take-back" onSubmit={(event) => void submit(event)} noValidate data-testid="take-back">
      <FormAlert code={formError} />
      <FormField id="take-back-passphrase" label={t('clientMode.takeBack.label')} error={errors.passphrase}>
        {(a11y) => (
          <div className="take-back__row">
            <input {...a11y} type="password" autoComplete="current-password" spellCheck={false} {...form.register('passphrase')} />
            <button type="submit" className="button button--secondary" disabled={isSubmitting || waiting} aria-busy={isSubmitting}>
              {t('clientMode.takeBack.submit')}
            </button>
          </div>
        )}
      </FormField>
      {waiting && (
        <div className="alert alert--warning" role="status" data-testid="take-back-wait">
          {t('unlock.wait', { time: formatWait(waitSeconds) })}
        </div>
      )}
    </form>
  );
}
