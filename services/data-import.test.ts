import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecoveryKey } from '../shared/recovery-key';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { readKeyring } from '../db/vault/keyring';
import { VaultFolder } from '../db/vault/vault-folder';
import { verifyAudit } from './audit-log';
import { snapshotVault, type ExportDocument, type ExportRow, type ExportValue } from './data-export';
import { ExportFile, loadExportFile, parseExportDocument } from './data-import-document';
import { restoreExport, type RestoreResult } from './data-import';
import { seedDemoData } from './demo-data';
import { createTenangApp, type TenangApp } from './tenang-app';
import { ADMIN, COUNSELLOR, clinicWithCounsellor, expectOk, manualClock, signIn, tempVaultDir } from '../tests/helpers/vault-fixture';
import { bookingClinic, call } from '../tests/helpers/booking-fixture';
import type { Administration, ChannelOutput } from '../shared/contract';
import gad7File from '../shared/measures/instruments/gad7.json';
import { rawConnection } from '../db/bulk';
import { EXPORT_REASON } from '../tests/helpers/export-fixture';
import { showPublicKey } from './reports/signing-key';

const NEW_PASSPHRASE = 'burung camar terbang rendah di senja';
const EXPORT_PASSPHRASE = 'sampan kecil di tengah danau toba';
const noPassphrase = async (): Promise<string> => {
  throw new Error('a plain export asks for no passphrase');
};

/** Open a restored vault with its recovery key (no sign-in, so nothing is added to its audit log) and read it whole. */
async function readRestored(dir: string, recoveryKey: string): Promise<{ document: ExportDocument; chainValid: boolean }> {
  const dataSource = await new VaultFolder(dir).open(Buffer.from(parseRecoveryKey(recoveryKey)!, 'hex'), { create: false });
  try {
    return { document: snapshotVault(dataSource, 'now'), chainValid: (await verifyAudit(dataSource)).valid };
  } finally {
    await dataSource.destroy();
  }
}

const withoutSlotKeys = (rows: ExportRow[]) => rows.map(({ slot_public_key: _ignored, ...rest }) => rest);

/**
 * The round trip is exact but for the deliberate differences: the audit log goes on after
 * the restored chain with the restore's own entry (and the head moves to it), and every
 * active user's recorded slot key is new (the admin's slot; a key nobody holds for others).
 */
function expectRestoredExactly(original: ExportDocument, restored: ExportDocument): void {
  // A table the export left out (the report-signing key, from a plain export) is there, empty.
  for (const table of original.excludedTables) if (table in restored.tables) expect(restored.tables[table], table).toEqual([]);
  expect(Object.keys(restored.tables).filter((table) => !original.excludedTables.includes(table))).toEqual(Object.keys(original.tables));
  for (const table of Object.keys(original.tables)) {
    if (['audit_entry', 'audit_head', 'user_account'].includes(table)) continue;
    expect(restored.tables[table], table).toEqual(original.tables[table]);
  }
  expect(restored.sequences).toEqual(original.sequences);
  expect(restored.schemaVersion).toBe(original.schemaVersion);
  expect(withoutSlotKeys(restored.tables.user_account!)).toEqual(withoutSlotKeys(original.tables.user_account!));
  for (const [i, user] of original.tables.user_account!.entries()) {
    const after = restored.tables.user_account![i]!;
    if (user.active) expect(after.slot_public_key, String(user.username)).not.toBe(user.slot_public_key);
    else expect(after.slot_public_key).toBe(user.slot_public_key);
  }
  const before = original.tables.audit_entry!;
  const entries = restored.tables.audit_entry!;
  expect(entries.slice(0, before.length)).toEqual(before);
  expect(entries.slice(before.length).map((e) => e.action)).toEqual(['data.import']);
  expect(restored.tables.audit_head).toEqual([{ id: 1, seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash }]);
}

describe('restoring a full export', () => {
  let app: TenangApp;
  let cleanup: () => Promise<void>;
  const work = tempVaultDir();
  const path = (name: string) => join(work.dir, name);
  let beforeDemo: ExportDocument;
  let original: ExportDocument;
  let signingKey: ExportRow[];

  beforeAll(async () => {
    const clinic = await clinicWithCounsellor(manualClock());
    app = clinic.app;
    cleanup = clinic.cleanup;
    mkdirSync(work.dir, { recursive: true });
    expectOk(await app.dispatch('settings.update', { autoLockMinutes: 15 }));
    expectOk(await app.dispatch('users.disable', { userId: clinic.counsellorId }));
    beforeDemo = await app.runAdminTask('test', async (session) => snapshotVault(session.dataSource, 'now'));
    await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 5, asOf: '2026-11-20' }));
    expectOk(await app.dispatch('drafts.save', { formKey: 'referral.intake', payload: { givenName: 'Half typed' } }));
    // A document kept in the vault travels as base64 and comes back byte for byte.
    const [{ id: clientId }] = await app.runAdminTask('test', (session) => session.dataSource.query('SELECT id FROM client ORDER BY id LIMIT 1'));
    expectOk(await app.dispatch('attachments.add', { clientId, kind: 'consent_form', title: 'Formulir persetujuan', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }));
    // The report-signing key: a plain export leaves it out, an encrypted one keeps it.
    await app.runAdminTask('test', (session, clock) => showPublicKey(session, clock));
    signingKey = (await app.runAdminTask('test', async (session) => snapshotVault(session.dataSource, 'now'))).tables.clinic_signing_key!;
    expect(signingKey).toHaveLength(1);
    await app.exportVault({ path: path('plain.json'), force: false, passphrase: null, reason: EXPORT_REASON });
    original = parseExportDocument(JSON.parse(readFileSync(path('plain.json'), 'utf8')));
  });

  it('leaves the private half of the report-signing key out of a plain export', () => {
    expect(original.excludedTables).toContain('clinic_signing_key');
    expect(original.tables.clinic_signing_key).toBeUndefined();
    expect(readFileSync(path('plain.json'), 'utf8')).not.toContain(String(signingKey[0]!.private_key));
  });
  afterAll(async () => {
    await cleanup();
    work.cleanup();
  });

  const restore = (document: ExportDocument | ExportFile, dir: string, options: { username?: string; passphrase?: string; encrypted?: boolean } = {}): Promise<RestoreResult> =>
    restoreExport(
      { folder: new VaultFolder(dir), clock: manualClock(Date.parse('2026-12-01T03:00:00Z')) },
      { document, username: options.username ?? ADMIN.username, newPassphrase: options.passphrase ?? NEW_PASSPHRASE, encrypted: options.encrypted ?? false },
    );

  it('restores every row of a plain export exactly, into a vault only the named admin can open', async () => {
    const { document, encrypted } = await loadExportFile(path('plain.json'), noPassphrase);
    expect(encrypted).toBe(false);
    // Read line by line as it is restored, never whole.
    expect(document).toBeInstanceOf(ExportFile);
    const result = await restore(document, path('restored'));
    expect(result).toMatchObject({ admin: 'ayu', schemaVersion: LATEST_SCHEMA_VERSION, migratedFrom: null, auditChainValid: true, rows: original.tables && Object.values(original.tables).flat().length });
    expect(result.recoveryKey).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
    const demoCounsellors = original.tables.user_account!.filter((u) => u.active && u.role === 'counsellor').map((u) => u.username);
    expect(result.usersWithoutSlot).toEqual(demoCounsellors);

    const restored = await readRestored(path('restored'), result.recoveryKey);
    expect(restored.chainValid).toBe(true);
    // The demo's calendar travels too: rooms, hours, leave, holidays, sessions and their histories.
    for (const table of ['room', 'working_hours', 'leave', 'clinic_holiday', 'session', 'session_change', 'session_attendee']) expect(original.tables[table]!.length, table).toBeGreaterThan(0);
    // So do notes, addenda, risk flags and documents; the search index is derived data, rebuilt as the notes go back in.
    for (const table of ['note', 'note_addendum', 'risk_flag', 'attachment']) expect(original.tables[table]!.length, table).toBeGreaterThan(0);
    // And the outcome measures: every administration, and the alerts with their follow-ups.
    for (const table of ['measure_administration', 'measure_alert']) expect(original.tables[table]!.length, table).toBeGreaterThan(0);
    expect(original.tables.measure_alert!.some((a) => a.follow_up_kind === 'risk_flag') && original.tables.measure_alert!.some((a) => a.follow_up_kind === 'note')).toBe(true);
    expect(Object.keys(original.tables).filter((name) => name.startsWith('note_fts'))).toEqual([]);
    expect(original.tables.referral!.some((r) => r.clock_stopped_at !== null)).toBe(true);
    expectRestoredExactly(original, restored.document);
    expect(JSON.parse(String(restored.document.tables.audit_entry!.at(-1)!.detail))).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, encrypted: false, auditChainValid: true });

    const keyring = readKeyring(join(path('restored'), 'keyring.json'));
    expect(keyring.state === 'ok' && keyring.keyring.slots.map((s) => s.username)).toEqual(['ayu']);
    if (process.platform !== 'win32') expect(statSync(path('restored')).mode & 0o777).toBe(0o700);

    const again = createTenangApp({ vaultDir: path('restored'), clock: manualClock() });
    try {
      await signIn(again, { username: ADMIN.username, passphrase: NEW_PASSPHRASE });
      const { users } = expectOk(await again.dispatch('users.list', {})) as { users: Array<{ username: string; canUnlock: boolean }> };
      expect(users.filter((u) => u.canUnlock).map((u) => u.username)).toEqual(['ayu']);
      expect(expectOk(await again.dispatch('audit.verify', {}))).toMatchObject({ valid: true });
      expect(expectOk(await again.dispatch('settings.get', {}))).toMatchObject({ autoLockMinutes: 15 });
      await again.runAdminTask('test', async (session) => {
        const [{ indexed }] = await session.dataSource.query('SELECT count(*) AS indexed FROM note_fts');
        expect(indexed).toBe(original.tables.note!.length + original.tables.note_addendum!.length);
        await session.dataSource.query("INSERT INTO note_fts (note_fts, rank) VALUES ('integrity-check', 1)");
      });
    } finally {
      await again.close();
    }
  });

  it('restores an encrypted export with its passphrase; a wrong passphrase or a changed byte is refused', async () => {
    await app.exportVault({ path: path('sealed.json'), force: false, passphrase: EXPORT_PASSPHRASE, reason: EXPORT_REASON });
    await expect(loadExportFile(path('sealed.json'), async () => 'not the passphrase at all')).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });

    const envelope = JSON.parse(readFileSync(path('sealed.json'), 'utf8')) as { ciphertext: string; kdf: { N: number } };
    const middle = Math.floor(envelope.ciphertext.length / 2);
    const flipped = envelope.ciphertext[middle] === 'A' ? 'B' : 'A';
    writeFileSync(path('tampered.json'), JSON.stringify({ ...envelope, ciphertext: envelope.ciphertext.slice(0, middle) + flipped + envelope.ciphertext.slice(middle + 1) }));
    await expect(loadExportFile(path('tampered.json'), async () => EXPORT_PASSPHRASE)).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
    // The parameters are bound to the ciphertext: a cheaper cost written in is noticed too.
    writeFileSync(path('weakened.json'), JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, N: 2 ** 17 } }));
    await expect(loadExportFile(path('weakened.json'), async () => EXPORT_PASSPHRASE)).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });

    const { document, encrypted } = await loadExportFile(path('sealed.json'), async () => EXPORT_PASSPHRASE);
    expect(encrypted).toBe(true);
    const result = await restore(document, path('restored-sealed'), { encrypted: true });
    const restored = await readRestored(path('restored-sealed'), result.recoveryKey);
    for (const table of ['agency', 'contract', 'client', 'client_case', 'referral', 'referral_status_change', 'setting']) expect(restored.document.tables[table], table).toEqual(original.tables[table]);
    // The encrypted export keeps the signing key: reports signed after the restore verify with the line agencies hold.
    expect(restored.document.tables.clinic_signing_key).toEqual(signingKey);
    expect(restored.chainValid).toBe(true);
  });

  it('reads a plain export line by line, as strictly as whole: rows out of id order are sorted, damage is refused', async () => {
    const text = readFileSync(path('plain.json'), 'utf8');
    const lines = text.split('\n');
    // Two sessions swapped (the comma stays at the end of its line): still the line layout, but out of id order.
    const first = lines.indexOf('"session":[') + 1;
    const [a, b] = [lines[first]!, lines[first + 1]!];
    expect(a.endsWith(',') && b.endsWith(',')).toBe(true);
    writeFileSync(path('swapped.json'), [...lines.slice(0, first), b, a, ...lines.slice(first + 2)].join('\n'));
    const swapped = await loadExportFile(path('swapped.json'), noPassphrase, { wholeFileLimit: 0 });
    expect(swapped.document).toBeInstanceOf(ExportFile);
    const result = await restore(swapped.document, path('restored-swapped'));
    const restored = await readRestored(path('restored-swapped'), result.recoveryKey);
    expect(restored.document.tables.session).toEqual(original.tables.session);

    // Too large to read whole (a limit of 0 bytes here): what is wrong is said, never quoted.
    const refused = (name: string) => loadExportFile(path(name), noPassphrase, { wholeFileLimit: 0 });
    writeFileSync(path('bad-value.json'), text.replace(/^\{"id":1,/m, '{"id":1,"x":[1],'));
    await expect(refused('bad-value.json')).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE', message: expect.stringContaining('a row holds a value') });
    writeFileSync(path('cut-line.json'), text.slice(0, text.indexOf('\n', 5000) + 1));
    await expect(refused('cut-line.json')).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE', message: expect.stringContaining('ends before') });
    // A trailing comma after a table's last row is not JSON: refused, not read past.
    const last = lines.indexOf(']', first) - 1;
    writeFileSync(path('trailing-comma.json'), [...lines.slice(0, last), `${lines[last]},`, ...lines.slice(last + 1)].join('\n'));
    await expect(refused('trailing-comma.json')).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
    await expect(loadExportFile(path('trailing-comma.json'), noPassphrase)).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE', message: expect.stringContaining('not complete JSON') });
    const newer = text.replace(`"schemaVersion":${LATEST_SCHEMA_VERSION},`, `"schemaVersion":${LATEST_SCHEMA_VERSION + 1},`);
    writeFileSync(path('newer.json'), newer);
    await expect(refused('newer.json')).rejects.toMatchObject({ code: 'VAULT_TOO_NEW' });
  });

  it('reads a re-indented export whole when it is small enough, and refuses it clearly when not', async () => {
    writeFileSync(path('indented.json'), JSON.stringify(JSON.parse(readFileSync(path('plain.json'), 'utf8')), null, 2));
    const { document } = await loadExportFile(path('indented.json'), noPassphrase);
    expect(document).not.toBeInstanceOf(ExportFile);
    const result = await restore(document, path('restored-indented'));
    const restored = await readRestored(path('restored-indented'), result.recoveryKey);
    expectRestoredExactly(original, restored.document);
    await expect(loadExportFile(path('indented.json'), noPassphrase, { wholeFileLimit: 1000 })).rejects.toMatchObject({
      code: 'EXPORT_UNREADABLE',
      message: expect.stringMatching(/not laid out one row per line.*too large to read whole/),
    });
  });

  it('refuses an export from a newer Tenang, and anything that is not an export', async () => {
    expect(() => parseExportDocument({ ...original, schemaVersion: LATEST_SCHEMA_VERSION + 1 })).toThrow(expect.objectContaining({ code: 'VAULT_TOO_NEW' }));
    expect(() => parseExportDocument({ ...original, formatVersion: 2 })).toThrow(expect.objectContaining({ code: 'VAULT_TOO_NEW' }));
    expect(() => parseExportDocument({ format: 'something-else' })).toThrow(expect.objectContaining({ code: 'EXPORT_UNREADABLE' }));
    expect(() => parseExportDocument({ ...original, tables: { agency: [{ id: 1, name: { nested: true } }] } })).toThrow(expect.objectContaining({ code: 'EXPORT_UNREADABLE' }));
    writeFileSync(path('cut.json'), readFileSync(path('plain.json'), 'utf8').slice(0, 5000));
    await expect(loadExportFile(path('cut.json'), noPassphrase)).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
  });

  it('restores an export from an older schema into that schema, then migrates it', async () => {
    // A version-3 export: the same vault before any later schema's tables existed (schema 3's
    // tables are fixed for good; every table added since is left out, however many there are).
    const schema3 = new Set(['user_account', 'setting', 'audit_entry', 'audit_head', 'draft', 'agency', 'contract']);
    const v3 = structuredClone(beforeDemo);
    for (const table of Object.keys(v3.tables).filter((name) => !schema3.has(name))) {
      expect(v3.tables[table], table).toEqual([]);
      delete v3.tables[table];
    }
    const result = await restore({ ...v3, schemaVersion: 3 }, path('restored-v3'));
    expect(result).toMatchObject({ migratedFrom: 3, schemaVersion: LATEST_SCHEMA_VERSION, auditChainValid: true });
    const restored = await readRestored(path('restored-v3'), result.recoveryKey);
    expect(restored.document.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(restored.document.tables.referral).toEqual([]);
    expect(restored.document.tables.agency).toEqual(beforeDemo.tables.agency);
  });

  it('restores sessions in id order whatever order the file lists them in, so the room triggers meet what they met', async () => {
    // Three workshops sharing the hall, each with another counsellor: A (20 places) 09–11,
    // B (10) 10–12, C (10) 11–13. Booked A, B, C, each fits (A+B = 30, B+C = 20); written
    // A, C, B, the last would meet A and C (40 > 30) and be refused.
    const document = structuredClone(original);
    const sessions = document.tables.session!;
    const hall = document.tables.room!.find((r) => r.name === 'Aula')!;
    const counsellors = document.tables.user_account!.filter((u) => u.role === 'counsellor').map((u) => u.id);
    const template = sessions.find((s) => s.session_type === 'group_workshop')!;
    const day = Date.parse('2030-03-04T02:00:00Z'); // 09:00 in Jakarta, years after any demo session
    let id = document.sequences.session!;
    const workshop = (hour: number, capacity: number, counsellor: ExportValue): ExportRow => ({
      ...template,
      id: ++id,
      counsellor_id: counsellor,
      room_id: hall.id!,
      modality: 'in_person',
      video_link: '',
      start_ms: day + hour * 3600_000,
      end_ms: day + (hour + 2) * 3600_000,
      status: 'scheduled',
      status_reason: '',
      capacity,
      head_count: null,
      series_id: null,
    });
    const [a, b, c] = [workshop(0, 20, counsellors[0]!), workshop(1, 10, counsellors[1]!), workshop(2, 10, counsellors[2]!)];
    sessions.push(a, c, b);
    document.sequences.session = id;
    const result = await restore(document, path('restored-order'));
    const restored = await readRestored(path('restored-order'), result.recoveryKey);
    expect(restored.document.tables.session).toEqual([...original.tables.session!, a, b, c]);
  });

  it('refuses a folder that holds a vault or any file, and changes nothing there', async () => {
    const occupied = path('occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'notes.txt'), 'mine');
    await expect(restore(original, occupied)).rejects.toMatchObject({ code: 'VAULT_NOT_EMPTY' });
    expect(readdirSync(occupied)).toEqual(['notes.txt']);
    await expect(restore(original, path('restored'))).rejects.toMatchObject({ code: 'VAULT_NOT_EMPTY' });
  });

  it('refuses an export whose rows break the vault, or a user who is not an active admin in it, and leaves no folder behind', async () => {
    const broken = structuredClone(original);
    broken.tables.referral![0]!.client_id = 999_999;
    await expect(restore(broken, path('broken'))).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
    expect(existsSync(path('broken'))).toBe(false);

    const extraColumn = structuredClone(original);
    extraColumn.tables.agency![0]!.secret_column = 'x';
    await expect(restore(extraColumn, path('broken'))).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
    const missingTable = structuredClone(original);
    delete missingTable.tables.contract;
    await expect(restore(missingTable, path('broken'))).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
    // The audit head must be the chain's last link, as the trigger would make it.
    const wrongHead = structuredClone(original);
    wrongHead.tables.audit_head![0]!.seq = 1;
    await expect(restore(wrongHead, path('broken'))).rejects.toMatchObject({ code: 'EXPORT_UNREADABLE' });
    expect(existsSync(path('broken'))).toBe(false);

    await expect(restore(original, path('broken'), { username: 'budi' })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(restore(original, path('broken'), { username: original.tables.user_account![1]!.username as string })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(restore(original, path('broken'), { passphrase: 'password123' })).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'newPassphrase' }] });
    expect(existsSync(path('broken'))).toBe(false);
  });
});

/**
 * Outcome measures (issue 12) through an export and a restore: the export is generic over
 * tables, so this proves it on what the channels answer. Every administration, the
 * alerts (followed up by a note, by a flag, and one still open), an instrument switched
 * off, an added instrument file, the clinic's default plan and a case's own plan. The
 * restore only inserts, so the immutability triggers (no UPDATE or DELETE of answers, no
 * change to a recorded follow-up) never fire while it runs, and they still guard the
 * restored vault.
 */
describe('restoring outcome measures', () => {
  const work = tempVaultDir();
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    work.cleanup();
  });

  /** Every measures answer about the clinic, its client and case: as the admin, then as the counsellor (who sees answers). */
  async function measuresAnswers(app: TenangApp, admin: { username: string; passphrase: string }, clientId: number, caseId: number): Promise<Record<string, unknown>> {
    await signIn(app, admin);
    const asAdmin = {
      catalogue: expectOk(await app.dispatch('measures.catalogue', { language: 'en' })),
      defaultPlan: expectOk(await app.dispatch('measures.defaultPlan', {})),
      listByClient: expectOk(await app.dispatch('measures.list', { clientId })),
      alerts: expectOk(await app.dispatch('measures.alerts', { clientId })),
      outcome: expectOk(await app.dispatch('measures.caseOutcome', { caseId })),
    };
    await signIn(app, COUNSELLOR);
    return {
      ...asAdmin,
      listByCase: expectOk(await app.dispatch('measures.list', { caseId })),
      plan: expectOk(await app.dispatch('measures.plan', { caseId })),
      due: expectOk(await app.dispatch('measures.due', { caseId })),
      instruments: expectOk(await app.dispatch('measures.instruments', { language: 'id' })),
    };
  }

  it('answers measures.list, alerts, caseOutcome, catalogue and plans the same after an export and a restore', async () => {
    const c = await bookingClinic();
    cleanups.push(c.cleanup);
    // The admin switches the PSS-10 off, adds a licensed file, and sets the clinic's plan.
    await call(c.app, 'measures.setEnabled', { instrumentId: 'pss10', enabled: false });
    await call(c.app, 'measures.addInstrument', { fileText: JSON.stringify({ ...gad7File, id: 'gad7_clinic', version: '2-clinic', shortName: 'GAD-7 (clinic)' }) });
    await call(c.app, 'measures.setDefaultPlan', { plan: { instruments: ['phq9', 'gad7'], atIntake: true, everySessions: 3, atClosure: true } });

    await signIn(c.app, COUNSELLOR);
    await call(c.app, 'measures.setPlan', { caseId: c.caseId, plan: { instruments: ['phq9', 'gad7_clinic', 'who5'], atIntake: true, everySessions: 2, atClosure: false } });
    const record = (instrumentId: string, responses: (number | null)[], administeredAt: string, mode = 'counsellor') =>
      call<Administration>(c.app, 'measures.record', { caseId: c.caseId, instrumentId, administeredAt, mode, responses });
    const byNote = await record('phq9', [2, 2, 1, 2, 1, 1, 1, 1, 1], '2026-11-28T08:00');
    const [noteAlert] = (await call<ChannelOutput<'measures.alerts'>>(c.app, 'measures.alerts', { clientId: c.clientId })).alerts;
    await call(c.app, 'measures.followUpAlert', { alertId: noteAlert!.id, note: 'Passive thoughts only, no plan or intent; safety plan agreed.' });
    await record('phq9', [3, 2, 2, 2, 2, 1, 1, null, 2], '2026-11-28T08:10', 'client');
    await call(c.app, 'risks.raise', { clientId: c.clientId, caseId: c.caseId, kind: 'suicide_self_harm', level: 'medium', reviewDate: '2026-12-04', note: 'Item 9 answered on more than half the days; flag raised.' });
    await record('gad7_clinic', [2, 1, 2, 1, 1, 0, 1], '2026-11-28T08:15');
    await record('gad7', [2, 2, 2, 1, null, 1, 1], '2026-11-28T08:16');
    await record('who5', [2, 3, 2, 1, 2], '2026-11-28T08:17');
    await record('cbi', [1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 2, 1, 3, 2, 2, null, 3, 2, 2], '2026-11-28T08:18');
    await record('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1], '2026-11-28T08:40');
    const answers = await measuresAnswers(c.app, ADMIN, c.clientId, c.caseId);
    // What the vault holds: alerts followed up by a note and by a flag, and one open; an added and a switched-off instrument.
    const alerts = (answers.alerts as ChannelOutput<'measures.alerts'>).alerts;
    expect(alerts.map((a) => a.followUp?.kind ?? null)).toEqual([null, 'note', 'risk_flag']);
    expect((answers.listByCase as ChannelOutput<'measures.list'>).administrations.map((a) => a.responses)).toContainEqual(byNote.responses);
    const entries = (answers.catalogue as ChannelOutput<'measures.catalogue'>).entries;
    expect(entries.map((e) => [e.instrument.id, e.enabled, e.instrument.bundled])).toContainEqual(['pss10', false, true]);
    expect(entries.map((e) => [e.instrument.id, e.enabled, e.instrument.bundled])).toContainEqual(['gad7_clinic', true, false]);

    await signIn(c.app, ADMIN);
    const file = join(work.dir, 'measures.json');
    mkdirSync(work.dir, { recursive: true });
    await c.app.exportVault({ path: file, force: false, passphrase: null, reason: EXPORT_REASON });
    const { document } = await loadExportFile(file, noPassphrase);
    const dir = join(work.dir, 'restored');
    await restoreExport({ folder: new VaultFolder(dir), clock: c.clock }, { document, username: ADMIN.username, newPassphrase: NEW_PASSPHRASE, encrypted: false });

    const restored = createTenangApp({ vaultDir: dir, clock: c.clock });
    cleanups.push(() => restored.close());
    await signIn(restored, { username: ADMIN.username, passphrase: NEW_PASSPHRASE });
    // Only the admin has a key slot in a restored vault: they give the counsellor a passphrase again.
    expectOk(await restored.dispatch('users.resetPassphrase', { userId: c.counsellorId, newPassphrase: COUNSELLOR.passphrase, confirmPassphrase: COUNSELLOR.passphrase }));
    expect(await measuresAnswers(restored, { username: ADMIN.username, passphrase: NEW_PASSPHRASE }, c.clientId, c.caseId)).toEqual(answers);

    // The triggers still guard the restored answers and follow-ups…
    await signIn(restored, { username: ADMIN.username, passphrase: NEW_PASSPHRASE });
    await restored.runAdminTask('test', async (session) => {
      const raw = rawConnection(session.dataSource);
      expect(() => raw.prepare("UPDATE measure_administration SET mode = 'client'").run()).toThrow(/answers are kept as given/);
      expect(() => raw.prepare('DELETE FROM measure_administration').run()).toThrow(/answers are kept as given/);
      expect(() => raw.prepare('UPDATE measure_alert SET follow_up_kind = NULL, followed_up_at = NULL WHERE followed_up_at IS NOT NULL').run()).toThrow(/a follow-up is kept as recorded/);
      expect(() => raw.prepare('DELETE FROM measure_alert').run()).toThrow(/alerts are kept/);
    });
    // …and the open alert is followed up there as anywhere, after which the case can close.
    await signIn(restored, COUNSELLOR);
    await call(restored, 'measures.followUpAlert', { alertId: alerts[0]!.id, note: 'Reviewed at the restored clinic: no current thoughts of self-harm.' });
    await call(restored, 'cases.close', { id: c.caseId, closedDate: '2026-11-28', closureReason: 'completed' });
  });
});
