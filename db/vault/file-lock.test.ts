import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFileLock } from './file-lock';
import { tempVaultDir } from '../../tests/helpers/vault-fixture';
import { mkdirSync } from 'node:fs';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function lockPath(): string {
  const temp = tempVaultDir();
  cleanups.push(temp.cleanup);
  mkdirSync(temp.dir, { recursive: true });
  return join(temp.dir, 'keyring.lock');
}

describe('the keyring lock', () => {
  it('is held during the work, re-entrant, and gone afterwards', async () => {
    const path = lockPath();
    await withFileLock(path, async () => {
      expect(existsSync(path)).toBe(true);
      await withFileLock(path, async () => expect(existsSync(path)).toBe(true));
      expect(existsSync(path)).toBe(true);
    });
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const path = lockPath();
    writeFileSync(path, '999999999\n2026-01-01T00:00:00.000Z\n');
    expect(await withFileLock(path, async () => 'done', 2_000)).toBe('done');
  });

  it('waits for a live owner and gives up with VAULT_BUSY', async () => {
    const path = lockPath();
    // process.ppid: a process that is certainly alive and is not this one.
    writeFileSync(path, `${process.ppid}\n`);
    await expect(withFileLock(path, async () => 'never', 300)).rejects.toMatchObject({ code: 'VAULT_BUSY' });
    expect(existsSync(path)).toBe(true);
  });
});
