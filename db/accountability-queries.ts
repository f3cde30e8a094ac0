import type { EntityManager } from 'typeorm';

/**
 * What the people concerned are told of admins' actions on their account and their notes
 * (issue 11), read from the audit log and the export log.
 */

export interface PassphraseResetRow {
  seq: number;
  at: string;
  byName: string;
}

/** Passphrase resets of `userId` by someone else at or after `sinceIso`, newest first. */
export function passphraseResetsOf(m: EntityManager, userId: number, sinceIso: string): Promise<PassphraseResetRow[]> {
  return m.query(
    `SELECT a.seq AS seq, a.at AS at, coalesce(u.display_name, a.actor_username, '') AS byName
     FROM audit_entry a LEFT JOIN user_account u ON u.id = a.actor_user_id
     WHERE a.action = 'user.passphrase_reset' AND a.outcome = 'success' AND a.record_type = 'user' AND a.record_id = ? AND a.at >= ?
     ORDER BY a.seq DESC`,
    [String(userId), sinceIso],
  );
}

/** The seq and time of every sign-in of `userId` (passphrase or recovery key) after audit entry `afterSeq`, oldest first. */
export function signInsAfter(m: EntityManager, userId: number, afterSeq: number, limit = 50): Promise<Array<{ seq: number; at: string }>> {
  return m.query(
    `SELECT seq, at FROM audit_entry
     WHERE action IN ('session.unlock', 'session.recover') AND outcome = 'success' AND actor_user_id = ? AND seq > ?
     ORDER BY seq ASC LIMIT ${limit}`,
    [userId, afterSeq],
  );
}

/** The seq of `userId`'s sign-in before the latest one, or 0 when the latest is their first. */
export async function previousSignInSeq(m: EntityManager, userId: number): Promise<number> {
  const rows: Array<{ seq: number }> = await m.query(
    `SELECT seq FROM audit_entry WHERE action IN ('session.unlock', 'session.recover', 'vault.setup') AND outcome = 'success' AND actor_user_id = ? ORDER BY seq DESC LIMIT 2`,
    [userId],
  );
  return rows[1]?.seq ?? 0;
}

export interface FullExportRow {
  id: number;
  at: string;
  byName: string;
  reason: string;
  encrypted: number;
}

/** Full exports at or after `sinceIso` taken when at least one note written by `authorUserId` existed, newest first. */
export function exportsHoldingNotesOf(m: EntityManager, authorUserId: number, sinceIso: string): Promise<FullExportRow[]> {
  return m.query(
    `SELECT e.id AS id, e.exported_at AS at, u.display_name AS byName, e.reason AS reason, e.encrypted AS encrypted
     FROM export_log e JOIN user_account u ON u.id = e.user_id
     WHERE e.exported_at >= ? AND EXISTS (SELECT 1 FROM note n WHERE n.author_user_id = ? AND n.created_at <= e.exported_at)
     ORDER BY e.id DESC LIMIT 50`,
    [sinceIso, authorUserId],
  );
}
