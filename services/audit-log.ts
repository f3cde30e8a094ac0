import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { AuditAction, AuditOutcome } from '../shared/audit-actions';
import type { AuditEntryView, AuditVerification } from '../shared/contract';
import { AuditEntryEntity, type AuditEntry } from '../db/entities';
import { readAuditHead } from '../db/audit-head';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFacts {
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  action: AuditAction;
  recordType?: string | null;
  recordId?: string | null;
  outcome: AuditOutcome;
  /** Non-confidential facts only: never a client's name, a note, a passphrase. */
  detail?: Record<string, string | number | boolean | null> | null;
}

/** The SHA-256 of an entry's fields and the previous entry's hash: the chain's link. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actorUserId,
    e.actorUsername,
    e.action,
    e.recordType,
    e.recordId,
    e.outcome,
    e.detail,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Append one entry; call inside the transaction that makes the change it records. */
export async function appendAudit(manager: EntityManager, facts: AuditFacts): Promise<AuditEntry> {
  const prev = await readAuditHead(manager);
  const unhashed: Omit<AuditEntry, 'hash'> = {
    seq: (prev?.seq ?? 0) + 1,
    at: facts.at,
    actorUserId: facts.actorUserId,
    actorUsername: facts.actorUsername,
    action: facts.action,
    recordType: facts.recordType ?? null,
    recordId: facts.recordId ?? null,
    outcome: facts.outcome,
    detail: facts.detail ? JSON.stringify(facts.detail) : null,
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
  await manager.getRepository(AuditEntryEntity).insert(entry);
  return entry;
}

export interface AuditFilter {
  actorUserId?: number | undefined;
  action?: AuditAction | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** Entries newest first; `from`/`to` are whole calendar days in the clinic's zone. */
export async function listAudit(dataSource: DataSource, filter: AuditFilter, timeZone: string): Promise<{ entries: AuditEntryView[]; total: number }> {
  const qb = dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
  if (filter.actorUserId !== undefined) qb.andWhere('a.actor_user_id = :actor', { actor: filter.actorUserId });
  if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
  if (filter.recordType) qb.andWhere('a.record_type = :rt', { rt: filter.recordType });
  if (filter.recordId) qb.andWhere('a.record_id = :rid', { rid: filter.recordId });
  if (filter.from) {
    const start = DateTime.fromISO(filter.from, { zone: timeZone }).startOf('day').toUTC().toISO();
    qb.andWhere('a.at >= :from', { from: start });
  }
  if (filter.to) {
    const end = DateTime.fromISO(filter.to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toUTC().toISO();
    qb.andWhere('a.at < :to', { to: end });
  }
  const [rows, total] = await qb.orderBy('a.seq', 'DESC').skip(filter.offset).take(filter.limit).getManyAndCount();
  return { entries: rows.map(toView), total };
}

function toView(e: AuditEntry): AuditEntryView {
  return {
    seq: e.seq,
    at: e.at,
    actorUserId: e.actorUserId,
    actorUsername: e.actorUsername,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId,
    outcome: e.outcome,
    detail: e.detail ? (JSON.parse(e.detail) as AuditEntryView['detail']) : null,
    hash: e.hash,
  };
}

/**
 * Walk the chain from the first entry: numbering without gaps, each link pointing at
 * the previous hash, each hash matching its fields, and the last one matching the
 * head the insert trigger keeps. Any edited, inserted or deleted entry breaks one.
 * An anchor (a seq and hash recorded outside the vault earlier) must still be there:
 * that catches a chain rewritten from scratch by someone holding the data key.
 */
export async function verifyAudit(dataSource: DataSource, anchor?: { seq: number; hash: string }): Promise<AuditVerification> {
  const repo = dataSource.getRepository(AuditEntryEntity);
  const headRow = await readAuditHead(dataSource);
  const head = headRow ? { seq: headRow.seq, hash: headRow.hash } : null;
  const broken = (seq: number, kind: NonNullable<AuditVerification['problem']>['kind']): AuditVerification => ({ valid: false, checked, problem: { seq, kind }, head });
  const pageSize = 5000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await repo.createQueryBuilder('a').where('a.seq >= :s', { s: expectedSeq }).orderBy('a.seq', 'ASC').take(pageSize).getMany();
    for (const e of page) {
      if (e.seq !== expectedSeq) return broken(expectedSeq, 'gap');
      if (e.prevHash !== prevHash) return broken(e.seq, 'broken_link');
      const { hash, ...rest } = e;
      if (entryHash(rest) !== hash) return broken(e.seq, 'hash_mismatch');
      if (anchor && e.seq === anchor.seq && hash !== anchor.hash) return broken(e.seq, 'anchor_mismatch');
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  if (anchor && anchor.seq > checked) return broken(anchor.seq, 'anchor_mismatch');
  if (checked === 0 && !headRow) return { valid: true, checked, problem: null, head: null };
  if (!headRow || headRow.seq !== expectedSeq - 1 || headRow.hash !== prevHash) return broken(headRow?.seq ?? expectedSeq, 'head_mismatch');
  return { valid: true, checked, problem: null, head: { seq: headRow.seq, hash: headRow.hash } };
}
