import { EntitySchema } from 'typeorm';

/** One clinic setting; `value` is JSON, validated by the settings service. */
export interface Setting {
  key: string;
  value: string;
}

export const SettingEntity = new EntitySchema<Setting>({
  name: 'Setting',
  tableName: 'setting',
  columns: {
    key: { type: 'varchar', primary: true },
    value: { type: 'text' },
  },
});
