import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BoundedIntegerInput } from '../../forms/BoundedIntegerInput';
import { FormField } from '../../forms/FormField';
import { ROOM_CAPACITY } from './hours-time';

export const ROOM_FIELDS = ['name', 'capacity'] as const;

interface RoomFieldsProps {
  idPrefix: string;
  registered: { name: UseFormRegisterReturn; capacity: UseFormRegisterReturn };
  errors: { name?: FieldError | undefined; capacity?: FieldError | undefined };
}

/** A room's name and capacity: the same fields to add one and to edit it. */
export function RoomFields({ idPrefix, registered, errors }: RoomFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <FormField id={`${idPrefix}-name`} label={t('admin.scheduling.rooms.fields.name')} error={errors.name}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" {...registered.name} />}
      </FormField>
      <FormField
        id={`${idPrefix}-capacity`}
        label={t('admin.scheduling.rooms.fields.capacity')}
        error={errors.capacity}
        hint={t('admin.scheduling.rooms.capacityHint', { min: ROOM_CAPACITY.min, max: ROOM_CAPACITY.max })}
      >
        {(a11y) => <BoundedIntegerInput {...a11y} bounds={ROOM_CAPACITY} registration={registered.capacity} />}
      </FormField>
    </div>
  );
}
