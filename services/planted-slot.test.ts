import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clinicWithCounsellor, expectOk, manualClock, signIn, ADMIN, COUNSELLOR } from '../tests/helpers/vault-fixture';
import { VaultFolder } from '../db/vault/vault-folder';
import { parseRecoveryKey } from '../shared/recovery-key';
import type { TenangApp } from './tenang-app';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function clinic() {
  const c = await clinicWithCounsellor(manualClock());
  cleanups.push(c.cleanup);
  return c;
}

/**
 * What someone with write access to the vault folder (a shared OS account) can do
 * without any key: add a slot whose public key is theirs. Before schema 2, a rekey
 * wrapped the new data key to it.
 */
function plantSlot(dir: string, owner: { userId: number; username: string } = { userId: 99, username: 'ayu.lestari' }): string {
  const path = join(dir, 'keyring.json');
  const keyring = JSON.parse(readFileSync(path, 'utf8'));
  const attacker = generateKeyPairSync('x25519');
  const publicKey = attacker.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const junk = { iv: randomBytes(12).toString('base64'), ct: randomBytes(48).toString('base64'), tag: randomBytes(16).toString('base64') };
  keyring.slots.push({
    ...keyring.slots[0],
    userId: owner.userId,
    username: owner.username,
    displayName: ADMIN.displayName,
    publicKey,
    privateKey: junk,
    dataKey: { ...junk, ephemeralPublicKey: publicKey },
  });
  writeFileSync(path, JSON.stringify(keyring));
  return publicKey;
}

/** SQL on the vault as a tool holding the recovery key would run it (the app is locked meanwhile). */
async function onTheDatabase<T>(dir: string, recoveryKey: string, work: (query: (sql: string, params?: unknown[]) => Promise<T>) => Promise<T>): Promise<T> {
  const ds = await new VaultFolder(dir).open(Buffer.from(parseRecoveryKey(recoveryKey)!, 'hex'), { create: false });
  try {
    return await work((sql, params) => ds.query(sql, params));
  } finally {
    await ds.destroy();
  }
}

async function refusal(app: TenangApp, channel: string, input: unknown): Promise<string> {
  const result = await app.dispatch(channel, input);
  return result.ok ? 'signed in' : result.error.code;
}

const slotKeys = (dir: string): string[] => JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).slots.map((s: { publicKey: string }) => s.publicKey);

describe('a key slot planted in the keyring file', () => {
  it('gets no data key from a rekey, and is gone afterwards', async () => {
    const c = await clinic();
    const planted = plantSlot(c.dir);
    expectOk(await c.app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase }));
    expect(slotKeys(c.dir)).not.toContain(planted);
    expect(slotKeys(c.dir)).toHaveLength(2);
    await c.app.dispatch('session.lock', {});
    await signIn(c.app, COUNSELLOR);
  });

  it('is removed at the next sign-in, which the audit log records', async () => {
    const c = await clinic();
    await c.app.dispatch('session.lock', {});
    const planted = plantSlot(c.dir);
    const listed = expectOk(await c.app.dispatch('app.status', {})) as { users: unknown[] };
    expect(listed.users).toHaveLength(3);
    await signIn(c.app, ADMIN);
    expect(slotKeys(c.dir)).not.toContain(planted);
    const dropped = expectOk(await c.app.dispatch('audit.list', { action: 'keyring.slots_dropped' })) as { entries: Array<{ detail: unknown }> };
    expect(dropped.entries[0]?.detail).toEqual({ dropped: 1 });
    const users = expectOk(await c.app.dispatch('users.list', {})) as { users: Array<{ canUnlock: boolean }> };
    expect(users.users.every((u) => u.canUnlock)).toBe(true);
  });

  it('is not kept when a user recovers with the recovery key', async () => {
    const c = await clinic();
    await c.app.dispatch('session.lock', {});
    const planted = plantSlot(c.dir);
    const next = 'ombak pantai selatan berdebur';
    expectOk(await c.app.dispatch('session.recover', { username: COUNSELLOR.username, recoveryKey: c.recoveryKey, newPassphrase: next, confirmPassphrase: next }));
    expect(slotKeys(c.dir)).not.toContain(planted);
    expect(slotKeys(c.dir)).toHaveLength(2);
  });
});

describe('a user without a recorded key', () => {
  it('after a crash between creating the user and writing their slot: a planted slot is refused and dropped at the next sign-in', async () => {
    const c = await clinic();
    await c.app.dispatch('session.lock', {});
    // What the old two-step creation left after a crash: an active admin row with no key
    // recorded, and no slot. Someone who can write the folder then plants one for them.
    const rows = (await onTheDatabase(c.dir, c.recoveryKey, async (query) => {
      await query("INSERT INTO user_account (username, display_name, role, active, created_at, slot_public_key) VALUES ('citra', 'Citra Dewi', 'admin', 1, '2026-11-28T02:00:00.000Z', NULL)");
      return query("SELECT id FROM user_account WHERE username = 'citra'");
    })) as Array<{ id: number }>;
    const id = rows[0]!.id;
    const planted = plantSlot(c.dir, { userId: id, username: 'citra' });

    await signIn(c.app, ADMIN);
    expect(slotKeys(c.dir)).not.toContain(planted);
    const dropped = expectOk(await c.app.dispatch('audit.list', { action: 'keyring.slots_dropped' })) as { entries: Array<{ detail: unknown }> };
    expect(dropped.entries.map((e) => e.detail)).toEqual([{ dropped: 1 }]);
    const users = expectOk(await c.app.dispatch('users.list', {})) as { users: Array<{ username: string; canUnlock: boolean }> };
    expect(users.users.find((u) => u.username === 'citra')?.canUnlock).toBe(false);

    // Planted again, after that sign-in: a rekey gives it nothing either.
    const again = plantSlot(c.dir, { userId: id, username: 'citra' });
    expectOk(await c.app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase }));
    expect(slotKeys(c.dir)).not.toContain(again);
    expect(slotKeys(c.dir)).toHaveLength(2);
  });

  it('is told how to get back in: a counsellor by an admin’s reset, an admin by the recovery key', async () => {
    const c = await clinic();
    await c.app.dispatch('session.lock', {});
    // A vault from before schema 2: real slots, no keys recorded for them.
    await onTheDatabase(c.dir, c.recoveryKey, (query) => query('UPDATE user_account SET slot_public_key = NULL'));

    expect(await refusal(c.app, 'session.unlock', { username: COUNSELLOR.username, passphrase: COUNSELLOR.passphrase })).toBe('KEY_NOT_RECORDED');
    expect(await refusal(c.app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toBe('ADMIN_KEY_NOT_RECORDED');

    const next = 'ombak pantai selatan berdebur';
    expectOk(await c.app.dispatch('session.recover', { username: ADMIN.username, recoveryKey: c.recoveryKey, newPassphrase: next, confirmPassphrase: next }));
    // The unrecorded slot of the counsellor went with that sign-in; an admin gives a new one.
    expect(slotKeys(c.dir)).toHaveLength(1);
    const fresh = 'gerimis tipis di bukit kapur';
    expectOk(await c.app.dispatch('users.resetPassphrase', { userId: c.counsellorId, newPassphrase: fresh, confirmPassphrase: fresh }));
    await signIn(c.app, { username: COUNSELLOR.username, passphrase: fresh });
    await signIn(c.app, { username: ADMIN.username, passphrase: next });
  });
});
