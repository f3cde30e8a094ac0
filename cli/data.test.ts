import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempVaultDir } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';

const ADMIN_PASS = 'gunung merapi diselimuti kabut';
const EXPORT_PASS = 'sampan kecil di tengah danau toba';
const RESTORED_PASS = 'burung camar terbang rendah di senja';
const COUNSELLOR_PASS = 'hujan rintik di atap seng';

/** Export and restore of a whole vault take longer than other commands. */
const REASON = ['--reason', 'Yearly archive for the clinic board'];
const tenangSlow = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) => tenang(args, { ...options, timeoutMs: 120_000 });

describe('tenang export, import json and seed-demo', () => {
  const temp = tempVaultDir();
  const root = dirname(temp.dir);
  const vault = ['--vault', temp.dir];
  const asAdmin = { TENANG_PASSPHRASE: ADMIN_PASS };
  const file = (name: string) => join(root, name);
  afterAll(() => temp.cleanup());

  it('seeds demo data into a new vault, once', () => {
    expect(tenangSlow(['vault', 'init', ...vault, '--clinic', 'Klinik Sehat Jiwa', '--admin', 'ayu'], { env: asAdmin }).code).toBe(0);
    const seeded = tenangSlow(['seed-demo', ...vault, '--user', 'ayu', '--size', 'small', '--seed', '4', '--as-of', '2026-11-20', '--json'], { env: asAdmin });
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    const summary = JSON.parse(seeded.stdout) as { clients: number; agencies: number; counsellorUsernames: string[]; seconds: number; measureAdministrations: number; measureAlerts: number };
    expect(summary).toMatchObject({ clients: 300, agencies: 5 });
    expect(summary.measureAdministrations).toBeGreaterThan(500);
    expect(summary.measureAlerts).toBeGreaterThan(0);
    expect(summary.counsellorUsernames).toHaveLength(4);

    const again = tenangSlow(['seed-demo', ...vault, '--user', 'ayu', '--size', 'small'], { env: asAdmin });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('VAULT_NOT_EMPTY');
    expect(tenangSlow(['seed-demo', ...vault, '--user', 'ayu', '--size', 'huge'], { env: asAdmin }).code).toBe(2);
    expect(tenangSlow(['seed-demo', ...vault, '--user', 'ayu', '--size', 'small', '--as-of', '2026-02-30'], { env: asAdmin }).code).toBe(2);
  });

  it('exports everything in plain text only with --plaintext, warning that the file is not encrypted, and will not overwrite it', () => {
    const exported = tenangSlow(['export', ...vault, '--user', 'ayu', '--out', file('plain.json'), '--plaintext', ...REASON, '--json'], { env: asAdmin });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('NOT encrypted');
    const document = JSON.parse(readFileSync(file('plain.json'), 'utf8')) as { tables: Record<string, unknown[]> };
    // Every table of the schema but the deliberately excluded ones (drafts, migrations).
    expect(JSON.parse(exported.stdout)).toMatchObject({ encrypted: false, tables: Object.keys(document.tables).length });
    expect(Object.keys(document.tables)).toEqual(expect.arrayContaining(['agency', 'audit_entry', 'client', 'referral', 'room', 'setting', 'user_account']));
    expect(Object.keys(document.tables)).not.toContain('draft');
    expect(document.tables.client).toHaveLength(300);
    if (process.platform !== 'win32') expect(statSync(file('plain.json')).mode & 0o777).toBe(0o600);

    const again = tenangSlow(['export', ...vault, '--user', 'ayu', '--out', file('plain.json'), '--plaintext', ...REASON], { env: asAdmin });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('asks why: no reason, or a short one, is refused before signing in (exit 2), and so are --plaintext with --encrypt', () => {
    const none = tenang(['export', ...vault, '--user', 'ayu', '--out', file('why.json')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--reason');
    const short = tenang(['export', ...vault, '--user', 'ayu', '--out', file('why.json'), '--reason', 'backup']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 15 characters');
    expect(tenang(['export', ...vault, '--user', 'ayu', '--out', file('why.json'), ...REASON, '--plaintext', '--encrypt']).code).toBe(2);
    expect(existsSync(file('why.json'))).toBe(false);
  });

  it('encrypts the export by default, with a passphrase from TENANG_EXPORT_PASSPHRASE, silently', () => {
    const sealed = tenangSlow(['export', ...vault, '--user', 'ayu', '--out', file('sealed.json'), ...REASON], { env: { ...asAdmin, TENANG_EXPORT_PASSPHRASE: EXPORT_PASS } });
    expect(sealed.stderr).toBe('');
    expect(sealed.code).toBe(0);
    expect(JSON.parse(readFileSync(file('sealed.json'), 'utf8'))).toMatchObject({ format: 'tenang-export-encrypted' });
    const weak = tenangSlow(['export', ...vault, '--user', 'ayu', '--out', file('weak.json'), ...REASON], { env: { ...asAdmin, TENANG_EXPORT_PASSPHRASE: 'password123' } });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('exportPassphrase');
    expect(existsSync(file('weak.json'))).toBe(false);
  });

  it('restores the encrypted export into a new vault whose audit chain verifies; refuses an occupied folder and a wrong passphrase', () => {
    const target = file('restored');
    const restored = tenangSlow(['import', 'json', file('sealed.json'), '--vault', target, '--user', 'ayu'], { env: { TENANG_EXPORT_PASSPHRASE: EXPORT_PASS, TENANG_PASSPHRASE: RESTORED_PASS } });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/([0-9A-F]{8}-){7}[0-9A-F]{8}/);
    expect(restored.stdout).toContain('cannot sign in until an admin resets their passphrase');

    const verify = tenangSlow(['audit', 'verify', '--vault', target, '--user', 'ayu', '--json'], { env: { TENANG_PASSPHRASE: RESTORED_PASS } });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ valid: true });

    const occupied = tenangSlow(['import', 'json', file('sealed.json'), '--vault', target, '--user', 'ayu'], { env: { TENANG_EXPORT_PASSPHRASE: EXPORT_PASS, TENANG_PASSPHRASE: RESTORED_PASS } });
    expect(occupied.code).toBe(2);
    expect(occupied.stderr).toContain('VAULT_NOT_EMPTY');

    const wrong = tenangSlow(['import', 'json', file('sealed.json'), '--vault', file('never'), '--user', 'ayu'], { env: { TENANG_EXPORT_PASSPHRASE: 'not the right passphrase', TENANG_PASSPHRASE: RESTORED_PASS } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('EXPORT_UNREADABLE');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file('never'))).toBe(false);
  });

  it('reads the new passphrase from standard input when it is not in the environment, and prints JSON', () => {
    const restored = tenangSlow(['import', 'json', file('plain.json'), '--vault', file('restored-plain'), '--user', 'ayu', '--json'], { stdin: `${RESTORED_PASS}\n` });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ admin: 'ayu', auditChainValid: true, usersWithoutSlot: expect.arrayContaining([expect.stringMatching(/^demo\./)]) });
  });

  it('lets only admins export: a counsellor is refused and the refusal audited', () => {
    expect(tenangSlow(['user', 'add', ...vault, '--user', 'ayu', '--username', 'budi', '--name', 'Budi Santoso', '--role', 'counsellor'], { stdin: `${ADMIN_PASS}\n${COUNSELLOR_PASS}\n` }).code).toBe(0);
    const refused = tenangSlow(['export', ...vault, '--user', 'budi', '--out', file('budi.json'), ...REASON], { env: { TENANG_PASSPHRASE: COUNSELLOR_PASS } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('FORBIDDEN');
    expect(existsSync(file('budi.json'))).toBe(false);
    const denied = tenangSlow(['audit', 'list', ...vault, '--user', 'ayu', '--action', 'access.denied', '--json'], { env: asAdmin });
    expect(JSON.parse(denied.stdout).entries).toMatchObject([{ recordId: 'data.export', actorUsername: 'budi' }]);
  });
});
