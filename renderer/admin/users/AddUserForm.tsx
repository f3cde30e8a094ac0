import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { UserSummary } from '../../../shared/contract/schemas';
import { ROLES } from '../../../shared/roles';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { NewPassphraseFields } from '../../forms/NewPassphraseFields';
import { zodErrorMap } from '../../forms/issue-messages';

const createSchema = channels['users.create'].input;
type CreateValues = z.input<typeof createSchema>;
const FIELDS = ['displayName', 'username', 'role', 'newPassphrase', 'confirmPassphrase'] as const;
const EMPTY: CreateValues = { displayName: '', username: '', role: 'counsellor', newPassphrase: '', confirmPassphrase: '' };

/** Adds a counsellor or an admin with a first passphrase. Kept as a draft while typed. */
export function AddUserForm({ onCreated }: { onCreated: (user: UserSummary) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<CreateValues, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema, { error: zodErrorMap }),
    defaultValues: EMPTY,
  });
  const draft = useFormDraft('admin.users.create', form, { exclude: ['newPassphrase', 'confirmPassphrase'] });
  const { errors, isSubmitting } = form.formState;
  const [username, displayName, passphrase] = form.watch(['username', 'displayName', 'newPassphrase']);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await call('users.create', values);
      await draft.discard();
      form.reset(EMPTY);
      onCreated(user);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS, { USERNAME_TAKEN: 'username' }));
    }
  });

  return (
    <section className="card" aria-labelledby="add-user-title">
      <div className="card-heading-row">
        <h2 id="add-user-title" className="card-heading">
          {t('admin.users.addTitle')}
        </h2>
        <DraftStatusNote draft={draft} />
      </div>
      <p className="card-text">{t('admin.users.addLead')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <FormField id="add-user-display-name" label={t('fields.displayName')} error={errors.displayName}>
            {(a11y) => <input {...a11y} type="text" autoComplete="off" {...form.register('displayName')} />}
          </FormField>
          <FormField id="add-user-username" label={t('fields.username')} error={errors.username} hint={t('fields.usernameHint')}>
            {(a11y) => <input {...a11y} type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} {...form.register('username')} />}
          </FormField>
          <FormField id="add-user-role" label={t('fields.role')} error={errors.role}>
            {(a11y) => (
              <select {...a11y} {...form.register('role')}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-grid">
          <NewPassphraseFields
            idPrefix="add-user"
            newLabel={t('fields.firstPassphrase')}
            newPassphrase={form.register('newPassphrase')}
            confirmPassphrase={form.register('confirmPassphrase')}
            newError={errors.newPassphrase}
            confirmError={errors.confirmPassphrase}
            value={passphrase}
            userInputs={[username, displayName]}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.users.adding') : t('admin.users.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
