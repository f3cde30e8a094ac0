import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ClientSummary, Referral } from '../../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { todayIn } from '../../format/dates';
import { useSession } from '../../session/SessionContext';
import { useAgencies } from '../shared/useAgencies';
import { ClientSection } from './ClientSection';
import { FormalReferralFields } from './FormalReferralFields';
import { INTAKE_FIELDS, intakeDefaults, intakeResolver, type IntakeFormValues, type IntakeOutput } from './intake-form';
import { PresentingIssuesField } from './PresentingIssuesField';
import { ReferralBasicsFields } from './ReferralBasicsFields';
import { useDuplicateCheck } from './useDuplicateCheck';

export const INTAKE_DRAFT_KEY = 'referrals.intake';

/**
 * Takes in one referral: the agency's request, the client it is for (found among the
 * agency's clients or entered new, with a guard against registering someone twice), and
 * for a formal management referral the referrer and the client's consent. Kept as a draft
 * while typed, so a lock loses nothing.
 */
export function IntakePage({ onCreated }: { onCreated: (referral: Referral) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const today = todayIn(session.settings.timeZone);
  const { agencies, error: agenciesError } = useAgencies();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [confirmedNew, setConfirmedNew] = useState(false);
  const form = useForm<IntakeFormValues, unknown, IntakeOutput>({ resolver: intakeResolver, defaultValues: intakeDefaults(today) });
  const draft = useFormDraft(INTAKE_DRAFT_KEY, form);
  const duplicateCheck = useDuplicateCheck(form);
  const referralType = useWatch({ control: form.control, name: 'referralType' });
  const { errors, isSubmitting } = form.formState;

  const submitWith = (allowDuplicate: boolean) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        const result = await call('referrals.create', { ...values, allowDuplicate });
        if (result.outcome === 'possible_duplicates') {
          duplicateCheck.showFromSubmit(result.candidates);
          return;
        }
        await draft.discard();
        form.reset(intakeDefaults(todayIn(session.settings.timeZone)));
        duplicateCheck.clear();
        setConfirmedNew(false);
        onCreated(result.referral);
      } catch (error) {
        setFormError(applyApiError(error, form.setError, INTAKE_FIELDS));
      }
    });

  const pickClient = (client: ClientSummary | null) => {
    const resubmit = duplicateCheck.duplicates?.fromSubmit === true && client !== null;
    form.setValue('pickedClient', client);
    form.setValue('client.clientId', client?.id ?? null);
    if (client) form.setValue('client.mode', 'existing');
    form.clearErrors('client');
    duplicateCheck.clear();
    // Saving was waiting on this choice: go on with the client chosen.
    if (resubmit) void submitWith(false)();
  };

  const createAnyway = () => {
    const resubmit = duplicateCheck.duplicates?.fromSubmit === true;
    setConfirmedNew(true);
    duplicateCheck.clear();
    if (resubmit) void submitWith(true)();
  };

  // A client belongs to one agency: another agency means choosing the client again.
  const agencyChanged = () => {
    if (form.getValues('pickedClient')) {
      form.setValue('pickedClient', null);
      form.setValue('client.clientId', null);
    }
    duplicateCheck.clear();
    setConfirmedNew(false);
  };

  const activeAgencies = (agencies ?? []).filter((agency) => agency.active);
  return (
    <section className="card intake" aria-labelledby="intake-title">
      <div className="card-heading-row">
        <h2 id="intake-title" className="card-heading">
          {t('referrals.intake.title')}
        </h2>
        <DraftStatusNote draft={draft} />
      </div>
      <p className="card-text">{t('referrals.intake.lead')}</p>
      <FormAlert code={formError ?? agenciesError} />
      {agencies && activeAgencies.length === 0 && <p className="alert alert--warning">{t('referrals.intake.noAgencies')}</p>}
      <form onSubmit={(event) => void submitWith(confirmedNew)(event)} noValidate>
        <section className="intake-section" aria-labelledby="intake-referral-title">
          <h3 id="intake-referral-title" className="intake-section__title">
            {t('referrals.intake.referralTitle')}
          </h3>
          <ReferralBasicsFields form={form} agencies={activeAgencies} today={today} onAgencyChange={agencyChanged} />
          <PresentingIssuesField form={form} />
          <FormField id="intake-reason" label={t('referrals.fields.reason')} error={errors.reason} hint={t('referrals.hints.reason')}>
            {(a11y) => <textarea {...a11y} rows={3} maxLength={500} {...form.register('reason')} />}
          </FormField>
        </section>
        {referralType === 'formal_management' && <FormalReferralFields form={form} />}
        <ClientSection
          form={form}
          today={today}
          duplicates={duplicateCheck.duplicates}
          confirmedNew={confirmedNew}
          onIdentityBlur={() => void duplicateCheck.checkEarly()}
          onPick={pickClient}
          onCreateAnyway={createAnyway}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('referrals.intake.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
