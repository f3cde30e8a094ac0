import { EntitySchema } from 'typeorm';

/** What a user was typing into a form, kept inside the encrypted vault across locks and crashes. */
export interface Draft {
  userId: number;
  formKey: string;
  payload: string;
  savedAt: string;
}

export const DraftEntity = new EntitySchema<Draft>({
  name: 'Draft',
  tableName: 'draft',
  columns: {
    userId: { type: 'integer', name: 'user_id', primary: true },
    formKey: { type: 'varchar', name: 'form_key', primary: true },
    payload: { type: 'text' },
    savedAt: { type: 'varchar', name: 'saved_at' },
  },
});
