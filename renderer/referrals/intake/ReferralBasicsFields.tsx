import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../shared/contract/agency-schemas';
import { URGENCIES } from '../../../shared/domain/agencies';
import { REFERRAL_TYPES } from '../../../shared/domain/referrals';
import { FormField } from '../../forms/FormField';
import { ChoiceGroup } from '../../forms/ChoiceGroup';
import type { IntakeForm } from './intake-form';

interface ReferralBasicsFieldsProps {
  form: IntakeForm;
  /** Active agencies only: an inactive one takes no new referrals. */
  agencies: Agency[];
  today: string;
  onAgencyChange: () => void;
}

/** Which agency, when it arrived, what kind of referral and how urgent. */
export function ReferralBasicsFields({ form, agencies, today, onAgencyChange }: ReferralBasicsFieldsProps) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  return (
    <>
      <div className="form-grid intake-pair">
        <FormField id="intake-agency" label={t('referrals.fields.agency')} error={errors.agencyId}>
          {(a11y) => (
            <select {...a11y} {...form.register('agencyId', { onChange: onAgencyChange })}>
              <option value="">{t('referrals.intake.chooseAgency')}</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={String(agency.id)}>
                  {agency.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="intake-type" label={t('referrals.fields.referralType')} error={errors.referralType}>
          {(a11y) => (
            <select {...a11y} {...form.register('referralType')}>
              <option value="">{t('referrals.intake.chooseType')}</option>
              {REFERRAL_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`vocab.referralType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-grid intake-pair">
        <FormField id="intake-received" label={t('referrals.fields.receivedDate')} error={errors.receivedDate} hint={t('referrals.hints.receivedDate')}>
          {(a11y) => <input {...a11y} type="date" max={today} {...form.register('receivedDate')} />}
        </FormField>
        <ChoiceGroup
          id="intake-urgency"
          legend={t('referrals.fields.urgency')}
          type="radio"
          options={URGENCIES.map((urgency) => ({ value: urgency, label: t(`vocab.urgency.${urgency}`) }))}
          registration={form.register('urgency')}
          error={errors.urgency}
          hint={t('referrals.hints.urgency')}
        />
      </div>
    </>
  );
}
