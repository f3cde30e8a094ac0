import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unlockSlot } from '../db/vault/key-slots';
import { VaultFolder } from '../db/vault/vault-folder';
import { clinicWithCounsellor, expectOk, ADMIN, COUNSELLOR } from '../tests/helpers/vault-fixture';
import { spawnHelperScript } from '../tests/helpers/child-script';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Starts the other process; `started` settles once it is about to try its first passphrase. */
function failedUnlocksInAnotherProcess(vaultDir: string, username: string, count: number): { started: Promise<void>; codes: Promise<string[]> } {
  const child = spawnHelperScript('failed-unlocks.mts', [vaultDir, username, String(count)]);
  let out = '';
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const codes = new Promise<string[]>((done, fail) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.startsWith('started\n')) markStarted();
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out.slice('started\n'.length)) as string[]) : fail(new Error(`child exited ${code}`))));
  });
  return { started, codes };
}

describe('the keyring between two processes', () => {
  it('loses no slot, no failure count and no audit event when another process fails unlocks during a rekey', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const other = failedUnlocksInAnotherProcess(c.dir, COUNSELLOR.username, 3);
    // Once the other process is trying passphrases, its attempts (scrypt, ~0.7 s each) overlap the rekey.
    await other.started;
    const { recoveryKey } = expectOk(await c.app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase })) as { recoveryKey: string };
    expect(await other.codes).toEqual(['WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE']);

    const keyring = JSON.parse(readFileSync(join(c.dir, 'keyring.json'), 'utf8'));
    expect(keyring.attempts[COUNSELLOR.username].failures).toBe(3);
    expect(keyring.pendingAuditEvents).toHaveLength(3);
    // Every slot wraps the NEW key.
    const folder = new VaultFolder(c.dir);
    for (const [username, passphrase] of [[ADMIN.username, ADMIN.passphrase], [COUNSELLOR.username, COUNSELLOR.passphrase]] as const) {
      const slot = keyring.slots.find((s: { username: string }) => s.username === username);
      const key = await unlockSlot(slot, keyring.vaultId, passphrase);
      expect(key?.toString('hex').toUpperCase()).toBe(recoveryKey.replaceAll('-', ''));
      expect(folder.probe(key!)).toBe('ok');
    }
  });
});
