import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { referralMoveSchema, type Referral } from '../../../shared/contract/referral-schemas';
import { CLOSURE_REASONS } from '../../../shared/domain/referrals';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { zodErrorMap } from '../../forms/issue-messages';
import type { ManualMove } from './referral-actions';

type MoveValues = z.input<typeof referralMoveSchema>;
const MOVE_FIELDS = ['closureReason', 'note'] as const;

interface MoveReferralDialogProps {
  referral: Referral;
  to: ManualMove;
  onClose: () => void;
  onMoved: (referral: Referral) => void;
}

/** Triage, waitlist or close one referral, with an optional note for its history (closing asks why). */
export function MoveReferralDialog({ referral, to, onClose, onMoved }: MoveReferralDialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<MoveValues, unknown, z.output<typeof referralMoveSchema>>({
    resolver: zodResolver(referralMoveSchema, { error: zodErrorMap }),
    defaultValues: { id: referral.id, to, closureReason: null, note: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onMoved(await call('referrals.move', values));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, MOVE_FIELDS));
    }
  });

  return (
    <Dialog title={t(`referrals.move.title.${to}`, { code: referral.clientCode })} onClose={onClose}>
      <p className="dialog__text">{t(`referrals.move.explanation.${to}`, { name: referral.clientName })}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {to === 'closed' && (
          <FormField id="move-reason" label={t('referrals.move.reason')} error={errors.closureReason}>
            {(a11y) => (
              <select {...a11y} {...form.register('closureReason', { setValueAs: (value: string | null) => (value ? value : null) })}>
                <option value="">{t('referrals.move.chooseReason')}</option>
                {CLOSURE_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`vocab.closureReason.${reason}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField id="move-note" label={t('referrals.move.note')} error={errors.note} hint={t('referrals.move.noteHint')}>
          {(a11y) => <textarea {...a11y} rows={3} maxLength={500} {...form.register('note')} />}
        </FormField>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={to === 'closed' ? 'button button--danger' : 'button button--primary'} disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t(`referrals.move.submit.${to}`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
