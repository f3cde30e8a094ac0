import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { DraftStatusNote } from '../drafts/DraftStatusNote';
import { useFormDraft } from '../drafts/useFormDraft';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { zodErrorMap } from '../forms/issue-messages';
import { todayIn } from '../format/dates';
import { useFormatters } from '../session/useFormatters';
import { CLIENT_FIELDS, clientFormSchema, clientFormValues, type ClientFormOutput, type ClientFormValues } from './client-form';
import { ClientFields } from './ClientFields';
import { fullName } from './client-text';

interface EditClientDialogProps {
  client: Client;
  onClose: () => void;
  onSaved: (client: Client) => void;
}

/** Corrects a client's details. What is typed is kept as a draft, so a lock in the middle loses nothing. */
export function EditClientDialog({ client, onClose, onSaved }: EditClientDialogProps) {
  const { t } = useTranslation();
  const { zone } = useFormatters();
  const today = todayIn(zone);
  const schema = useMemo(() => clientFormSchema(today), [today]);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<ClientFormValues, unknown, ClientFormOutput>({
    resolver: zodResolver(schema, { error: zodErrorMap }),
    defaultValues: clientFormValues(client),
  });
  const draft = useFormDraft(`clients.edit:${client.id}`, form);
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await call('clients.update', {
        ...values,
        id: client.id,
        // A description only goes with "self-described"; choosing something else clears it.
        genderDescription: values.gender === 'self_described' ? values.genderDescription : '',
      });
      await draft.discard();
      onSaved(saved);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, CLIENT_FIELDS));
    }
  });

  // Cancelling means "keep the record as it was": the draft goes too.
  const cancel = () => {
    void draft.discard();
    onClose();
  };

  return (
    <Dialog title={t('clients.edit.title', { name: fullName(client) })} onClose={cancel}>
      <div className="client-edit-form">
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ClientFields idPrefix="edit-client" form={form} today={today} />
          <div className="form-actions">
            <DraftStatusNote draft={draft} />
            <button type="button" className="button button--ghost" onClick={cancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('clients.edit.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
