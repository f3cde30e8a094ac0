import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clinicWithCounsellor, expectOk, signIn, ADMIN, COUNSELLOR } from '../tests/helpers/vault-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/**
 * What someone with write access to the vault folder (a shared OS account) can do
 * without any key: add a slot whose public key is theirs. Before schema 2, a rekey
 * wrapped the new data key to it.
 */
function plantSlot(dir: string): string {
  const path = join(dir, 'keyring.json');
  const keyring = JSON.parse(readFileSync(path, 'utf8'));
  const attacker = generateKeyPairSync('x25519');
  const publicKey = attacker.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const junk = { iv: randomBytes(12).toString('base64'), ct: randomBytes(48).toString('base64'), tag: randomBytes(16).toString('base64') };
  keyring.slots.push({
    ...keyring.slots[0],
    userId: 99,
    username: 'ayu.lestari',
    displayName: ADMIN.displayName,
    publicKey,
    privateKey: junk,
    dataKey: { ...junk, ephemeralPublicKey: publicKey },
  });
  writeFileSync(path, JSON.stringify(keyring));
  return publicKey;
}

const slotKeys = (dir: string): string[] => JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).slots.map((s: { publicKey: string }) => s.publicKey);

describe('a key slot planted in the keyring file', () => {
  it('gets no data key from a rekey, and is gone afterwards', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const planted = plantSlot(c.dir);
    expectOk(await c.app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase }));
    expect(slotKeys(c.dir)).not.toContain(planted);
    expect(slotKeys(c.dir)).toHaveLength(2);
    await c.app.dispatch('session.lock', {});
    await signIn(c.app, COUNSELLOR);
  });

  it('is removed at the next sign-in, which the audit log records', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
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
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    await c.app.dispatch('session.lock', {});
    const planted = plantSlot(c.dir);
    const next = 'ombak pantai selatan berdebur';
    expectOk(await c.app.dispatch('session.recover', { username: COUNSELLOR.username, recoveryKey: c.recoveryKey, newPassphrase: next, confirmPassphrase: next }));
    expect(slotKeys(c.dir)).not.toContain(planted);
    expect(slotKeys(c.dir)).toHaveLength(2);
  });
});
