import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addendumCreateSchema, type NoteAddendum } from '../../shared/contract/note-schemas';
import { ADDENDUM_TEXT_MAX } from '../../shared/domain/notes';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';

/** The contract's addendum, without the note (added on sending). */
const addendumFormSchema = addendumCreateSchema.omit({ noteId: true });
type AddendumValues = z.input<typeof addendumFormSchema>;
type AddendumOutput = z.output<typeof addendumFormSchema>;

/** A correction to a signed note: signed and timestamped as it is saved, shown under the note for good. */
export function AddendumForm({ noteId, onAdded }: { noteId: number; onAdded: (addendum: NoteAddendum) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<AddendumValues, unknown, AddendumOutput>({
    resolver: zodResolver(addendumFormSchema, { error: zodErrorMap }),
    defaultValues: { text: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ text }) => {
    setFormError(null);
    try {
      const added = await call('notes.addAddendum', { noteId, text });
      form.reset({ text: '' });
      onAdded(added);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ['text']));
    }
  });

  return (
    <form className="addendum-form" data-testid="addendum-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormAlert code={formError} />
      <FormField id={`addendum-text-${noteId}`} label={t('notes.addenda.newLabel')} error={errors.text} hint={t('notes.addenda.newHint')}>
        {(a11y) => <textarea {...a11y} rows={3} maxLength={ADDENDUM_TEXT_MAX} {...form.register('text')} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('notes.addenda.add')}
        </button>
      </div>
    </form>
  );
}
