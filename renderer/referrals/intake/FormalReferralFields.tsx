import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONSENT_DATES, CONSENT_LEVELS } from '../../../shared/domain/referrals';
import { FormField } from '../../forms/FormField';
import { ChoiceGroup } from '../../forms/ChoiceGroup';
import type { IntakeForm } from './intake-form';

/**
 * Only a formal management referral has a referrer the clinic answers to, and only it may
 * carry the client's written consent to tell the employer about attendance (and compliance).
 */
export function FormalReferralFields({ form }: { form: IntakeForm }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const consentLevel = useWatch({ control: form.control, name: 'consentLevel' });
  return (
    <section className="intake-section intake-section--formal" aria-labelledby="intake-formal-title" data-testid="formal-referral-fields">
      <h3 id="intake-formal-title" className="intake-section__title">
        {t('referrals.intake.formalTitle')}
      </h3>
      <p className="field__hint intake-section__lead">{t('referrals.intake.formalLead')}</p>
      <div className="form-grid">
        <FormField id="intake-referrer-name" label={t('referrals.fields.referrerName')} error={errors.referrerName}>
          {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={120} {...form.register('referrerName')} />}
        </FormField>
        <FormField id="intake-referrer-contact" label={t('referrals.fields.referrerContact')} error={errors.referrerContact} hint={t('referrals.hints.referrerContact')}>
          {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={200} {...form.register('referrerContact')} />}
        </FormField>
      </div>
      <ChoiceGroup
        id="intake-consent"
        legend={t('referrals.fields.consentLevel')}
        type="radio"
        options={CONSENT_LEVELS.map((level) => ({ value: level, label: t(`vocab.consentLevel.${level}`) }))}
        registration={form.register('consentLevel')}
        error={errors.consentLevel}
        hint={t('referrals.hints.consentLevel')}
      />
      {consentLevel !== 'none' && (
        <div className="form-grid">
          <FormField id="intake-consent-date" label={t('referrals.fields.consentDate')} error={errors.consentDate}>
            {(a11y) => <input {...a11y} type="date" {...form.register('consentDate')} />}
          </FormField>
          <FormField id="intake-consent-expiry" label={t('referrals.fields.consentExpiry')} error={errors.consentExpiry}>
            {(a11y) => <input {...a11y} type="date" {...form.register('consentExpiry')} />}
          </FormField>
        </div>
      )}
      {consentLevel !== 'none' && (
        <ChoiceGroup
          id="intake-consent-dates"
          legend={t('referralLetter.fields.consentDates')}
          type="radio"
          options={CONSENT_DATES.map((dates) => ({ value: dates, label: t(`referralLetter.consentDates.${dates}`) }))}
          registration={form.register('consentDates')}
          error={errors.consentDates}
          hint={t('referralLetter.hints.consentDates')}
        />
      )}
    </section>
  );
}
