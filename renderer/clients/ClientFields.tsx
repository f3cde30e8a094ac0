import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLIENT_LANGUAGES, GENDERS, JOB_ROLES } from '../../shared/domain/clients';
import { FormField } from '../forms/FormField';
import type { ClientFormOutput, ClientFormValues } from './client-form';

interface ClientFieldsProps {
  idPrefix: string;
  form: UseFormReturn<ClientFormValues, unknown, ClientFormOutput>;
  /** The latest date of birth the date picker offers (today in the clinic's time zone). */
  today: string;
}

/** A client's name, personal details, contact and emergency contact, grouped as a person reads them. */
export function ClientFields({ idPrefix, form, today }: ClientFieldsProps) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  const selfDescribed = form.watch('gender') === 'self_described';
  const text = (name: 'givenName' | 'familyName' | 'preferredName' | 'genderDescription' | 'emergencyContactName') => (
    <FormField id={`${idPrefix}-${name}`} label={t(`clients.fields.${name}`)} error={errors[name]} hint={name === 'familyName' ? t('clients.fields.familyNameHint') : undefined}>
      {(a11y) => <input {...a11y} type="text" autoComplete="off" {...form.register(name)} />}
    </FormField>
  );
  const phone = (name: 'phone' | 'emergencyContactPhone') => (
    <FormField id={`${idPrefix}-${name}`} label={t(`clients.fields.${name}`)} error={errors[name]}>
      {(a11y) => <input {...a11y} type="tel" autoComplete="off" {...form.register(name)} />}
    </FormField>
  );

  return (
    <>
      <fieldset className="client-fieldset">
        <legend>{t('clients.edit.nameGroup')}</legend>
        <div className="form-grid client-form-grid">
          {text('givenName')}
          {text('familyName')}
          {text('preferredName')}
        </div>
      </fieldset>
      <fieldset className="client-fieldset">
        <legend>{t('clients.edit.personalGroup')}</legend>
        <div className="form-grid client-form-grid">
          <FormField id={`${idPrefix}-dateOfBirth`} label={t('clients.fields.dateOfBirth')} error={errors.dateOfBirth}>
            {(a11y) => <input {...a11y} type="date" max={today} {...form.register('dateOfBirth')} />}
          </FormField>
          <FormField id={`${idPrefix}-gender`} label={t('clients.fields.gender')} error={errors.gender}>
            {(a11y) => (
              <select {...a11y} {...form.register('gender')}>
                <option value="">{t('clients.detail.notRecorded')}</option>
                {GENDERS.map((gender) => (
                  <option key={gender} value={gender}>
                    {t(`vocab.gender.${gender}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`${idPrefix}-jobRole`} label={t('clients.fields.jobRole')} error={errors.jobRole}>
            {(a11y) => (
              <select {...a11y} {...form.register('jobRole')}>
                <option value="">{t('clients.detail.notRecorded')}</option>
                {JOB_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`vocab.jobRole.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`${idPrefix}-preferredLanguage`} label={t('clients.fields.preferredLanguage')} error={errors.preferredLanguage}>
            {(a11y) => (
              <select {...a11y} {...form.register('preferredLanguage')}>
                {CLIENT_LANGUAGES.map((language) => (
                  <option key={language} value={language}>
                    {t(`vocab.clientLanguage.${language}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {selfDescribed && text('genderDescription')}
        </div>
      </fieldset>
      <fieldset className="client-fieldset">
        <legend>{t('clients.edit.contactGroup')}</legend>
        <div className="form-grid client-form-grid">
          {phone('phone')}
          <FormField id={`${idPrefix}-email`} label={t('clients.fields.email')} error={errors.email}>
            {(a11y) => <input {...a11y} type="email" autoComplete="off" spellCheck={false} {...form.register('email')} />}
          </FormField>
        </div>
      </fieldset>
      <fieldset className="client-fieldset">
        <legend>{t('clients.edit.emergencyGroup')}</legend>
        <div className="form-grid client-form-grid">
          {text('emergencyContactName')}
          {phone('emergencyContactPhone')}
        </div>
      </fieldset>
    </>
  );
}
