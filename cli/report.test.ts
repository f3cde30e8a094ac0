import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempVaultDir } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';
import { sampleReportDocument } from '../tests/helpers/report-document-fixture';
import { makeReportFile } from '../services/reports/report-files';
import { publicKeyLineOf, signerFromPkcs8 } from '../services/reports/report-signature';

const ADMIN_PASS = 'gunung merapi diselimuti kabut';
const COUNSELLOR_PASS = 'hujan rintik di atap seng';

describe('tenang report public-key and verify', () => {
  const temp = tempVaultDir();
  const root = dirname(temp.dir);
  const vault = ['--vault', temp.dir];
  const asAdmin = { TENANG_PASSPHRASE: ADMIN_PASS };
  const file = (name: string) => join(root, name);
  afterAll(() => temp.cleanup());
  let keyLine = '';

  it('prints the same one-line public key every time, to admins only, and audits each showing and refusal', () => {
    expect(tenang(['vault', 'init', ...vault, '--clinic', 'Klinik Sehat Jiwa', '--admin', 'ayu'], { env: asAdmin }).code).toBe(0);
    const first = tenang(['report', 'public-key', ...vault, '--user', 'ayu'], { env: asAdmin });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^tenang-ed25519:[A-Za-z0-9+/]{43}=\n$/);
    keyLine = first.stdout.trim();
    const second = tenang(['report', 'public-key', ...vault, '--user', 'ayu', '--json'], { env: asAdmin });
    expect(JSON.parse(second.stdout)).toEqual({ publicKey: keyLine });

    expect(tenang(['user', 'add', ...vault, '--user', 'ayu', '--username', 'budi', '--name', 'Budi Santoso', '--role', 'counsellor'], { stdin: `${ADMIN_PASS}\n${COUNSELLOR_PASS}\n` }).code).toBe(0);
    const refused = tenang(['report', 'public-key', ...vault, '--user', 'budi'], { env: { TENANG_PASSPHRASE: COUNSELLOR_PASS } });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('FORBIDDEN');

    const audit = (action: string) => (JSON.parse(tenang(['audit', 'list', ...vault, '--user', 'ayu', '--action', action, '--json'], { env: asAdmin }).stdout) as { entries: { actorUsername: string; outcome: string; recordId: string }[] }).entries;
    expect(audit('report.public_key').map((e) => [e.actorUsername, e.outcome])).toEqual([
      ['ayu', 'success'],
      ['ayu', 'success'],
    ]);
    expect(audit('access.denied').map((e) => [e.actorUsername, e.recordId])).toEqual([['budi', 'report.public_key']]);
  });

  it('verifies without a vault: exit 0 for an intact report, 1 for a changed one, another key, no signature or a bad key line', async () => {
    // Signed here with a key of the test's own; the vault's key signs the same way.
    const privateKey = generateKeyPairSync('ed25519').privateKey;
    const signer = signerFromPkcs8(privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
    const otherKey = publicKeyLineOf(generateKeyPairSync('ed25519').publicKey);
    const json = await makeReportFile(sampleReportDocument('en'), 'json', signer);
    const pdf = await makeReportFile(sampleReportDocument('id'), 'pdf', signer);
    writeFileSync(file('report.json'), json.bytes);
    writeFileSync(file('report.pdf'), pdf.bytes);
    writeFileSync(file('report.pdf.sig'), pdf.signatureFile!);
    writeFileSync(file('changed.json'), json.bytes.toString('utf8').replace('"total": 48', '"total": 49'));
    writeFileSync(file('unsigned.pdf'), pdf.bytes);

    const intact = tenang(['report', 'verify', file('report.json'), '--public-key', signer.publicKeyLine]);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toContain('Intact');
    expect(tenang(['report', 'verify', file('report.pdf'), '--public-key', signer.publicKeyLine, '--json'])).toMatchObject({ code: 0, stdout: '{"intact":true,"signature":"sig_file"}\n' });
    const changed = tenang(['report', 'verify', file('changed.json'), '--public-key', signer.publicKeyLine]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('[changed]');
    expect(tenang(['report', 'verify', file('report.pdf'), '--public-key', otherKey, '--json'])).toMatchObject({ code: 1, stdout: '{"intact":false,"reason":"wrong_key"}\n' });
    expect(tenang(['report', 'verify', file('report.pdf'), '--public-key', keyLine, '--json'])).toMatchObject({ code: 1, stdout: '{"intact":false,"reason":"wrong_key"}\n' });
    expect(tenang(['report', 'verify', file('unsigned.pdf'), '--public-key', signer.publicKeyLine, '--json'])).toMatchObject({ code: 1, stdout: '{"intact":false,"reason":"no_signature"}\n' });
    expect(tenang(['report', 'verify', file('report.json'), '--public-key', 'nonsense', '--json'])).toMatchObject({ code: 1, stdout: '{"intact":false,"reason":"bad_key"}\n' });
    expect(tenang(['report', 'verify', file('report.json')]).code).toBe(2);
  });
});
