import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { UserSummary } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { NewPassphraseFields } from '../../forms/NewPassphraseFields';
import { zodErrorMap } from '../../forms/issue-messages';

const resetSchema = channels['users.resetPassphrase'].input;
type ResetValues = z.input<typeof resetSchema>;

interface ResetPassphraseDialogProps {
  user: UserSummary;
  onClose: () => void;
  onReset: (user: UserSummary) => void;
}

/** A new passphrase for someone who forgot theirs; tell it to them in person. */
export function ResetPassphraseDialog({ user, onClose, onReset }: ResetPassphraseDialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<ResetValues, unknown, z.output<typeof resetSchema>>({
    resolver: zodResolver(resetSchema, { error: zodErrorMap }),
    defaultValues: { userId: user.id, newPassphrase: '', confirmPassphrase: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const passphrase = form.watch('newPassphrase');

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onReset(await call('users.resetPassphrase', values));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ['newPassphrase', 'confirmPassphrase']));
    }
  });

  return (
    <Dialog title={t('admin.users.resetTitle', { name: user.displayName })} onClose={onClose}>
      <p className="dialog__text">{t('admin.users.resetExplanation')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <NewPassphraseFields
          idPrefix="reset"
          newPassphrase={form.register('newPassphrase')}
          confirmPassphrase={form.register('confirmPassphrase')}
          newError={errors.newPassphrase}
          confirmError={errors.confirmPassphrase}
          value={passphrase}
          userInputs={[user.username, user.displayName]}
        />
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('admin.users.resetSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
