import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unlockSlot } from '../db/vault/key-slots';
import { VaultFolder } from '../db/vault/vault-folder';
import { clinicWithCounsellor, expectOk, ADMIN, COUNSELLOR } from '../tests/helpers/vault-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function failedUnlocksInAnotherProcess(vaultDir: string, username: string, count: number): Promise<string[]> {
  const script = resolve(__dirname, '../tests/helpers/failed-unlocks.mts');
  const tsx = resolve(__dirname, '../node_modules/tsx/dist/cli.mjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [tsx, script, vaultDir, username, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out) as string[]) : fail(new Error(`child exited ${code}`))));
  });
}

describe('the keyring between two processes', () => {
  it('loses no slot, no failure count and no audit event when another process fails unlocks during a rekey', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const other = failedUnlocksInAnotherProcess(c.dir, COUNSELLOR.username, 3);
    // Give the other process time to start, so its attempts overlap the rekey.
    await new Promise((r) => setTimeout(r, 1500));
    const { recoveryKey } = expectOk(await c.app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase })) as { recoveryKey: string };
    expect(await other).toEqual(['WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE']);

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
