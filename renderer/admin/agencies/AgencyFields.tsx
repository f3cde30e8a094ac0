import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../shared/domain/agencies';
import { FormField } from '../../forms/FormField';

export const AGENCY_FIELDS = ['name', 'sector', 'address', 'contactName', 'contactEmail', 'contactPhone'] as const;
export type AgencyFieldName = (typeof AGENCY_FIELDS)[number];

interface AgencyFieldsProps {
  idPrefix: string;
  registered: Record<AgencyFieldName, UseFormRegisterReturn>;
  errors: Partial<Record<AgencyFieldName, FieldError | undefined>>;
}

/** Name, sector, address and contact of an agency: the same fields to add one and to edit it. */
export function AgencyFields({ idPrefix, registered, errors }: AgencyFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <FormField id={`${idPrefix}-name`} label={t('admin.agencies.fields.name')} error={errors.name}>
          {(a11y) => <input {...a11y} type="text" autoComplete="off" {...registered.name} />}
        </FormField>
        <FormField id={`${idPrefix}-sector`} label={t('admin.agencies.fields.sector')} error={errors.sector}>
          {(a11y) => (
            <select {...a11y} {...registered.sector}>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`admin.agencies.sectors.${sector}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField id={`${idPrefix}-address`} label={t('admin.agencies.fields.address')} error={errors.address}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" {...registered.address} />}
      </FormField>
      <div className="form-grid">
        <FormField id={`${idPrefix}-contact-name`} label={t('admin.agencies.fields.contactName')} error={errors.contactName}>
          {(a11y) => <input {...a11y} type="text" autoComplete="off" {...registered.contactName} />}
        </FormField>
        <FormField id={`${idPrefix}-contact-email`} label={t('admin.agencies.fields.contactEmail')} error={errors.contactEmail}>
          {(a11y) => <input {...a11y} type="email" autoComplete="off" spellCheck={false} {...registered.contactEmail} />}
        </FormField>
        <FormField id={`${idPrefix}-contact-phone`} label={t('admin.agencies.fields.contactPhone')} error={errors.contactPhone}>
          {(a11y) => <input {...a11y} type="tel" autoComplete="off" {...registered.contactPhone} />}
        </FormField>
      </div>
    </>
  );
}
