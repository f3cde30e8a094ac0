import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inWriteTransaction } from '../../db/transaction';
import type { TenangApp } from '../tenang-app';
import { clinicWithCounsellor, manualClock } from '../../tests/helpers/vault-fixture';
import { sampleReportDocument } from '../../tests/helpers/report-document-fixture';
import { makeReportFile } from './report-files';
import { clinicSigner, ensureSigningKey, publicKeyLine, showPublicKey } from './signing-key';
import { verifyReportFile } from './verify-report';

describe("the clinic's report-signing key", () => {
  const clock = manualClock();
  let app: TenangApp;
  let cleanup: () => Promise<void>;
  const folder = mkdtempSync(join(tmpdir(), 'tenang-signing-key-'));

  beforeAll(async () => {
    ({ app, cleanup } = await clinicWithCounsellor(clock));
  });
  afterAll(async () => {
    await cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is made once, on first use: every later call gives the same key, and its creation time stays the first', async () => {
    const first = await app.runAdminTask('test', (session, c) => showPublicKey(session, c));
    expect(first.publicKey).toMatch(/^tenang-ed25519:[A-Za-z0-9+/]{43}=$/);
    clock.advance(86_400_000);
    const second = await app.runAdminTask('test', (session, c) => showPublicKey(session, c));
    expect(second).toEqual(first);
    const rows = await app.runAdminTask('test', (session) => session.dataSource.query('SELECT id, public_key, private_key, created_at FROM clinic_signing_key'));
    expect(rows).toHaveLength(1);
    expect(rows[0].created_at).toBe(new Date(clock.now() - 86_400_000).toISOString());
    expect(rows[0].private_key).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await app.runAdminTask('test', (session) => inWriteTransaction(session.dataSource, (m) => publicKeyLine(m, 'later')))).toBe(first.publicKey);
  });

  it('cannot be replaced or removed: the triggers refuse UPDATE and DELETE, and a second insert is ignored', async () => {
    await app.runAdminTask('test', async (session) => {
      await expect(session.dataSource.query("UPDATE clinic_signing_key SET public_key = 'x'")).rejects.toThrow(/made once/);
      await expect(session.dataSource.query('DELETE FROM clinic_signing_key')).rejects.toThrow(/made once/);
      await expect(session.dataSource.query("INSERT INTO clinic_signing_key (id, public_key, private_key, created_at) VALUES (2, 'a', 'b', 'c')")).rejects.toThrow(/CHECK/);
      const before = await session.dataSource.query('SELECT * FROM clinic_signing_key');
      await inWriteTransaction(session.dataSource, (m) => ensureSigningKey(m, 'again'));
      expect(await session.dataSource.query('SELECT * FROM clinic_signing_key')).toEqual(before);
    });
  });

  it('signs reports that verify with the line it prints, without the vault', async () => {
    const { publicKey } = await app.runAdminTask('test', (session, c) => showPublicKey(session, c));
    const signer = await app.runAdminTask('test', (session) => inWriteTransaction(session.dataSource, (m) => clinicSigner(m, 'now')));
    expect(signer.publicKeyLine).toBe(publicKey);
    for (const format of ['json', 'csv', 'pdf'] as const) {
      const file = await makeReportFile(sampleReportDocument('id'), format, signer);
      const path = join(folder, `report.${format}`);
      writeFileSync(path, file.bytes);
      if (file.signatureFile) writeFileSync(`${path}.sig`, file.signatureFile);
      expect(verifyReportFile(path, publicKey).ok, format).toBe(true);
    }
  });

  it('is shown as an audited admin task', async () => {
    const listed = await app.dispatch('audit.list', { action: 'report.public_key', limit: 10 });
    expect(listed.ok && (listed.value as { entries: { actorUsername: string; recordType: string }[] }).entries.map((e) => [e.actorUsername, e.recordType])).toEqual([
      ['ayu', 'clinic_signing_key'],
      ['ayu', 'clinic_signing_key'],
      ['ayu', 'clinic_signing_key'],
    ]);
  });
});
