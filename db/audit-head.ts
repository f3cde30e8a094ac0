import type { EntityManager, DataSource } from 'typeorm';

/**
 * The audit chain's last link, kept in `audit_head` by an insert trigger (migration 1).
 * New entries continue from the head, not from whatever row is last, so entries cut
 * from the end of the log leave a gap that verification finds.
 */
export async function readAuditHead(db: EntityManager | DataSource): Promise<{ seq: number; hash: string } | null> {
  const rows = (await db.query('SELECT seq, hash FROM audit_head WHERE id = 1')) as Array<{ seq: number; hash: string }>;
  return rows[0] ?? null;
}
