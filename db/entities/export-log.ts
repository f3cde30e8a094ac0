import { EntitySchema } from 'typeorm';

/** One full export of the vault: who, when, why, and what it held. Append-only (migration 9). */
export interface ExportLogRow {
  id: number;
  userId: number;
  exportedAt: string;
  reason: string;
  encrypted: boolean;
  rowCount: number;
}

export const ExportLogEntity = new EntitySchema<ExportLogRow>({
  name: 'ExportLog',
  tableName: 'export_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    userId: { type: 'integer', name: 'user_id' },
    exportedAt: { type: 'varchar', name: 'exported_at' },
    reason: { type: 'text' },
    encrypted: { type: 'boolean' },
    rowCount: { type: 'integer', name: 'row_count' },
  },
});
