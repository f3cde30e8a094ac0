import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTenangApp, type Clock, type TenangApp } from '../../services/tenang-app';
import { VaultFolder } from '../../db/vault/vault-folder';
import { newDataKey } from '../../db/vault/key-slots';
import type { Result } from '../../shared/errors';
import { SERVICE_TESTS_NOW_MS } from './test-now';

export const ADMIN = { username: 'ayu', displayName: 'Ayu Lestari', passphrase: 'lembayung senja di pelabuhan' };
export const COUNSELLOR = { username: 'budi', displayName: 'Budi Santoso', passphrase: 'kopi tubruk pagi hari yang hangat' };
export const CLINIC = { clinicName: 'Klinik Konseling Harapan', language: 'id' as const, timeZone: 'Asia/Jakarta' };

/** A clock that stands still until the test moves it. */
export function manualClock(start = SERVICE_TESTS_NOW_MS): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms), set: (ms) => (now = ms) };
}

/** A fresh vault folder in the temp directory, removed by the returned cleanup. */
export function tempVaultDir(): { dir: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'tenang-test-'));
  return { dir: join(root, 'vault'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value;
}

/** Set up a vault with an admin (signed in afterwards) and return the recovery key. */
export async function setUpClinic(app: TenangApp): Promise<string> {
  const value = expectOk(
    await app.dispatch('vault.setup', { ...CLINIC, username: ADMIN.username, displayName: ADMIN.displayName, newPassphrase: ADMIN.passphrase, confirmPassphrase: ADMIN.passphrase }),
  ) as { recoveryKey: string };
  return value.recoveryKey;
}

export async function addCounsellor(app: TenangApp, who = COUNSELLOR): Promise<number> {
  const user = expectOk(
    await app.dispatch('users.create', { username: who.username, displayName: who.displayName, role: 'counsellor', newPassphrase: who.passphrase, confirmPassphrase: who.passphrase }),
  ) as { id: number };
  return user.id;
}

export async function signIn(app: TenangApp, who: { username: string; passphrase: string }): Promise<void> {
  expectOk(await app.dispatch('session.unlock', { username: who.username, passphrase: who.passphrase }));
}

/** A vault with an admin and a counsellor, the admin signed in; on a fixed clock unless given one. */
export async function clinicWithCounsellor(clock: Clock = manualClock()): Promise<{ app: TenangApp; dir: string; recoveryKey: string; counsellorId: number; cleanup(): Promise<void> }> {
  const temp = tempVaultDir();
  const app = createTenangApp({ vaultDir: temp.dir, clock });
  const recoveryKey = await setUpClinic(app);
  const counsellorId = await addCounsellor(app);
  return {
    app,
    dir: temp.dir,
    recoveryKey,
    counsellorId,
    cleanup: async () => {
      await app.close();
      temp.cleanup();
    },
  };
}

/** An empty vault folder and a fresh data key, for tests of the database layer itself. */
export function newVaultFolder(): { folder: VaultFolder; key: Buffer; cleanup(): void } {
  const temp = tempVaultDir();
  const folder = new VaultFolder(temp.dir);
  folder.prepareNew();
  return { folder, key: newDataKey(), cleanup: temp.cleanup };
}
