import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Room } from '../../../shared/contract/availability-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { zodErrorMap } from '../../forms/issue-messages';
import { ROOM_FIELDS, RoomFields } from './RoomFields';

const createSchema = channels['rooms.create'].input;
type CreateValues = z.input<typeof createSchema>;
const EMPTY: CreateValues = { name: '', capacity: 1 };

/** Adds a room. Kept as a draft while typed. */
export function AddRoomForm({ onCreated }: { onCreated: (room: Room) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<CreateValues, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema, { error: zodErrorMap }),
    defaultValues: EMPTY,
  });
  const draft = useFormDraft('admin.rooms.create', form);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const room = await call('rooms.create', values);
      await draft.discard();
      form.reset(EMPTY);
      onCreated(room);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ROOM_FIELDS, { ROOM_NAME_TAKEN: 'name' }));
    }
  });

  return (
    <div className="scheduling-subsection" data-testid="add-room">
      <div className="card-heading-row">
        <h3 id="add-room-title" className="scheduling-subheading">
          {t('admin.scheduling.rooms.addTitle')}
        </h3>
        <DraftStatusNote draft={draft} />
      </div>
      <FormAlert code={formError} />
      <form aria-labelledby="add-room-title" onSubmit={(event) => void submit(event)} noValidate>
        <RoomFields idPrefix="add-room" registered={{ name: form.register('name'), capacity: form.register('capacity', { valueAsNumber: true }) }} errors={errors} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.scheduling.rooms.adding') : t('admin.scheduling.rooms.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
