import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Referral } from '../../../shared/contract/referral-schemas';
import type { UserSummary } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { zodErrorMap } from '../../forms/issue-messages';

const assignSchema = channels['referrals.assign'].input;
type AssignValues = z.input<typeof assignSchema>;

interface AssignReferralDialogProps {
  referral: Referral;
  onClose: () => void;
  onAssigned: (referral: Referral) => void;
}

/** Choose the counsellor for a waitlisted referral; the service opens the client's case with them. */
export function AssignReferralDialog({ referral, onClose, onAssigned }: AssignReferralDialogProps) {
  const { t } = useTranslation();
  const [counsellors, setCounsellors] = useState<UserSummary[] | null>(null);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<AssignValues, unknown, z.output<typeof assignSchema>>({
    resolver: zodResolver(assignSchema, { error: zodErrorMap }),
    defaultValues: { id: referral.id, counsellorId: Number.NaN },
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    call('users.list', {})
      .then(({ users }) => setCounsellors(users.filter((user) => user.role === 'counsellor' && user.active)))
      .catch((error: unknown) => setFormError(errorCodeOf(error)));
  }, []);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onAssigned(await call('referrals.assign', values));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ['counsellorId'], { COUNSELLOR_UNAVAILABLE: 'counsellorId' }));
    }
  });

  return (
    <Dialog title={t('referrals.assign.title', { code: referral.clientCode })} onClose={onClose}>
      <p className="dialog__text">{t('referrals.assign.explanation', { name: referral.clientName })}</p>
      <FormAlert code={formError} />
      {counsellors === null && !formError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : counsellors && counsellors.length === 0 ? (
        <p className="empty-state">{t('referrals.assign.noCounsellors')}</p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        {counsellors && counsellors.length > 0 && (
          <FormField id="assign-counsellor" label={t('referrals.assign.counsellor')} error={errors.counsellorId}>
            {(a11y) => (
              <select {...a11y} {...form.register('counsellorId', { valueAsNumber: true })}>
                <option value="">{t('referrals.assign.chooseCounsellor')}</option>
                {counsellors.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.displayName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting || !counsellors?.length} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('referrals.assign.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
