import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channels, CHANNEL_NAMES } from '../shared/contract';
import { createTenangApp } from './tenang-app';
import { ERROR_CODES } from '../shared/errors';
import { clinicWithCounsellor, expectOk, manualClock, signIn, tempVaultDir, COUNSELLOR, ADMIN } from '../tests/helpers/vault-fixture';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const signedInChannels = CHANNEL_NAMES.filter((c) => channels[c].access !== 'public');
const adminOnly = CHANNEL_NAMES.filter((c) => {
  const access = channels[c].access;
  return access !== 'public' && !access.includes('counsellor');
});

describe('the dispatcher', () => {
  it('rejects unknown channels, whatever their name', async () => {
    const temp = tempVaultDir();
    cleanups.push(temp.cleanup);
    const app = createTenangApp({ vaultDir: temp.dir, clock: manualClock() });
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.anything(), async (name, input) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(name));
        expect(await app.dispatch(name, input)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      }),
      { numRuns: 200 },
    );
    for (const sneaky of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await app.dispatch(sneaky, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses every signed-in channel while the vault is locked', async () => {
    const temp = tempVaultDir();
    cleanups.push(temp.cleanup);
    const app = createTenangApp({ vaultDir: temp.dir, clock: manualClock() });
    expect(signedInChannels.length).toBeGreaterThan(10);
    for (const channel of signedInChannels) {
      expect(await app.dispatch(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    }
  });

  it('refuses admin channels to a counsellor, and logs the refusal', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    await c.app.dispatch('session.lock', {});
    await signIn(c.app, COUNSELLOR);
    expect(adminOnly).toEqual(expect.arrayContaining(['users.list', 'users.create', 'audit.list', 'settings.update', 'vault.rekey']));
    for (const channel of adminOnly) {
      expect(await c.app.dispatch(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    await c.app.dispatch('session.lock', {});
    await signIn(c.app, ADMIN);
    const denied = expectOk(await c.app.dispatch('audit.list', { action: 'access.denied', limit: 500 })) as { total: number; entries: Array<{ actorUsername: string; recordId: string }> };
    expect(denied.total).toBe(adminOnly.length);
    expect(new Set(denied.entries.map((e) => e.recordId))).toEqual(new Set(adminOnly));
    expect(denied.entries.every((e) => e.actorUsername === COUNSELLOR.username)).toBe(true);
  });

  it('answers malformed input to any channel with VALIDATION naming the field, and never throws', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    // Channels that would end the session or do slow key work on valid input are left to their own tests.
    const probed = CHANNEL_NAMES.filter((n) => !['session.lock', 'vault.rekey', 'vault.setup', 'session.unlock', 'session.recover'].includes(n));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...probed), fc.anything(), async (channel, input) => {
        const reply = await c.app.dispatch(channel, input);
        if (!reply.ok) {
          expect(ERROR_CODES).toContain(reply.error.code);
          expect(reply.error.code).not.toBe('INTERNAL');
          if (reply.error.code === 'VALIDATION') expect(reply.error.issues?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    const bad = await c.app.dispatch('users.create', { username: 'x', displayName: '', role: 'superuser', newPassphrase: 'short', confirmPassphrase: 'other' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['confirmPassphrase', 'displayName', 'newPassphrase', 'role', 'username']);
      expect(bad.error.issues?.find((i) => i.path === 'newPassphrase')?.code).toBe('passphrase_too_short');
    }
    // Nothing was created by any of it.
    const users = expectOk(await c.app.dispatch('users.list', {})) as { users: unknown[] };
    expect(users.users).toHaveLength(2);
  });

  it('keeps a passphrase out of every error it returns', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const secret = 'zzz-unique-secret-passphrase-zzz';
    const replies = [
      await c.app.dispatch('users.create', { username: 'sari', displayName: 'Sari', role: 'counsellor', newPassphrase: secret, confirmPassphrase: secret + 'x' }),
      await c.app.dispatch('account.changePassphrase', { currentPassphrase: secret, newPassphrase: secret, confirmPassphrase: secret }),
      await c.app.dispatch('vault.rekey', { passphrase: secret }),
    ];
    for (const reply of replies) {
      expect(reply.ok).toBe(false);
      expect(JSON.stringify(reply)).not.toContain(secret);
    }
  });

  it('serves one request at a time, so concurrent calls cannot interleave inside a transaction', async () => {
    const c = await clinicWithCounsellor();
    cleanups.push(c.cleanup);
    const saves = Array.from({ length: 20 }, (_, i) => c.app.dispatch('drafts.save', { formKey: `form-${i}`, payload: { i } }));
    const updates = Array.from({ length: 10 }, (_, i) => c.app.dispatch('settings.update', { autoLockMinutes: 11 + i }));
    const results = await Promise.all([...saves, ...updates]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(expectOk(await c.app.dispatch('audit.verify', {}))).toMatchObject({ valid: true });
  });
});
