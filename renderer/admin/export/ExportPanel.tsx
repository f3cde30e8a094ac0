import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { dataExportSchema } from '../../../shared/contract/accountability-schemas';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../../shared/domain/accountability';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Notice } from '../../components/Notice';
import { applyApiError } from '../../forms/apply-api-error';
import { ChoiceGroup } from '../../forms/ChoiceGroup';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { NewPassphraseFields } from '../../forms/NewPassphraseFields';
import { zodErrorMap } from '../../forms/issue-messages';
import { useSession } from '../../session/SessionContext';

/** What the form holds: the contract's fields, plus the words typed to confirm a plain-text file. */
const formShape = z.object({
  reason: z.string(),
  protection: z.enum(['encrypted', 'plaintext']),
  newPassphrase: z.string(),
  confirmPassphrase: z.string(),
  typedConfirmation: z.string(),
});
type FormValues = z.infer<typeof formShape>;
type ExportResult = ChannelOutput<'data.export'>;

/** The contract's input for what the form holds (the passphrase only for an encrypted file). */
function toRequest(v: FormValues): ChannelInput<'data.export'> {
  return v.protection === 'encrypted'
    ? { protection: 'encrypted', reason: v.reason, newPassphrase: v.newPassphrase, confirmPassphrase: v.confirmPassphrase }
    : { protection: 'plaintext', reason: v.reason, plaintextConfirmed: true };
}

/** The words to type before a plain-text file, compared without case or extra spaces. */
function sameWords(typed: string, expected: string): boolean {
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleUpperCase();
  return norm(typed) === norm(expected);
}

/**
 * Admin → Export: the whole vault to one file, for moving to other software or an archive.
 * A reason is required (every counsellor whose notes the file holds sees it on Home);
 * the file is encrypted with a passphrase unless the admin types the confirmation for plain
 * text; the desktop app then asks where to save it.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const confirmWords = t('admin.export.confirmWords');
  // The contract's rules (reason, passphrase policy) with the form's codes, and the typed words.
  const schema = formShape.superRefine((v, ctx) => {
    const parsed = dataExportSchema.safeParse(toRequest(v), { error: zodErrorMap });
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    if (v.protection === 'plaintext' && !sameWords(v.typedConfirmation, confirmWords)) ctx.addIssue({ code: 'custom', path: ['typedConfirmation'], message: 'plaintext_confirmation' });
  });
  const form = useForm<FormValues>({
    resolver: zodResolver(schema, { error: zodErrorMap }),
    defaultValues: { reason: '', protection: 'encrypted', newPassphrase: '', confirmPassphrase: '', typedConfirmation: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const protection = form.watch('protection');
  const typed = form.watch('reason').trim().length;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setResult(null);
    try {
      const done = await call('data.export', toRequest(values));
      setResult(done);
      if (done.outcome === 'exported') form.reset();
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ['reason', 'newPassphrase', 'confirmPassphrase']));
    }
  });

  return (
    <section className="card export-panel" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title" className="card-heading">
        {t('admin.export.title')}
      </h2>
      <p className="card-text">{t('admin.export.lead')}</p>
      <p className="card-text">{t('admin.export.seenBy')}</p>
      {result?.outcome === 'exported' && (
        <Notice tone="success" testId="export-done">
          {t(result.encrypted ? 'admin.export.doneEncrypted' : 'admin.export.donePlain', { path: result.path, rows: result.rows })}
        </Notice>
      )}
      {result?.outcome === 'cancelled' && (
        <Notice tone="info" testId="export-cancelled">
          {t('admin.export.cancelled')}
        </Notice>
      )}
      <FormAlert code={formError} />
      <form className="form-medium" onSubmit={(event) => void submit(event)} noValidate>
        <FormField id="export-reason" label={t('admin.export.reason')} error={errors.reason} hint={t('admin.export.reasonHint', { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH, count: typed })}>
          {(a11y) => <textarea {...a11y} rows={3} maxLength={REASON_MAX_LENGTH} {...form.register('reason')} />}
        </FormField>
        <ChoiceGroup
          id="export-protection"
          legend={t('admin.export.protection')}
          type="radio"
          options={[
            { value: 'encrypted', label: t('admin.export.encrypted') },
            { value: 'plaintext', label: t('admin.export.plaintext') },
          ]}
          registration={form.register('protection')}
        />
        {protection === 'encrypted' ? (
          <NewPassphraseFields
            idPrefix="export"
            newLabel={t('admin.export.passphrase')}
            newPassphrase={form.register('newPassphrase')}
            confirmPassphrase={form.register('confirmPassphrase')}
            newError={errors.newPassphrase}
            confirmError={errors.confirmPassphrase}
            value={form.watch('newPassphrase')}
            userInputs={[session.user.username, session.user.displayName, 'tenang']}
          />
        ) : (
          <>
            <Notice tone="warning" testId="export-plaintext-warning">
              {t('admin.export.plaintextWarning')}
            </Notice>
            <FormField id="export-confirm-words" label={t('admin.export.typeToConfirm', { words: confirmWords })} error={errors.typedConfirmation}>
              {(a11y) => <input {...a11y} type="text" autoComplete="off" spellCheck={false} {...form.register('typedConfirmation')} />}
            </FormField>
          </>
        )}
        <div className="form-actions">
          <button type="submit" className={`button ${protection === 'plaintext' ? 'button--danger' : 'button--primary'}`} disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.export.exporting') : t('admin.export.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
