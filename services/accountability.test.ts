import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTenangApp, type TenangApp } from './tenang-app';
import { ADMIN, COUNSELLOR, addCounsellor, signIn } from '../tests/helpers/vault-fixture';
import { bookingClinic, call, type BookingClinic } from '../tests/helpers/booking-fixture';
import { EXPORT_REASON } from '../tests/helpers/export-fixture';
import { spawnHelperScript } from '../tests/helpers/child-script';
import type { ChannelOutput } from '../shared/contract';

/**
 * Issue 11, part 4: what admins do with clinical content, and with accounts, is seen by
 * the people concerned. Full exports need a reason and are encrypted unless plain text is
 * confirmed; a counsellor's Home names every export that held their notes; a passphrase
 * reset is told at the next sign-in and on Home, with every sign-in since.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' };
const EXPORT_PASSPHRASE = 'lentera kecil di ujung dermaga';
type Home = ChannelOutput<'home.get'>;

async function clinic(): Promise<BookingClinic> {
  const c = await bookingClinic();
  cleanups.push(c.cleanup);
  return c;
}

/** A second app on the same vault whose "save" dialog answers with `answer` (the desktop app asks the person). */
function appWithSaveDialog(c: BookingClinic, answer: (suggested: string) => string | null): { app: TenangApp; asked: string[] } {
  const asked: string[] = [];
  const app = createTenangApp({ vaultDir: c.dir, clock: c.clock, chooseSavePath: async (suggested) => (asked.push(suggested), answer(suggested)) });
  cleanups.push(() => app.close());
  return { app, asked };
}

async function failure(app: TenangApp, channel: string, input: unknown) {
  const result = await app.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

async function writeNote(c: BookingClinic): Promise<void> {
  await signIn(c.app, COUNSELLOR);
  const note = await call<{ id: number }>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' });
  await call(c.app, 'notes.sign', { id: note.id, content: { text: 'Telepon singkat: klien menunda sesi.' } });
  await c.app.lock('manual');
}

describe('a full export from the app', () => {
  it('asks for a reason and a passphrase, encrypts by default, and writes where the admin chose, in the export log', async () => {
    const c = await clinic();
    const target = join(dirname(c.dir), 'chosen.json');
    const { app, asked } = appWithSaveDialog(c, () => target);
    await signIn(app, ADMIN);

    // Bad input names the field and writes nothing.
    const noReason = await failure(app, 'data.export', { protection: 'encrypted', reason: 'backup', newPassphrase: EXPORT_PASSPHRASE, confirmPassphrase: EXPORT_PASSPHRASE });
    expect(noReason).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'reason', code: 'too_small' }] });
    const weak = await failure(app, 'data.export', { protection: 'encrypted', reason: EXPORT_REASON, newPassphrase: 'password123', confirmPassphrase: 'password123' });
    expect(weak.issues?.map((i) => i.path)).toContain('newPassphrase');
    const unconfirmed = await failure(app, 'data.export', { protection: 'plaintext', reason: EXPORT_REASON });
    expect(unconfirmed.issues?.map((i) => i.path)).toContain('plaintextConfirmed');
    expect(asked).toEqual([]);
    expect(existsSync(target)).toBe(false);

    const done = await call<ChannelOutput<'data.export'>>(app, 'data.export', { protection: 'encrypted', reason: EXPORT_REASON, newPassphrase: EXPORT_PASSPHRASE, confirmPassphrase: EXPORT_PASSPHRASE });
    expect(done).toMatchObject({ outcome: 'exported', path: target, encrypted: true });
    // The suggested name says the clinic's date and nothing else.
    expect(asked).toEqual(['tenang-export-2026-11-28.json']);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ format: 'tenang-export-encrypted' });
    const { entries } = await call<{ entries: Array<{ detail: Record<string, unknown> }> }>(app, 'audit.list', { action: 'data.export' });
    expect(entries.map((e) => e.detail)).toEqual([expect.objectContaining({ exportId: 1, reason: EXPORT_REASON, encrypted: true })]);

    // Cancelling the save dialog writes nothing and logs nothing.
    const cancelling = appWithSaveDialog(c, () => null);
    await signIn(cancelling.app, ADMIN);
    expect(await call(cancelling.app, 'data.export', { protection: 'plaintext', reason: EXPORT_REASON, plaintextConfirmed: true })).toEqual({ outcome: 'cancelled' });
    expect((await call<{ total: number }>(cancelling.app, 'audit.list', { action: 'data.export' })).total).toBe(1);
  });

  it('is refused to counsellors, and where no save dialog exists (the CLI has its own command)', async () => {
    const c = await clinic();
    await signIn(c.app, ADMIN);
    expect((await failure(c.app, 'data.export', { protection: 'plaintext', reason: EXPORT_REASON, plaintextConfirmed: true })).code).toBe('SAVE_UNAVAILABLE');
    await signIn(c.app, COUNSELLOR);
    expect((await failure(c.app, 'data.export', { protection: 'plaintext', reason: EXPORT_REASON, plaintextConfirmed: true })).code).toBe('FORBIDDEN');
  });

  it('is named on the Home of each counsellor whose notes it held, with who, when and why', async () => {
    const c = await clinic();
    await signIn(c.app, ADMIN);
    await addCounsellor(c.app, CITRA);
    await writeNote(c);
    c.clock.advance(3_600_000);
    await signIn(c.app, ADMIN);
    const path = join(dirname(c.dir), 'archive.json');
    await c.app.exportVault({ path, force: false, passphrase: null, reason: EXPORT_REASON });
    await c.app.exportVault({ path: `${path}.2`, force: false, passphrase: EXPORT_PASSPHRASE, reason: 'Requested by the clinic’s auditors' });

    await signIn(c.app, COUNSELLOR);
    const home = await call<Home>(c.app, 'home.get', {});
    expect(home.fullExports).toEqual([
      { id: 2, byName: ADMIN.displayName, at: '2026-11-28T03:00:00.000Z', reason: 'Requested by the clinic’s auditors', encrypted: true },
      { id: 1, byName: ADMIN.displayName, at: '2026-11-28T03:00:00.000Z', reason: EXPORT_REASON, encrypted: false },
    ]);
    // Citra had written nothing when the files were made: they held none of her notes.
    await signIn(c.app, CITRA);
    expect((await call<Home>(c.app, 'home.get', {})).fullExports).toEqual([]);
    // Ninety days on, the card has moved on.
    c.clock.advance(91 * 86_400_000);
    await signIn(c.app, COUNSELLOR);
    expect((await call<Home>(c.app, 'home.get', {})).fullExports).toEqual([]);
  });
});

describe('a passphrase reset by an admin', () => {
  it('is told at the next sign-in only, and stays on Home with every sign-in since: an admin signing in as the counsellor is seen', async () => {
    const c = await clinic();
    await signIn(c.app, COUNSELLOR);
    await signIn(c.app, ADMIN);
    const byAdmin = 'pagi cerah di taman kota tua';
    c.clock.advance(60_000);
    await call(c.app, 'users.resetPassphrase', { userId: c.counsellorId, newPassphrase: byAdmin, confirmPassphrase: byAdmin });

    // The admin signs in as the counsellor with the passphrase they chose.
    c.clock.advance(60_000);
    await c.app.lock('manual');
    const impersonated = await call<ChannelOutput<'session.unlock'>>(c.app, 'session.unlock', { username: COUNSELLOR.username, passphrase: byAdmin });
    expect(impersonated.passphraseResetSinceLastSignIn).toEqual({ byName: ADMIN.displayName, at: '2026-11-28T02:01:00.000Z' });
    // The counsellor, back, needs a new passphrase and gets it the same way.
    await signIn(c.app, ADMIN);
    c.clock.advance(60_000);
    const forBudi = 'sore hujan di pelabuhan lama';
    await call(c.app, 'users.resetPassphrase', { userId: c.counsellorId, newPassphrase: forBudi, confirmPassphrase: forBudi });
    c.clock.advance(60_000);
    await c.app.lock('manual');
    const told = await call<ChannelOutput<'session.unlock'>>(c.app, 'session.unlock', { username: COUNSELLOR.username, passphrase: forBudi });
    expect(told.passphraseResetSinceLastSignIn).toEqual({ byName: ADMIN.displayName, at: '2026-11-28T02:03:00.000Z' });
    const home = await call<Home>(c.app, 'home.get', {});
    expect(home.passphraseResets).toEqual([
      { byName: ADMIN.displayName, at: '2026-11-28T02:03:00.000Z', signInsSince: ['2026-11-28T02:04:00.000Z'] },
      { byName: ADMIN.displayName, at: '2026-11-28T02:01:00.000Z', signInsSince: ['2026-11-28T02:02:00.000Z', '2026-11-28T02:04:00.000Z'] },
    ]);

    // Told once: the next sign-in is quiet.
    await c.app.lock('manual');
    const again = await call<ChannelOutput<'session.unlock'>>(c.app, 'session.unlock', { username: COUNSELLOR.username, passphrase: forBudi });
    expect(again.passphraseResetSinceLastSignIn).toBeNull();
    // A passphrase the counsellor changed themselves is nobody else's doing.
    const own = 'malam sunyi di desa pegunungan';
    await call(c.app, 'account.changePassphrase', { currentPassphrase: forBudi, newPassphrase: own, confirmPassphrase: own });
    await c.app.lock('manual');
    expect((await call<ChannelOutput<'session.unlock'>>(c.app, 'session.unlock', { username: COUNSELLOR.username, passphrase: own })).passphraseResetSinceLastSignIn).toBeNull();
  });
});

describe('an export cut short', () => {
  it('leaves no temp file once the app or the CLI starts again', async () => {
    const c = await clinic();
    await signIn(c.app, ADMIN);
    const path = join(dirname(c.dir), 'cut.json');
    const child = spawnHelperScript('export-killed-midway.mts', [c.dir, path], { TENANG_PASSPHRASE: ADMIN.passphrase });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    const leftovers = () => readdirSync(dirname(path)).filter((name) => name.startsWith('.cut.json.') && name.endsWith('.tmp'));
    expect(leftovers()).toHaveLength(1);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(c.dir, '.exports-in-progress'))).toHaveLength(1);

    const restarted = createTenangApp({ vaultDir: c.dir, clock: c.clock });
    cleanups.push(() => restarted.close());
    expect(leftovers()).toEqual([]);
    expect(readdirSync(join(c.dir, '.exports-in-progress'))).toEqual([]);
  });
});
