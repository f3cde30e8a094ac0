import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Agency } from '../../../shared/contract/agency-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { zodErrorMap } from '../../forms/issue-messages';
import { AGENCY_FIELDS, AgencyFields } from './AgencyFields';

const createSchema = channels['agencies.create'].input;
type CreateValues = z.input<typeof createSchema>;
const EMPTY: CreateValues = { name: '', sector: 'government_administration', address: '', contactName: '', contactEmail: '', contactPhone: '' };

/** Adds a partner agency. Kept as a draft while typed. */
export function AddAgencyForm({ onCreated }: { onCreated: (agency: Agency) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<CreateValues, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema, { error: zodErrorMap }),
    defaultValues: EMPTY,
  });
  const draft = useFormDraft('admin.agencies.create', form);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const agency = await call('agencies.create', values);
      await draft.discard();
      form.reset(EMPTY);
      onCreated(agency);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, AGENCY_FIELDS));
    }
  });

  return (
    <section className="card" aria-labelledby="add-agency-title">
      <div className="card-heading-row">
        <h2 id="add-agency-title" className="card-heading">
          {t('admin.agencies.addTitle')}
        </h2>
        <DraftStatusNote draft={draft} />
      </div>
      <p className="card-text">{t('admin.agencies.addLead')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <AgencyFields
          idPrefix="add-agency"
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
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.agencies.adding') : t('admin.agencies.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
