import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempVaultDir } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';

const ADMIN_PASS = 'gunung merapi diselimuti kabut';
const COUNSELLOR_PASS = 'hujan rintik di atap seng';

describe('tenang report build and register', () => {
  const temp = tempVaultDir();
  const root = dirname(temp.dir);
  const vault = ['--vault', temp.dir];
  const asAdmin = { TENANG_PASSPHRASE: ADMIN_PASS };
  const out = (name: string) => join(root, name);
  afterAll(() => temp.cleanup());

  it('builds a signed report readable by its owner only, never over a file without --force, enters it in the register, and refuses bad input before signing in', () => {
    expect(tenang(['vault', 'init', ...vault, '--clinic', 'Klinik Sehat Jiwa', '--admin', 'ayu'], { env: asAdmin }).code).toBe(0);
    expect(tenang(['seed-demo', ...vault, '--user', 'ayu', '--size', 'small', '--seed', '3', '--as-of', '2026-11-28'], { env: asAdmin, timeoutMs: 120_000 }).code).toBe(0);

    // Refused before signing in (exit 2): no scope, two scopes, a period of days.
    for (const args of [['--period', '2026-Q3'], ['--all', '--sector', 'health', '--period', '2026-Q3'], ['--all', '--period', '2026-07-01']]) {
      const refused = tenang(['report', 'build', ...vault, '--user', 'ayu', ...args, '--format', 'json', '--out', out('x.json')], { env: asAdmin });
      expect(refused.code, args.join(' ')).toBe(2);
    }

    const built = tenang(['report', 'build', ...vault, '--user', 'ayu', '--all', '--period', '2026-Q3', '--format', 'pdf', '--out', out('all.pdf'), '--language', 'id', '--json'], { env: asAdmin, timeoutMs: 120_000 });
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const summary = JSON.parse(built.stdout) as { path: string; sha256: string; registerId: number; signaturePath: string };
    expect(summary).toMatchObject({ path: out('all.pdf'), signaturePath: out('all.pdf.sig') });
    expect(statSync(out('all.pdf')).mode & 0o777).toBe(0o600);

    const again = tenang(['report', 'build', ...vault, '--user', 'ayu', '--all', '--period', '2026-Q3', '--format', 'pdf', '--out', out('all.pdf')], { env: asAdmin });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');

    const key = tenang(['report', 'public-key', ...vault, '--user', 'ayu'], { env: asAdmin }).stdout.trim();
    expect(tenang(['report', 'verify', out('all.pdf'), '--public-key', key]).code).toBe(0);

    const register = JSON.parse(tenang(['report', 'register', ...vault, '--user', 'ayu', '--json'], { env: asAdmin }).stdout) as { entries: Array<Record<string, unknown>> };
    expect(register.entries).toEqual([expect.objectContaining({ id: summary.registerId, kind: 'agency_report', scopeKind: 'all', periodFrom: '2026-07', periodTo: '2026-09', format: 'pdf', language: 'id', sha256: summary.sha256 })]);

    // Counsellors make no reports (exit 3), and the refusal is audited.
    expect(tenang(['user', 'add', ...vault, '--user', 'ayu', '--username', 'budi', '--name', 'Budi Santoso', '--role', 'counsellor'], { stdin: `${ADMIN_PASS}\n${COUNSELLOR_PASS}\n` }).code).toBe(0);
    const refused = tenang(['report', 'build', ...vault, '--user', 'budi', '--all', '--period', '2026-Q3', '--format', 'json', '--out', out('budi.json')], { env: { TENANG_PASSPHRASE: COUNSELLOR_PASS } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('FORBIDDEN');
  }, 300_000);
});
