import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createTenangApp } from './tenang-app';
import { parseRecoveryKey } from '../shared/recovery-key';
import { ADMIN, COUNSELLOR, CLINIC, addCounsellor, clinicWithCounsellor, expectOk, manualClock, signIn, tempVaultDir } from '../tests/helpers/vault-fixture';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function clinic(clock = manualClock()) {
  const c = await clinicWithCounsellor(clock);
  cleanups.push(c.cleanup);
  return c;
}

/** Open the database file as any SQLCipher 4 tool would, with the raw key. */
function openRaw(dir: string, recoveryKey: string) {
  const db = new Database(join(dir, 'tenang.db'), { fileMustExist: true });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${parseRecoveryKey(recoveryKey)}'"`);
  return db;
}

describe('the vault', () => {
  it('is created by setup, locks, and unlocks with the passphrase', async () => {
    const { app } = await clinic();
    expect(expectOk(await app.dispatch('app.status', {}))).toMatchObject({ vault: 'unlocked' });
    expectOk(await app.dispatch('session.lock', {}));
    const status = expectOk(await app.dispatch('app.status', {})) as { vault: string; users: unknown[] };
    expect(status.vault).toBe('locked');
    expect(status.users).toEqual([
      { username: ADMIN.username, displayName: ADMIN.displayName },
      { username: COUNSELLOR.username, displayName: COUNSELLOR.displayName },
    ]);
    const info = expectOk(await app.dispatch('session.unlock', { username: 'BUDI', passphrase: COUNSELLOR.passphrase })) as { user: { role: string } };
    expect(info.user.role).toBe('counsellor');
  });

  it('refuses a second setup in the same folder', async () => {
    const { app } = await clinic();
    const again = await app.dispatch('vault.setup', { ...CLINIC, username: 'other', displayName: 'Other', newPassphrase: ADMIN.passphrase, confirmPassphrase: ADMIN.passphrase });
    expect(again).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
  });

  it('says plainly when the passphrase is wrong and changes nothing but the failure count', async () => {
    const { app, dir } = await clinic();
    expectOk(await app.dispatch('session.lock', {}));
    const dbBefore = readFileSync(join(dir, 'tenang.db'));
    const wrong = await app.dispatch('session.unlock', { username: ADMIN.username, passphrase: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'That passphrase is not right.' } });
    expect(readFileSync(join(dir, 'tenang.db')).equals(dbBefore)).toBe(true);
    expect(expectOk(await app.dispatch('app.status', {}))).toMatchObject({ vault: 'locked' });
  });

  it('slows repeated failures down, and a restart does not reset the delay', async () => {
    const clock = manualClock();
    const { app, dir } = await clinic(clock);
    expectOk(await app.dispatch('session.lock', {}));
    for (let i = 0; i < 3; i++) await app.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: `wrong guess number ${i}` });
    await app.close();
    const restarted = createTenangApp({ vaultDir: dir, clock });
    cleanups.push(() => restarted.close());
    const locked = await restarted.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: COUNSELLOR.passphrase });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(!locked.ok && locked.error.retryAfterMs).toBe(5_000);
    clock.advance(5_001);
    const info = expectOk(await restarted.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: COUNSELLOR.passphrase })) as { failedAttemptsSinceLastSignIn: number };
    expect(info.failedAttemptsSinceLastSignIn).toBe(3);
    // The failures reached the audit log at this sign-in.
    await restarted.dispatch('session.lock', {});
    await signIn(restarted, ADMIN);
    const audit = expectOk(await restarted.dispatch('audit.list', { action: 'session.unlock_failed' })) as { total: number; entries: Array<{ actorUsername: string; outcome: string }> };
    expect(audit.total).toBe(3);
    expect(audit.entries.every((e) => e.actorUsername === COUNSELLOR.username && e.outcome === 'failure')).toBe(true);
  });

  it('changes one passphrase by rewriting one slot', async () => {
    const { app, dir } = await clinic();
    const before = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    const next = 'angin laut membawa kabar baru';
    expectOk(await app.dispatch('account.changePassphrase', { currentPassphrase: ADMIN.passphrase, newPassphrase: next, confirmPassphrase: next }));
    const after = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    const slotOf = (k: { slots: Array<{ username: string }> }, u: string) => k.slots.find((s) => s.username === u);
    expect(slotOf(after, COUNSELLOR.username)).toEqual(slotOf(before, COUNSELLOR.username));
    expect(slotOf(after, ADMIN.username)).not.toEqual(slotOf(before, ADMIN.username));
    await app.dispatch('session.lock', {});
    expect(await app.dispatch('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await signIn(app, { username: ADMIN.username, passphrase: next });
  });

  it('rekeys: the old recovery key stops working, every user still unlocks', async () => {
    const { app, dir, recoveryKey } = await clinic();
    const { recoveryKey: newKey } = expectOk(await app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase })) as { recoveryKey: string };
    expect(newKey).not.toBe(recoveryKey);
    expect(() => openRaw(dir, recoveryKey).prepare('select count(*) from user_account').get()).toThrow(/not a database/);
    const raw = openRaw(dir, newKey);
    expect(raw.prepare('select count(*) as n from user_account').get()).toEqual({ n: 2 });
    raw.close();
    await app.dispatch('session.lock', {});
    await signIn(app, COUNSELLOR);
    expect(existsSync(join(dir, 'keyring.pending.json'))).toBe(false);
  });

  it('finishes an interrupted rekey at the next unlock (the database changed, the keyring did not)', async () => {
    const { app, dir } = await clinic();
    const keyringBefore = readFileSync(join(dir, 'keyring.json'));
    expectOk(await app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase }));
    await app.close();
    // Simulate the crash: the pending keyring is still aside, the old keyring in place.
    writeFileSync(join(dir, 'keyring.pending.json'), readFileSync(join(dir, 'keyring.json')));
    writeFileSync(join(dir, 'keyring.json'), keyringBefore);
    const restarted = createTenangApp({ vaultDir: dir, clock: manualClock() });
    cleanups.push(() => restarted.close());
    await signIn(restarted, COUNSELLOR);
    expect(existsSync(join(dir, 'keyring.pending.json'))).toBe(false);
    // The admin learns from the audit log that the printed recovery key is stale.
    await restarted.dispatch('session.lock', {});
    await signIn(restarted, ADMIN);
    const unlocks = expectOk(await restarted.dispatch('audit.list', { action: 'session.unlock', actorUserId: 2 })) as { entries: Array<{ detail: unknown }> };
    expect(unlocks.entries[0]?.detail).toEqual({ interruptedRekeyCompleted: true });
  });

  it('recovers with the recovery key when the keyring is gone, and rebuilds it', async () => {
    const { app, dir, recoveryKey } = await clinic();
    await app.close();
    rmSync(join(dir, 'keyring.json'));
    const restarted = createTenangApp({ vaultDir: dir, clock: manualClock() });
    cleanups.push(() => restarted.close());
    expect(expectOk(await restarted.dispatch('app.status', {}))).toMatchObject({ vault: 'keyring_unreadable' });
    expect(await restarted.dispatch('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'KEYRING_UNREADABLE' } });
    const next = 'pelangi sesudah hujan deras';
    const wrongKey = await restarted.dispatch('session.recover', { username: ADMIN.username, recoveryKey: 'A'.repeat(64), newPassphrase: next, confirmPassphrase: next });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_KEY' } });
    const info = expectOk(await restarted.dispatch('session.recover', { username: ADMIN.username, recoveryKey: recoveryKey.toLowerCase(), newPassphrase: next, confirmPassphrase: next })) as { user: { role: string } };
    expect(info.user.role).toBe('admin');
    const users = expectOk(await restarted.dispatch('users.list', {})) as { users: Array<{ username: string; canUnlock: boolean }> };
    expect(users.users.find((u) => u.username === COUNSELLOR.username)?.canUnlock).toBe(false);
    await restarted.dispatch('session.lock', {});
    await signIn(restarted, { username: ADMIN.username, passphrase: next });
  });

  it('writes no known plaintext into any file of the vault folder', async () => {
    const marker = 'Rahasia Klinik Zamrud';
    const temp = tempVaultDir();
    cleanups.push(temp.cleanup);
    const app = createTenangApp({ vaultDir: temp.dir, clock: manualClock() });
    cleanups.push(() => app.close());
    expectOk(await app.dispatch('vault.setup', { ...CLINIC, clinicName: marker, username: ADMIN.username, displayName: ADMIN.displayName, newPassphrase: ADMIN.passphrase, confirmPassphrase: ADMIN.passphrase }));
    await addCounsellor(app);
    expectOk(await app.dispatch('drafts.save', { formKey: 'admin.users.create', payload: { displayName: 'Draf Sangat Rahasia' } }));
    expectOk(await app.dispatch('settings.update', { timeZone: 'Australia/Sydney' }));
    const secrets = [marker, 'Draf Sangat Rahasia', 'Australia/Sydney', 'user.create', 'counsellor', ADMIN.passphrase, COUNSELLOR.passphrase, 'SQLite format 3'];
    // While open (WAL present) and after closing.
    for (const phase of ['open', 'closed']) {
      if (phase === 'closed') await app.close();
      for (const file of readdirSync(temp.dir)) {
        const bytes = readFileSync(join(temp.dir, file));
        for (const s of secrets) expect(bytes.includes(Buffer.from(s, 'utf8')), `${s} in ${file} (${phase})`).toBe(false);
      }
    }
  });

  it('opens with the raw key in SQLCipher 4 format, as any SQLCipher tool would', async () => {
    const { dir, recoveryKey, app } = await clinic();
    await app.close();
    const raw = openRaw(dir, recoveryKey);
    expect(raw.prepare("select value from setting where key = 'clinic.name'").get()).toEqual({ value: JSON.stringify(CLINIC.clinicName) });
    raw.close();
    // A wrong key is refused by SQLCipher itself.
    const wrong = openRaw(dir, 'B'.repeat(64));
    expect(() => wrong.prepare('select 1 from sqlite_master').get()).toThrow(/not a database/);
    wrong.close();
  });

  it('locks itself after the idle time, and activity postpones it', async () => {
    const clock = manualClock();
    const { app } = await clinic(clock);
    const events: unknown[] = [];
    app.onEvent((name, payload) => events.push({ name, payload }));
    clock.advance(9 * 60_000);
    await app.checkIdle();
    expectOk(await app.dispatch('session.activity', {}));
    clock.advance(9 * 60_000);
    await app.checkIdle();
    expect(expectOk(await app.dispatch('app.status', {}))).toMatchObject({ vault: 'unlocked' });
    clock.advance(60_001);
    await app.checkIdle();
    expect(expectOk(await app.dispatch('app.status', {}))).toMatchObject({ vault: 'locked' });
    expect(events).toEqual([{ name: 'session.locked', payload: { reason: 'idle' } }]);
  });

  it('keeps drafts per user across a lock', async () => {
    const { app } = await clinic();
    expectOk(await app.dispatch('drafts.save', { formKey: 'admin.users.create', payload: { displayName: 'Sari Dewi' } }));
    await app.lock('idle');
    await signIn(app, COUNSELLOR);
    expect(expectOk(await app.dispatch('drafts.get', { formKey: 'admin.users.create' }))).toMatchObject({ payload: null });
    await app.dispatch('session.lock', {});
    await signIn(app, ADMIN);
    expect(expectOk(await app.dispatch('drafts.get', { formKey: 'admin.users.create' }))).toMatchObject({ payload: { displayName: 'Sari Dewi' } });
  });
});

describe('disabling users', () => {
  it('refuses to disable yourself or the last admin, and a disabled user cannot unlock', async () => {
    const { app, counsellorId } = await clinic();
    expect(await app.dispatch('users.disable', { userId: 1 })).toMatchObject({ ok: false, error: { code: 'CANNOT_DISABLE_SELF' } });
    expectOk(await app.dispatch('users.disable', { userId: counsellorId }));
    await app.dispatch('session.lock', {});
    expect(await app.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: COUNSELLOR.passphrase })).toMatchObject({ ok: false, error: { code: 'USER_NOT_FOUND' } });
    const second = { username: 'sari', displayName: 'Sari Dewi', passphrase: 'bunga melati di halaman rumah' };
    await signIn(app, ADMIN);
    const sari = expectOk(await app.dispatch('users.create', { username: second.username, displayName: second.displayName, role: 'admin', newPassphrase: second.passphrase, confirmPassphrase: second.passphrase })) as { id: number };
    await app.dispatch('session.lock', {});
    await signIn(app, second);
    expectOk(await app.dispatch('users.disable', { userId: 1 }));
    // Sari is now the last active admin; nobody can disable her, not even herself.
    expect(await app.dispatch('users.disable', { userId: sari.id })).toMatchObject({ ok: false, error: { code: 'CANNOT_DISABLE_SELF' } });
  });
});

describe('drafts', () => {
  it('refuses a draft that carries a passphrase, a password or a recovery key, at any depth', async () => {
    const { app } = await clinic();
    for (const payload of [{ newPassphrase: 'x' }, { nested: { Password: 'x' } }, { list: [{ recoveryKey: 'x' }] }, { recovery_key: 'x' }]) {
      const reply = await app.dispatch('drafts.save', { formKey: 'admin.users.create', payload });
      expect(reply, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'payload', code: 'draft_secret_field' }] } });
    }
    expect(expectOk(await app.dispatch('drafts.get', { formKey: 'admin.users.create' }))).toMatchObject({ payload: null });
    expectOk(await app.dispatch('drafts.save', { formKey: 'admin.users.create', payload: { displayName: 'Sari', role: 'counsellor' } }));
  });
});

describe('hardening from review', () => {
  it('keeps SQLite temporary data in memory, never in unencrypted temp files', async () => {
    const { app, dir, recoveryKey } = await clinic();
    await app.close();
    const ds = await new (await import('../db/vault/vault-folder')).VaultFolder(dir).open(Buffer.from(parseRecoveryKey(recoveryKey)!, 'hex'), { create: false });
    expect(await ds.query('PRAGMA temp_store')).toEqual([{ temp_store: 2 }]);
    await ds.destroy();
  });

  it('refuses an admin resetting their own passphrase without the current one', async () => {
    const { app } = await clinic();
    const next = 'passphrase baru yang panjang sekali';
    expect(await app.dispatch('users.resetPassphrase', { userId: 1, newPassphrase: next, confirmPassphrase: next })).toMatchObject({ ok: false, error: { code: 'CANNOT_RESET_OWN_PASSPHRASE' } });
  });

  it('logs only well-formed failed attempts planted in the keyring, and says how many it dropped', async () => {
    const clock = manualClock();
    const { app, dir } = await clinic(clock);
    await app.dispatch('session.lock', {});
    const path = join(dir, 'keyring.json');
    const keyring = JSON.parse(readFileSync(path, 'utf8'));
    const real = { action: 'session.unlock_failed', username: COUNSELLOR.username, at: new Date(clock.now() - 60_000).toISOString() };
    keyring.pendingAuditEvents = [
      real,
      { action: 'session.unlock_failed', username: COUNSELLOR.username, at: 'yesterday' },
      { action: 'session.unlock_failed', username: 'ibu rina (klien)', at: real.at },
      { action: 'session.unlock_failed', username: COUNSELLOR.username, at: '2099-01-01T00:00:00.000Z' },
    ];
    writeFileSync(path, JSON.stringify(keyring));
    await signIn(app, ADMIN);
    const failed = expectOk(await app.dispatch('audit.list', { action: 'session.unlock_failed' })) as { entries: Array<{ at: string }> };
    expect(failed.entries.map((e) => e.at)).toEqual([real.at]);
    const dropped = expectOk(await app.dispatch('audit.list', { action: 'keyring.events_dropped' })) as { entries: Array<{ detail: unknown }> };
    expect(dropped.entries[0]?.detail).toEqual({ dropped: 3 });
    expect(expectOk(await app.dispatch('audit.list', { limit: 500 }))).toBeTruthy();
  });

  it('refuses a keyring whose key slot was edited down to a weak scrypt cost', async () => {
    const { app, dir } = await clinic();
    await app.dispatch('session.lock', {});
    const path = join(dir, 'keyring.json');
    const keyring = JSON.parse(readFileSync(path, 'utf8'));
    keyring.slots[0].kdf.N = 1024;
    writeFileSync(path, JSON.stringify(keyring));
    expect(expectOk(await app.dispatch('app.status', {}))).toMatchObject({ vault: 'keyring_unreadable' });
  });
});

describe('a damaged first page', () => {
  it('is reported as damage, not as a wrong key, to unlock and to recovery alike', async () => {
    const { app, dir, recoveryKey } = await clinic();
    await app.close();
    const path = join(dir, 'tenang.db');
    const bytes = readFileSync(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    bytes[101] = (bytes[101] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    expect(await app.dispatch('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'VAULT_DAMAGED' } });
    const next = 'daun kering jatuh di musim kemarau';
    expect(await app.dispatch('session.recover', { username: ADMIN.username, recoveryKey, newPassphrase: next, confirmPassphrase: next })).toMatchObject({ ok: false, error: { code: 'VAULT_DAMAGED' } });
    // Neither the right passphrase nor the right key was counted as a failure.
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    expect(keyring.attempts).toEqual({});
    expect(keyring.pendingAuditEvents).toEqual([]);
    // A truly wrong recovery key is still a wrong key.
    expect(await app.dispatch('session.recover', { username: ADMIN.username, recoveryKey: 'C'.repeat(64), newPassphrase: next, confirmPassphrase: next })).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_KEY' } });
  });
});

describe('telling users of failed attempts', () => {
  it('tells each user of the failures on their own account, whoever signed in first', async () => {
    const clock = manualClock();
    const { app } = await clinic(clock);
    await app.dispatch('session.lock', {});
    await app.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: 'somebody guessing here' });
    await app.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: 'somebody guessing again' });
    const admin = expectOk(await app.dispatch('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })) as { failedAttemptsSinceLastSignIn: number };
    expect(admin.failedAttemptsSinceLastSignIn).toBe(0);
    await app.dispatch('session.lock', {});
    const counsellor = expectOk(await app.dispatch('session.unlock', { username: COUNSELLOR.username, passphrase: COUNSELLOR.passphrase })) as { failedAttemptsSinceLastSignIn: number };
    expect(counsellor.failedAttemptsSinceLastSignIn).toBe(2);
  });
});
