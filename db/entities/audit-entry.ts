import { EntitySchema } from 'typeorm';
import type { AuditAction, AuditOutcome } from '../../shared/audit-actions';

/** An audit log row. Append-only: triggers refuse UPDATE and DELETE (migration 1). */
export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  action: AuditAction;
  recordType: string | null;
  recordId: string | null;
  outcome: AuditOutcome;
  /** JSON object of non-confidential facts (a role, the names of changed settings). */
  detail: string | null;
  prevHash: string;
  hash: string;
}

export const AuditEntryEntity = new EntitySchema<AuditEntry>({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  columns: {
    seq: { type: 'integer', primary: true },
    at: { type: 'varchar' },
    actorUserId: { type: 'integer', name: 'actor_user_id', nullable: true },
    actorUsername: { type: 'varchar', name: 'actor_username', nullable: true },
    action: { type: 'varchar' },
    recordType: { type: 'varchar', name: 'record_type', nullable: true },
    recordId: { type: 'varchar', name: 'record_id', nullable: true },
    outcome: { type: 'varchar' },
    detail: { type: 'text', nullable: true },
    prevHash: { type: 'varchar', name: 'prev_hash' },
    hash: { type: 'varchar' },
  },
});
