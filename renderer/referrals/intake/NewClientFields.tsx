import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLIENT_LANGUAGES, GENDERS, JOB_ROLES } from '../../../shared/domain/clients';
import { FormField } from '../../forms/FormField';
import type { IntakeForm } from './intake-form';

interface NewClientFieldsProps {
  form: IntakeForm;
  today: string;
  /** Leaving the name, birth date or email: time to look for the same person already registered. */
  onIdentityBlur: () => void;
}

/** A new client's details. Only the given name is required; the rest helps reach and recognise them. */
export function NewClientFields({ form, today, onIdentityBlur }: NewClientFieldsProps) {
  const { t } = useTranslation();
  const errors = form.formState.errors.client;
  const gender = useWatch({ control: form.control, name: 'client.gender' });
  const identity = { onBlur: onIdentityBlur };
  return (
    <div className="form-grid client-grid" data-testid="new-client-fields">
      <FormField id="intake-given-name" label={t('referrals.clientFields.givenName')} error={errors?.givenName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={80} {...form.register('client.givenName', identity)} />}
      </FormField>
      <FormField id="intake-family-name" label={t('referrals.clientFields.familyName')} error={errors?.familyName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={80} {...form.register('client.familyName', identity)} />}
      </FormField>
      <FormField id="intake-preferred-name" label={t('referrals.clientFields.preferredName')} error={errors?.preferredName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={80} {...form.register('client.preferredName')} />}
      </FormField>
      <FormField id="intake-birth-date" label={t('referrals.clientFields.dateOfBirth')} error={errors?.dateOfBirth}>
        {(a11y) => <input {...a11y} type="date" max={today} {...form.register('client.dateOfBirth', identity)} />}
      </FormField>
      <FormField id="intake-gender" label={t('referrals.clientFields.gender')} error={errors?.gender}>
        {(a11y) => (
          <select {...a11y} {...form.register('client.gender')}>
            <option value="">{t('referrals.clientFields.notGiven')}</option>
            {GENDERS.map((value) => (
              <option key={value} value={value}>
                {t(`vocab.gender.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {gender === 'self_described' && (
        <FormField id="intake-gender-description" label={t('referrals.clientFields.genderDescription')} error={errors?.genderDescription}>
          {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={80} {...form.register('client.genderDescription')} />}
        </FormField>
      )}
      <FormField id="intake-email" label={t('referrals.clientFields.email')} error={errors?.email}>
        {(a11y) => <input {...a11y} type="email" autoComplete="off" maxLength={200} {...form.register('client.email', identity)} />}
      </FormField>
      <FormField id="intake-phone" label={t('referrals.clientFields.phone')} error={errors?.phone}>
        {(a11y) => <input {...a11y} type="tel" autoComplete="off" maxLength={30} {...form.register('client.phone')} />}
      </FormField>
      <FormField id="intake-job-role" label={t('referrals.clientFields.jobRole')} error={errors?.jobRole}>
        {(a11y) => (
          <select {...a11y} {...form.register('client.jobRole')}>
            <option value="">{t('referrals.clientFields.notGiven')}</option>
            {JOB_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`vocab.jobRole.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="intake-language" label={t('referrals.clientFields.preferredLanguage')} error={errors?.preferredLanguage}>
        {(a11y) => (
          <select {...a11y} {...form.register('client.preferredLanguage')}>
            {CLIENT_LANGUAGES.map((value) => (
              <option key={value} value={value}>
                {t(`vocab.clientLanguage.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="intake-emergency-name" label={t('referrals.clientFields.emergencyContactName')} error={errors?.emergencyContactName}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" maxLength={120} {...form.register('client.emergencyContactName')} />}
      </FormField>
      <FormField id="intake-emergency-phone" label={t('referrals.clientFields.emergencyContactPhone')} error={errors?.emergencyContactPhone}>
        {(a11y) => <input {...a11y} type="tel" autoComplete="off" maxLength={30} {...form.register('client.emergencyContactPhone')} />}
      </FormField>
    </div>
  );
}
