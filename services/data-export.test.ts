import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rawConnection } from '../db/bulk';
import { listTables } from '../db/table-dump';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { documentChunks, EXCLUDED_TABLES, excludedTablesFor, type ExportDocument } from './data-export';
import { ENCRYPTED_EXPORT_FORMAT, EXPORT_SCRYPT, openEnvelope } from './data-export-envelope';
import { seedDemoData } from './demo-data';
import type { TenangApp } from './tenang-app';
import { clinicWithCounsellor, expectOk, manualClock, tempVaultDir } from '../tests/helpers/vault-fixture';
import { EXPORT_REASON } from '../tests/helpers/export-fixture';

const EXPORT_PASSPHRASE = 'sampan kecil di tengah danau toba';

describe('the full export', () => {
  let app: TenangApp;
  let cleanup: () => Promise<void>;
  const out = tempVaultDir();
  const file = (name: string) => join(out.dir, name);
  let tableNames: string[] = [];

  beforeAll(async () => {
    const clinic = await clinicWithCounsellor(manualClock());
    app = clinic.app;
    cleanup = clinic.cleanup;
    (await import('node:fs')).mkdirSync(out.dir, { recursive: true });
    await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 3, asOf: '2026-11-20' }));
    expectOk(await app.dispatch('drafts.save', { formKey: 'referral.intake', payload: { givenName: 'Half typed' } }));
    tableNames = await app.runAdminTask('test', async (session) => listTables(rawConnection(session.dataSource)).map((t) => t.name));
  });
  afterAll(async () => {
    await cleanup();
    out.cleanup();
  });

  const exportTo = (path: string, options: { force?: boolean; passphrase?: string } = {}) =>
    app.exportVault({ path, force: options.force ?? false, passphrase: options.passphrase ?? null, reason: EXPORT_REASON });

  it('writes every table but drafts and migrations, rows ordered by key, to a file only its owner can read', async () => {
    const summary = await exportTo(file('plain.json'));
    const document = JSON.parse(readFileSync(file('plain.json'), 'utf8')) as ExportDocument;
    // A plain file also leaves out the report-signing key (services/reports/signing-key.ts).
    expect(document).toMatchObject({ format: 'tenang-export', formatVersion: 1, schemaVersion: LATEST_SCHEMA_VERSION, excludedTables: expect.arrayContaining([...EXCLUDED_TABLES, 'clinic_signing_key']) });
    expect(Object.keys(document.tables).sort()).toEqual(tableNames.filter((t) => !excludedTablesFor(false).includes(t)).sort());
    expect(Object.keys(document.tables)).toEqual(
      expect.arrayContaining(['user_account', 'setting', 'audit_entry', 'audit_head', 'agency', 'contract', 'client', 'client_case', 'referral', 'referral_status_change', 'room', 'session', 'session_change', 'session_attendee']),
    );
    for (const table of ['session', 'session_change', 'session_attendee']) expect(document.tables[table]!.length, table).toBeGreaterThan(0);
    const sessionIds = document.tables.session!.map((s) => s.id as number);
    expect(sessionIds).toEqual([...sessionIds].sort((a, b) => a - b));
    expect(document.sequences.session).toBe(sessionIds.at(-1));
    const ids = document.tables.referral!.map((r) => r.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(document.tables.client).toHaveLength(300);
    expect(JSON.stringify(document)).not.toContain('Half typed');
    expect(document.sequences).toMatchObject({ client: 300, user_account: 6 });
    expect(summary).toMatchObject({ encrypted: false, tables: Object.keys(document.tables).length, bytes: statSync(file('plain.json')).size });
    expect(summary.rows).toBe(Object.values(document.tables).reduce((n, rows) => n + rows.length, 0));
    if (process.platform !== 'win32') expect(statSync(file('plain.json')).mode & 0o777).toBe(0o600);
    // One row per line: two exports can be compared with diff.
    expect(readFileSync(file('plain.json'), 'utf8').split('\n').length).toBeGreaterThan(summary.rows);
    // Written row by row from the vault, byte for byte what the whole document gives.
    const text = readFileSync(file('plain.json'), 'utf8');
    expect([...documentChunks(JSON.parse(text) as ExportDocument)].join('')).toBe(text);
  });

  it('audits each export with its counts, never its content', async () => {
    const { entries } = expectOk(await app.dispatch('audit.list', { action: 'data.export' })) as { entries: Array<{ detail: Record<string, unknown>; actorUsername: string }> };
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[entries.length - 1]).toMatchObject({ actorUsername: 'ayu', detail: { encrypted: false, tables: expect.any(Number), rows: expect.any(Number) } });
  });

  it('refuses to replace an existing file unless forced, and leaves no temp file behind', async () => {
    writeFileSync(file('existing.json'), 'keep me');
    await expect(exportTo(file('existing.json'))).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'out', code: 'file_exists' }] });
    expect(readFileSync(file('existing.json'), 'utf8')).toBe('keep me');
    await exportTo(file('existing.json'), { force: true });
    expect(JSON.parse(readFileSync(file('existing.json'), 'utf8'))).toMatchObject({ format: 'tenang-export' });
    await expect(exportTo(join(out.dir, 'no-such-folder', 'x.json'))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(readdirSync(out.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('encrypts with a passphrase: no plaintext in the file, strong scrypt, the same document inside', async () => {
    const summary = await exportTo(file('sealed.json'), { passphrase: EXPORT_PASSPHRASE });
    expect(summary.encrypted).toBe(true);
    const text = readFileSync(file('sealed.json'), 'utf8');
    const envelope = JSON.parse(text) as { format: string; kdf: { N: number; r: number; p: number } };
    expect(envelope).toMatchObject({ format: ENCRYPTED_EXPORT_FORMAT, kdf: { name: 'scrypt', ...EXPORT_SCRYPT } });
    const plain = JSON.parse(readFileSync(file('plain.json'), 'utf8')) as ExportDocument;
    // Quoted, as the plain JSON holds them (base64 has no quotes).
    for (const client of plain.tables.client!.slice(0, 20)) expect(text.includes(JSON.stringify(client.given_name))).toBe(false);
    expect(text.includes('"referral"')).toBe(false);
    const inside = JSON.parse((await openEnvelope(envelope, EXPORT_PASSPHRASE)).toString('utf8')) as ExportDocument;
    // The same records; the audit log has grown by the exports in between.
    for (const table of ['user_account', 'agency', 'client', 'referral', 'referral_status_change']) expect(inside.tables[table]).toEqual(plain.tables[table]);
    expect(inside.tables.audit_entry!.slice(0, plain.tables.audit_entry!.length)).toEqual(plain.tables.audit_entry);
  });

  it('refuses a weak export passphrase before writing anything', async () => {
    await expect(exportTo(file('weak.json'), { passphrase: 'password123' })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'exportPassphrase' }] });
    expect(existsSync(file('weak.json'))).toBe(false);
  });
});
