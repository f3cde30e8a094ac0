import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Agency } from '../../../shared/contract/agency-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { zodErrorMap } from '../../forms/issue-messages';
import { AGENCY_FIELDS, AgencyFields } from './AgencyFields';

const updateSchema = channels['agencies.update'].input;
type UpdateValues = z.input<typeof updateSchema>;

interface EditAgencyDialogProps {
  agency: Agency;
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}

/** The agency's fields, and whether it is still active. */
export function EditAgencyDialog({ agency, onClose, onSaved }: EditAgencyDialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<UpdateValues, unknown, z.output<typeof updateSchema>>({
    resolver: zodResolver(updateSchema, { error: zodErrorMap }),
    defaultValues: {
      id: agency.id,
      active: agency.active,
      name: agency.name,
      sector: agency.sector,
      address: agency.address,
      contactName: agency.contactName,
      contactEmail: agency.contactEmail,
      contactPhone: agency.contactPhone,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await call('agencies.update', values));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, AGENCY_FIELDS));
    }
  });

  return (
    <Dialog title={t('admin.agencies.editTitle', { name: agency.name })} onClose={onClose}>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <AgencyFields
          idPrefix="edit-agency"
          registered={{
            name: form.register('name'),
            sector: form.register('sector'),
            address: form.register('address'),
            contactName: form.register('contactName'),
            contactEmail: form.register('contactEmail'),
            contactPhone: form.register('contactPhone'),
          }}
          errors={errors}
        />
        <div className="checkbox-field">
          <input id="edit-agency-active" type="checkbox" {...form.register('active')} />
          <label htmlFor="edit-agency-active">{t('admin.agencies.activeLabel')}</label>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('admin.agencies.submitEdit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
