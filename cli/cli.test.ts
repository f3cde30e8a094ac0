import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { tempVaultDir } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';

const ADMIN_PASS = 'gunung merapi diselimuti kabut';
const COUNSELLOR_PASS = 'hujan rintik di atap seng';
const CHANGED_PASS = 'perahu layar menuju pulau seribu';
const RECOVERED_PASS = 'angin laut membawa kabar baik';

describe('the tenang command', () => {
  const temp = tempVaultDir();
  const vault = ['--vault', temp.dir];
  let recoveryKey = '';
  let currentRecoveryKey = '';

  beforeAll(() => {
    // TENANG_PASSPHRASE='' counts as unset for the tests' environment.
    delete process.env.TENANG_PASSPHRASE;
  });
  afterAll(() => temp.cleanup());

  it('creates a vault, reading the passphrase from standard input, and prints the recovery key', () => {
    const r = tenang(['vault', 'init', ...vault, '--clinic', 'Klinik Sehat Jiwa', '--admin', 'ayu', '--name', 'Ayu Lestari', '--language', 'id', '--json'], { stdin: `${ADMIN_PASS}\n` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    recoveryKey = JSON.parse(r.stdout).recoveryKey;
    expect(recoveryKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
  });

  it('adds a counsellor (admin passphrase, then the new one, one per line) and lists users', () => {
    const add = tenang(['user', 'add', ...vault, '--user', 'ayu', '--username', 'budi', '--name', 'Budi Santoso', '--role', 'counsellor'], { stdin: `${ADMIN_PASS}\n${COUNSELLOR_PASS}\n` });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const list = tenang(['user', 'list', ...vault, '--user', 'ayu', '--json'], { env: { TENANG_PASSPHRASE: ADMIN_PASS } });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((u: { username: string; role: string }) => `${u.username}:${u.role}`)).toEqual(['ayu:admin', 'budi:counsellor']);
  });

  it('exits 3 on a wrong passphrase, with one clear line on stderr', () => {
    const r = tenang(['user', 'list', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: 'definitely not it at all' } });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('WRONG_PASSPHRASE');
    expect(r.stderr).not.toContain('definitely not it');
  });

  it('tells the next sign-in, once, of wrong passphrases and of a passphrase someone else set', () => {
    const next = tenang(['user', 'list', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: ADMIN_PASS } });
    expect(next.code).toBe(0);
    expect(next.stderr).toBe('Note: a wrong passphrase was entered for this account once since its last sign-in.\n');
    expect(tenang(['user', 'list', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: ADMIN_PASS } }).stderr).toBe('');

    const byAdmin = 'layang-layang di langit senja';
    const users = JSON.parse(tenang(['user', 'list', ...vault, '--user', 'ayu', '--json'], { env: { TENANG_PASSPHRASE: ADMIN_PASS } }).stdout) as Array<{ id: number; username: string }>;
    const budi = users.find((u) => u.username === 'budi')!;
    const reset = tenang(['call', 'users.resetPassphrase', '-', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: ADMIN_PASS }, stdin: JSON.stringify({ userId: budi.id, newPassphrase: byAdmin, confirmPassphrase: byAdmin }) });
    expect(reset.code).toBe(0);
    const told = tenang(['call', 'home.get', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: byAdmin } });
    expect(told.code).toBe(0);
    expect(told.stderr).toMatch(/^Note: Ayu Lestari gave this account a new passphrase at \d{4}-\d{2}-\d{2}T[\d:.]+Z\. If you did not ask for this, tell your clinic manager\.\n$/);
    expect(tenang(['call', 'home.get', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: byAdmin } }).stderr).toBe('');
    // Budi takes his own passphrase back, as the rest of these tests know it.
    const back = tenang(['call', 'account.changePassphrase', '-', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: byAdmin }, stdin: JSON.stringify({ currentPassphrase: byAdmin, newPassphrase: COUNSELLOR_PASS, confirmPassphrase: COUNSELLOR_PASS }) });
    expect(back.code).toBe(0);
  });

  it('exits 2 on invalid input and usage errors', () => {
    const weak = tenang(['user', 'add', ...vault, '--user', 'ayu', '--username', 'sari', '--name', 'Sari', '--role', 'counsellor'], { stdin: `${ADMIN_PASS}\nshort\n` });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('newPassphrase: passphrase_too_short');
    expect(tenang(['user', 'list']).code).toBe(2);
    expect(tenang(['nonsense']).code).toBe(2);
    expect(tenang(['call', 'no.such.channel', '{}', ...vault]).code).toBe(2);
    expect(tenang(['call', 'settings.update', '{"autoLockMinutes": 0}', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: ADMIN_PASS } }).code).toBe(2);
  });

  it('calls any channel through the same role checks: a counsellor is refused admin channels', () => {
    const own = tenang(['call', 'settings.get', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: COUNSELLOR_PASS } });
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout)).toMatchObject({ clinicName: 'Klinik Sehat Jiwa', language: 'id' });
    const refused = tenang(['call', 'users.list', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: COUNSELLOR_PASS } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('FORBIDDEN');
    const channels = tenang(['call', '--list', '--json']);
    const list = JSON.parse(channels.stdout) as Array<{ channel: string; access: unknown; input: unknown }>;
    expect(list.find((c) => c.channel === 'users.create')).toMatchObject({ access: ['admin'] });
    expect(list.find((c) => c.channel === 'users.create')?.input).toMatchObject({ type: 'object' });
  });

  it('recovers a user with the recovery key after the keyring is lost, then re-keys', () => {
    rmSync(join(temp.dir, 'keyring.json'));
    const recovered = tenang(['vault', 'recover', ...vault, '--user', 'ayu'], { stdin: `${recoveryKey}\nsawah hijau membentang luas\n` });
    expect(recovered.stderr).toBe('');
    expect(recovered.code).toBe(0);
    const rekey = tenang(['vault', 'rekey', ...vault, '--user', 'ayu', '--json'], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } });
    expect(rekey.code).toBe(0);
    const newKey = JSON.parse(rekey.stdout).recoveryKey as string;
    expect(newKey).not.toBe(recoveryKey);
    currentRecoveryKey = newKey;
    const oldKeyFails = tenang(['vault', 'recover', ...vault, '--user', 'ayu'], { stdin: `${recoveryKey}\nsawah hijau membentang luas\n` });
    expect(oldKeyFails.code).toBe(3);
  });

  it('verifies the vault and the audit chain, which recorded the CLI work', () => {
    const verify = tenang(['vault', 'verify', ...vault, '--user', 'ayu', '--json'], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION, audit: { valid: true } });
    const head = JSON.parse(tenang(['audit', 'verify', ...vault, '--user', 'ayu', '--json'], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } }).stdout).head as { seq: number; hash: string };
    expect(tenang(['audit', 'verify', ...vault, '--user', 'ayu', '--anchor', `${head.seq}:${head.hash}`], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } }).code).toBe(0);
    const wrongAnchor = tenang(['audit', 'verify', ...vault, '--user', 'ayu', '--anchor', `${head.seq}:${'0'.repeat(64)}`], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } });
    expect(wrongAnchor.code).toBe(1);
    expect(wrongAnchor.stdout).toContain('anchor_mismatch');
    expect(tenang(['audit', 'verify', ...vault, '--user', 'ayu', '--anchor', 'not-an-anchor']).code).toBe(2);
    const audit = tenang(['audit', 'list', ...vault, '--user', 'ayu', '--json', '--action', 'vault.rekey'], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } });
    expect(JSON.parse(audit.stdout).total).toBe(1);
    const disable = tenang(['user', 'disable', ...vault, '--user', 'ayu', '--username', 'budi'], { env: { TENANG_PASSPHRASE: 'sawah hijau membentang luas' } });
    expect(disable.code).toBe(0);
    expect(tenang(['call', 'settings.get', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: COUNSELLOR_PASS } }).code).toBe(2);
  });

  it('refuses secrets in a call argument, exit 2, naming only the fields; with - stdin is the JSON', () => {
    const signedIn = { TENANG_PASSPHRASE: 'sawah hijau membentang luas' };
    const change = { currentPassphrase: 'sawah hijau membentang luas', newPassphrase: CHANGED_PASS, confirmPassphrase: CHANGED_PASS };
    const inArgs = tenang(['call', 'account.changePassphrase', JSON.stringify(change), ...vault, '--user', 'ayu'], { env: signedIn });
    expect(inArgs.code).toBe(2);
    expect(inArgs.stderr.trim().split('\n')).toHaveLength(1);
    expect(inArgs.stderr).toContain('currentPassphrase, newPassphrase, confirmPassphrase');
    expect(inArgs.stderr).toContain('pass - instead');
    expect(inArgs.stderr).not.toContain(CHANGED_PASS);
    expect(inArgs.stderr).not.toContain('sawah');
    // A recovery key, even nested, is refused the same way.
    const nested = tenang(['call', 'session.recover', JSON.stringify({ wrapper: { recoveryKey: currentRecoveryKey } }), ...vault]);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('wrapper.recoveryKey');
    expect(nested.stderr).not.toContain(currentRecoveryKey);

    // With -, stdin holds the JSON, so the sign-in passphrase must come from TENANG_PASSPHRASE here.
    const noPassphrase = tenang(['call', 'account.changePassphrase', '-', ...vault, '--user', 'ayu'], { stdin: JSON.stringify(change) });
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.stderr).toContain('TENANG_PASSPHRASE');
    expect(noPassphrase.stderr).not.toContain(CHANGED_PASS);
  });

  it('takes a call input holding secrets with - from standard input', () => {
    const signedIn = { TENANG_PASSPHRASE: 'sawah hijau membentang luas' };
    const change = { currentPassphrase: 'sawah hijau membentang luas', newPassphrase: CHANGED_PASS, confirmPassphrase: CHANGED_PASS };
    // The refusals above changed nothing; this does (pretty-printed: all of stdin is the JSON).
    const changed = tenang(['call', 'account.changePassphrase', '-', ...vault, '--user', 'ayu'], { stdin: JSON.stringify(change, null, 2), env: signedIn });
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({ changed: true });
    expect(tenang(['user', 'list', ...vault, '--user', 'ayu'], { env: signedIn }).code).toBe(3);
    expect(tenang(['user', 'list', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: CHANGED_PASS } }).code).toBe(0);

    // A public channel needs no sign-in: session.recover reads everything from the piped JSON.
    const recover = { username: 'ayu', recoveryKey: currentRecoveryKey, newPassphrase: RECOVERED_PASS, confirmPassphrase: RECOVERED_PASS };
    const recovered = tenang(['call', 'session.recover', '-', ...vault], { stdin: JSON.stringify(recover) });
    expect(recovered.stderr).toBe('');
    expect(recovered.code).toBe(0);
    expect(JSON.parse(recovered.stdout)).toMatchObject({ user: { username: 'ayu' } });
    expect(tenang(['user', 'list', ...vault, '--user', 'ayu'], { env: { TENANG_PASSPHRASE: RECOVERED_PASS } }).code).toBe(0);
    expect(tenang(['call', 'session.recover', '-', ...vault], { stdin: '' }).code).toBe(2);
  });

  it('never leaves a passphrase in the vault folder', () => {
    for (const file of readdirSync(temp.dir)) {
      const bytes = readFileSync(join(temp.dir, file));
      for (const secret of [ADMIN_PASS, COUNSELLOR_PASS, 'sawah hijau', CHANGED_PASS, RECOVERED_PASS]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });
});
