import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { parseRecoveryKey } from '../shared/recovery-key';
import { clinicWithCounsellor, expectOk, manualClock, signIn, ADMIN } from '../tests/helpers/vault-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Tamper with the database directly, as someone holding the key could. */
function tamper(dir: string, recoveryKey: string, sql: string): void {
  const db = new Database(join(dir, 'tenang.db'));
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${parseRecoveryKey(recoveryKey)}'"`);
  db.exec(sql);
  db.close();
}

async function verifiedAfter(sql: string) {
  const c = await clinicWithCounsellor();
  cleanups.push(c.cleanup);
  expectOk(await c.app.dispatch('settings.update', { autoLockMinutes: 15 }));
  await c.app.close();
  tamper(c.dir, c.recoveryKey, sql);
  await signIn(c.app, ADMIN);
  return expectOk(await c.app.dispatch('audit.verify', {})) as { valid: boolean; problem: { seq: number; kind: string } | null; checked: number };
}

describe('the audit log', () => {
  it('records who did what to which record, and verifies', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const list = expectOk(await c.app.dispatch('audit.list', {})) as { entries: Array<{ action: string; actorUsername: string; recordType: string; recordId: string }> };
    expect(list.entries.map((e) => e.action).reverse()).toEqual(['vault.setup', 'user.create', 'user.create']);
    expect(list.entries[0]).toMatchObject({ actorUsername: ADMIN.username, recordType: 'user', recordId: String(c.counsellorId) });
    expect(expectOk(await c.app.dispatch('audit.verify', {}))).toMatchObject({ valid: true, checked: 3, problem: null, head: { seq: 3 } });
  });

  it('refuses UPDATE and DELETE at the database itself', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    await c.app.close();
    expect(() => tamper(c.dir, c.recoveryKey, "UPDATE audit_entry SET actor_username = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => tamper(c.dir, c.recoveryKey, 'DELETE FROM audit_entry WHERE seq = 1')).toThrow(/append-only/);
  });

  it('detects an edited entry', async () => {
    const result = await verifiedAfter("DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET actor_username = 'someone-else' WHERE seq = 2;");
    expect(result).toMatchObject({ valid: false, problem: { seq: 2, kind: 'hash_mismatch' } });
  });

  it('detects an entry deleted from the middle', async () => {
    const result = await verifiedAfter('DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq = 2;');
    expect(result).toMatchObject({ valid: false, problem: { seq: 2, kind: 'gap' } });
  });

  it('detects entries deleted from the end, even after new entries follow', async () => {
    const result = await verifiedAfter('DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq >= 4;');
    // Signing in again appended new entries; they continue from the head, leaving a gap.
    expect(result.valid).toBe(false);
    expect(result.problem).toMatchObject({ seq: 4, kind: 'gap' });
  });

  it('detects entries deleted from the end when nothing follows (the head no longer matches)', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    await c.app.close();
    tamper(c.dir, c.recoveryKey, 'DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq >= 3;');
    const { VaultFolder } = await import('../db/vault/vault-folder');
    const { verifyAudit } = await import('./audit-log');
    const ds = await new VaultFolder(c.dir).open(Buffer.from(parseRecoveryKey(c.recoveryKey)!, 'hex'), { create: false });
    expect(await verifyAudit(ds)).toMatchObject({ valid: false, problem: { kind: 'head_mismatch' } });
    await ds.destroy();
  });

  it('detects an edited entry whose hash was recomputed naively (the next link breaks)', async () => {
    // Another first hex digit, whatever it was (a fixed 'f' changed nothing for one hash in 16).
    const result = await verifiedAfter("DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE seq = 2;");
    expect(result.valid).toBe(false);
    expect(result.problem?.seq).toBe(2);
  });

  it('filters by user, action, record and date in the clinic time zone', async () => {
    // 00:30 on 1 December in Jakarta is still 30 November in UTC: the filter takes the clinic's day.
    const clock = manualClock(Date.parse('2026-11-30T17:30:00Z'));
    const c = await clinicWithCounsellor(clock);
    cleanups.push(c.cleanup);
    const byAction = expectOk(await c.app.dispatch('audit.list', { action: 'user.create' })) as { total: number };
    expect(byAction.total).toBe(2);
    const byRecord = expectOk(await c.app.dispatch('audit.list', { recordType: 'user', recordId: String(c.counsellorId) })) as { total: number };
    expect(byRecord.total).toBe(1);
    expect((expectOk(await c.app.dispatch('audit.list', { from: '2026-12-01', to: '2026-12-01' })) as { total: number }).total).toBe(3);
    expect((expectOk(await c.app.dispatch('audit.list', { from: '2026-11-30', to: '2026-11-30' })) as { total: number }).total).toBe(0);
    expect((expectOk(await c.app.dispatch('audit.list', { to: '2020-01-01' })) as { total: number }).total).toBe(0);
    expect((expectOk(await c.app.dispatch('audit.list', { actorUserId: c.counsellorId })) as { total: number }).total).toBe(0);
  });
});

describe('an anchor recorded outside the vault', () => {
  it('proves the chain still holds the recorded entry, and catches a chain rewritten from scratch', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const first = expectOk(await c.app.dispatch('audit.verify', {})) as { head: { seq: number; hash: string } };
    expect(first.head.seq).toBe(3);
    expectOk(await c.app.dispatch('settings.update', { autoLockMinutes: 20 }));
    expect(expectOk(await c.app.dispatch('audit.verify', { anchor: first.head }))).toMatchObject({ valid: true });

    // Someone with the key rewrites entry 2 and recomputes every hash after it, so the
    // chain itself verifies again; only the anchor tells.
    await c.app.close();
    const { VaultFolder } = await import('../db/vault/vault-folder');
    const { entryHash } = await import('./audit-log');
    const ds = await new VaultFolder(c.dir).open(Buffer.from(parseRecoveryKey(c.recoveryKey)!, 'hex'), { create: false });
    await ds.query('DROP TRIGGER audit_entry_no_update');
    const rows = (await ds.query('SELECT * FROM audit_entry ORDER BY seq')) as Array<Record<string, unknown>>;
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const entry = {
        seq: r.seq as number, at: r.at as string, actorUserId: r.actor_user_id as number | null, actorUsername: r.actor_username as string | null,
        action: r.action as never, recordType: r.record_type as string | null, recordId: r.record_id as string | null, outcome: r.outcome as never,
        detail: (r.seq === 2 ? JSON.stringify({ role: 'counsellor' }) : r.detail) as string | null, prevHash: prev,
      };
      const hash = entryHash(entry);
      await ds.query('UPDATE audit_entry SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?', [entry.detail, prev, hash, entry.seq]);
      prev = hash;
    }
    await ds.query('UPDATE audit_head SET hash = ? WHERE id = 1', [prev]);
    await ds.destroy();

    await signIn(c.app, ADMIN);
    expect(expectOk(await c.app.dispatch('audit.verify', {}))).toMatchObject({ valid: true });
    expect(expectOk(await c.app.dispatch('audit.verify', { anchor: first.head }))).toMatchObject({ valid: false, problem: { seq: 3, kind: 'anchor_mismatch' } });
    expect(expectOk(await c.app.dispatch('audit.verify', { anchor: { seq: 9999, hash: first.head.hash } }))).toMatchObject({ valid: false, problem: { kind: 'anchor_mismatch' } });
  });
});
