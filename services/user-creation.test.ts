import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clinicWithCounsellor, expectOk, manualClock, signIn } from '../tests/helpers/vault-fixture';
import { VaultFolder } from '../db/vault/vault-folder';
import { createUser } from './user-service';
import type { OpenSession } from './session';
import type { Clock } from './clock';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' };
const createCitra = { username: CITRA.username, displayName: CITRA.displayName, role: 'counsellor' as const, newPassphrase: CITRA.passphrase, confirmPassphrase: CITRA.passphrase };

async function clinic() {
  const c = await clinicWithCounsellor(manualClock());
  cleanups.push(c.cleanup);
  return c;
}

const keyringSlots = (dir: string): Array<{ username: string; publicKey: string }> => JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).slots;

async function counts(session: OpenSession): Promise<{ users: number; audit: number }> {
  const [row] = (await session.dataSource.query('SELECT (SELECT count(*) FROM user_account) AS users, (SELECT count(*) FROM audit_entry) AS audit')) as Array<{ users: number; audit: number }>;
  return row!;
}

async function recordedKey(session: OpenSession, username: string): Promise<string | null | undefined> {
  const rows = (await session.dataSource.query('SELECT slot_public_key AS key FROM user_account WHERE username = ?', [username])) as Array<{ key: string | null }>;
  return rows[0]?.key;
}

describe('creating a user', () => {
  it('writes the user with their slot key recorded and its audit entry in one step, then the slot', async () => {
    const c = await clinic();
    const { before, after, key, inserted } = await c.app.runAdminTask('test', async (session, clock: Clock) => {
      const before = await counts(session);
      // Watch what the row holds at the moment it is inserted, not only at the end.
      await session.dataSource.query('CREATE TEMP TABLE inserted_key (key TEXT)');
      await session.dataSource.query('CREATE TEMP TRIGGER watch_insert AFTER INSERT ON user_account BEGIN INSERT INTO inserted_key VALUES (NEW.slot_public_key); END');
      await createUser({ folder: new VaultFolder(c.dir), clock }, session, createCitra);
      const inserted = ((await session.dataSource.query('SELECT key FROM inserted_key')) as Array<{ key: string | null }>).map((r) => r.key);
      await session.dataSource.query('DROP TRIGGER watch_insert');
      return { before, after: await counts(session), key: await recordedKey(session, CITRA.username), inserted };
    });
    expect(after).toEqual({ users: before.users + 1, audit: before.audit + 1 });
    expect(key).toBeTruthy();
    expect(inserted).toEqual([key]);
    expect(keyringSlots(c.dir).find((s) => s.username === CITRA.username)?.publicKey).toBe(key);
    await signIn(c.app, CITRA);
  });

  it('leaves no user and no slot when the transaction fails', async () => {
    const c = await clinic();
    const { before, after, error } = await c.app.runAdminTask('test', async (session, clock: Clock) => {
      const before = await counts(session);
      // The audit entry is refused, after the user row went in: the whole step must go.
      await session.dataSource.query("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_entry BEGIN SELECT RAISE(ABORT, 'refused'); END");
      const error = await createUser({ folder: new VaultFolder(c.dir), clock }, session, createCitra).then(
        () => null,
        (e: Error) => e.message,
      );
      await session.dataSource.query('DROP TRIGGER refuse_audit');
      return { before, after: await counts(session), error };
    });
    expect(error).toMatch(/refused/);
    expect(after).toEqual(before);
    expect(keyringSlots(c.dir).map((s) => s.username)).not.toContain(CITRA.username);
  });

  it('when the keyring cannot be written after the commit, the user exists with their key recorded and cannot sign in until reset', async () => {
    const c = await clinic();
    // A keyring whose lock cannot be taken (its folder is missing): the write after the commit fails.
    const folder = new VaultFolder(c.dir);
    Object.defineProperty(folder, 'keyringLockPath', { value: join(c.dir, 'missing', 'keyring.lock') });
    const { summary, key } = await c.app.runAdminTask('test', async (session, clock: Clock) => ({
      summary: await createUser({ folder, clock }, session, createCitra),
      key: await recordedKey(session, CITRA.username),
    }));
    expect(summary).toMatchObject({ username: CITRA.username, active: true, canUnlock: false });
    expect(key).toBeTruthy();
    expect(keyringSlots(c.dir).map((s) => s.username)).not.toContain(CITRA.username);

    const fresh = 'gerimis tipis di bukit kapur';
    expectOk(await c.app.dispatch('users.resetPassphrase', { userId: summary.id, newPassphrase: fresh, confirmPassphrase: fresh }));
    await signIn(c.app, { username: CITRA.username, passphrase: fresh });
  });
});
