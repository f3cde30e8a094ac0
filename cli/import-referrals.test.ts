import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempVaultDir } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';

const ADMIN_PASS = 'gunung merapi diselimuti kabut';

const HEADER = 'agency;received_date;referral_type;urgency;given_name;family_name;date_of_birth;email;phone;presenting_issues;consent_level;reason';
const VALID = [
  HEADER,
  'Dinas Pemadam Kebakaran;2026-01-05;self;urgent;Siti;Rahayu;1985-03-14;;;"anxiety;burnout";;',
  'Dinas Pemadam Kebakaran;2026-01-06;Rujukan informal;Rutin;Budi;Santoso;;budi@example.id;;Kecemasan;;"Asked; twice"',
].join('\n');
const INVALID = [
  HEADER,
  'Dinas Pemadam Kebakaran;2026-01-05;self;urgent;Siti;Rahayu;1985-03-14;;;anxiety;;',
  'Dinas Tidak Ada;2026-01-05;self;urgent;Ani;;;;;anxiety;;',
  'Dinas Pemadam Kebakaran;05/01/2026;self;sometime;Dewi;;;;;anxiety;;',
].join('\r\n');

describe('tenang import referrals', () => {
  const temp = tempVaultDir();
  const vault = ['--vault', temp.dir];
  const asAdmin = { env: { TENANG_PASSPHRASE: ADMIN_PASS } };
  const files = { valid: '', invalid: '', latin1: '', mapped: '' };

  beforeAll(() => {
    delete process.env.TENANG_PASSPHRASE;
    const folder = dirname(temp.dir);
    files.valid = join(folder, 'valid.csv');
    files.invalid = join(folder, 'invalid.csv');
    files.latin1 = join(folder, 'latin1.csv');
    files.mapped = join(folder, 'mapped.csv');
    writeFileSync(files.valid, `\uFEFF${VALID}\n`);
    writeFileSync(files.invalid, INVALID);
    writeFileSync(files.latin1, Buffer.from(`${HEADER}\nDinas;2026-01-05;self;urgent;Jos\xe9;;;;;anxiety;;\n`, 'latin1'));
    writeFileSync(files.mapped, 'Kantor,Tanggal,Jenis,Prioritas,Nama,Keluhan\nDinas Pemadam Kebakaran,2026-01-07,self,routine,Eka,burnout\n');
    const init = tenang(['vault', 'init', ...vault, '--clinic', 'Klinik Sehat Jiwa', '--admin', 'ayu', '--json'], { stdin: `${ADMIN_PASS}\n` });
    expect(init.code).toBe(0);
    const agency = tenang(['call', 'agencies.create', JSON.stringify({ name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' }), ...vault, '--user', 'ayu'], asAdmin);
    expect(agency.code).toBe(0);
  });
  afterAll(() => temp.cleanup());

  it('exits 2 with every bad line and column, and imports nothing', () => {
    const r = tenang(['import', 'referrals', files.invalid, ...vault, '--user', 'ayu'], asAdmin);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([
      'Nothing was imported: 3 problems on 2 lines (3 rows in the file).',
      'line 3, column agency: unknown agency',
      'line 4, column received_date: bad date',
      'line 4, column urgency: unknown code',
    ]);
    expect(r.stdout).not.toMatch(/Tidak Ada|sometime|Dewi/);
    const json = tenang(['import', 'referrals', files.invalid, ...vault, '--user', 'ayu', '--json'], asAdmin);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      outcome: 'invalid',
      rows: 3,
      problems: [
        { line: 3, column: 'agency', code: 'unknown_agency' },
        { line: 4, column: 'received_date', code: 'bad_date' },
        { line: 4, column: 'urgency', code: 'unknown_code' },
      ],
    });
  });

  it('checks a valid file with --dry-run without importing, then imports it: exit 0 with the count', () => {
    const dry = tenang(['import', 'referrals', files.valid, ...vault, '--user', 'ayu', '--dry-run'], asAdmin);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout.trim()).toBe('2 rows checked: all valid. Nothing was imported (dry run).');
    const real = tenang(['import', 'referrals', files.valid, ...vault, '--user', 'ayu', '--json'], asAdmin);
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout)).toEqual({ outcome: 'imported', imported: 2, dryRun: false });
    // Two referrals in all: neither the refused file before nor the dry run imported anything.
    const listed = JSON.parse(tenang(['call', 'referrals.list', ...vault, '--user', 'ayu'], asAdmin).stdout) as { referrals: Array<{ clientName: string; reason: string }> };
    expect(listed.referrals.map((r) => r.clientName).sort()).toEqual(['Budi Santoso', 'Siti Rahayu']);
    expect(listed.referrals.find((r) => r.clientName === 'Budi Santoso')?.reason).toBe('Asked; twice');
  });

  it('reads other headers with --map, and prints the count in words', () => {
    const maps = ['--map', 'agency=Kantor', '--map', 'received_date=Tanggal', '--map', 'referral_type=Jenis', '--map', 'urgency=Prioritas', '--map', 'given_name=Nama', '--map', 'presenting_issues=Keluhan'];
    const r = tenang(['import', 'referrals', files.mapped, ...maps, ...vault, '--user', 'ayu'], asAdmin);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('Imported 1 referral.');
  });

  it('refuses, exit 2 before signing in, a file that is not UTF-8, a missing file and a bad --map', () => {
    const latin1 = tenang(['import', 'referrals', files.latin1, ...vault, '--user', 'ayu']);
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toContain('is not UTF-8 text');
    expect(tenang(['import', 'referrals', join(temp.dir, 'nope.csv'), ...vault, '--user', 'ayu']).code).toBe(2);
    const badMap = tenang(['import', 'referrals', files.valid, '--map', 'colour=Warna', ...vault, '--user', 'ayu']);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toContain('--map takes COLUMN=HEADER');
  });
});
