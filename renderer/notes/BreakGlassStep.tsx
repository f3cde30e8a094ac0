import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Note } from '../../shared/contract/note-schemas';
import { breakGlassRequestSchema } from '../../shared/contract/accountability-schemas';
import { BREAK_GLASS_CATEGORIES, REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../shared/domain/accountability';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';

type ReasonValues = z.input<typeof breakGlassRequestSchema>;
type ReasonOutput = z.output<typeof breakGlassRequestSchema>;

interface BreakGlassStepProps {
  noteId: number;
  onOpened: (note: Note) => void;
  onCancel: () => void;
}

/**
 * Before an admin reads a clinical note: what break-glass means, and a reason, which is
 * logged and shown to the note's counsellor. Only then is the note asked for.
 */
export function BreakGlassStep({ noteId, onOpened, onCancel }: BreakGlassStepProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<ReasonValues, unknown, ReasonOutput>({
    resolver: zodResolver(breakGlassRequestSchema, { error: zodErrorMap }),
    // No category chosen for the admin: they must pick the one that is true.
    defaultValues: { breakGlassCategory: '' as ReasonValues['breakGlassCategory'], breakGlassReason: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const typed = form.watch('breakGlassReason').trim().length;

  const submit = form.handleSubmit(async (request) => {
    setFormError(null);
    try {
      onOpened(await call('notes.get', { id: noteId, ...request }));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ['breakGlassCategory', 'breakGlassReason'], { BREAK_GLASS_REQUIRED: 'breakGlassReason' }));
    }
  });

  return (
    <form className="break-glass-step" data-testid="break-glass-step" onSubmit={(event) => void submit(event)} noValidate>
      <div className="break-glass-step__intro">
        <span className="break-glass-step__icon" aria-hidden="true">
          <svg className="icon" viewBox="0 0 20 20" focusable="false">
            <path d="M6 9V6.5a4 4 0 0 1 8 0V9 M4.5 9h11v8h-11z M10 12v2.5" />
          </svg>
        </span>
        <div>
          <p className="break-glass-step__lead">{t('notes.breakGlass.lead')}</p>
          <p className="break-glass-step__text">{t('notes.breakGlass.explain')}</p>
        </div>
      </div>
      <FormAlert code={formError} />
      <FormField id={`break-glass-category-${noteId}`} label={t('notes.breakGlass.category')} error={errors.breakGlassCategory}>
        {(a11y) => (
          <select {...a11y} autoFocus {...form.register('breakGlassCategory')}>
            <option value="" disabled>
              {t('notes.breakGlass.chooseCategory')}
            </option>
            {BREAK_GLASS_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`notes.breakGlass.categories.${category}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={`break-glass-reason-${noteId}`}
        label={t('notes.breakGlass.reason')}
        error={errors.breakGlassReason}
        hint={t('notes.breakGlass.reasonHint', { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH, count: typed })}
      >
        {(a11y) => <textarea {...a11y} rows={3} maxLength={REASON_MAX_LENGTH} {...form.register('breakGlassReason')} />}
      </FormField>
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('notes.breakGlass.opening') : t('notes.breakGlass.submit')}
        </button>
      </div>
    </form>
  );
}
