import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Room } from '../../../shared/contract/availability-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { zodErrorMap } from '../../forms/issue-messages';
import { ROOM_FIELDS, RoomFields } from './RoomFields';

const updateSchema = channels['rooms.update'].input;
type UpdateValues = z.input<typeof updateSchema>;

interface EditRoomDialogProps {
  room: Room;
  onClose: () => void;
  onSaved: (room: Room) => void;
}

/** A room's name and capacity, and whether it can still be booked. */
export function EditRoomDialog({ room, onClose, onSaved }: EditRoomDialogProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<UpdateValues, unknown, z.output<typeof updateSchema>>({
    resolver: zodResolver(updateSchema, { error: zodErrorMap }),
    defaultValues: { id: room.id, name: room.name, capacity: room.capacity, active: room.active },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await call('rooms.update', values));
    } catch (error) {
      setFormError(applyApiError(error, form.setError, ROOM_FIELDS, { ROOM_NAME_TAKEN: 'name' }));
    }
  });

  return (
    <Dialog title={t('admin.scheduling.rooms.editTitle', { name: room.name })} onClose={onClose}>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <RoomFields idPrefix="edit-room" registered={{ name: form.register('name'), capacity: form.register('capacity', { valueAsNumber: true }) }} errors={errors} />
        <div className="checkbox-field">
          <input id="edit-room-active" type="checkbox" {...form.register('active')} />
          <label htmlFor="edit-room-active">{t('admin.scheduling.rooms.activeLabel')}</label>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('admin.scheduling.rooms.submitEdit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
