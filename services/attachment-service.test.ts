import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { COUNSELLOR, addCounsellor, manualClock, setUpClinic, signIn, tempVaultDir } from '../tests/helpers/vault-fixture';
import { createTenangApp } from './tenang-app';
import { assignedReferral, bookingClinic, call, type BookingClinic } from '../tests/helpers/booking-fixture';
import { ATTACHMENT_MAX_BYTES, DOCX_TYPE } from '../shared/domain/attachments';
import type { Attachment } from '../shared/contract';
import { macroDocument, minimalDocx, zipArchive } from '../tests/helpers/zip-archive';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const MARKER = 'PERSETUJUAN-KONSELING-RAHASIA-7731';
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${MARKER}) >> endobj\ntrailer << >>\n%%EOF\n`);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90), Buffer.from('This program cannot be run in DOS mode')]);

async function clinic(): Promise<BookingClinic> {
  const c = await bookingClinic();
  cleanups.push(c.cleanup);
  await signIn(c.app, COUNSELLOR);
  return c;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('attachments', () => {
  it('keeps a PDF inside the encrypted vault: told by its content, audited when opened, never in plain text on disk', async () => {
    const c = await clinic();
    const added = await call<Attachment>(c.app, 'attachments.add', { clientId: c.clientId, caseId: c.caseId, kind: 'consent_form', title: 'Formulir persetujuan', dataBase64: PDF.toString('base64') });
    expect(added).toMatchObject({ mediaType: 'application/pdf', sizeBytes: PDF.length, kind: 'consent_form', addedByName: COUNSELLOR.displayName });
    const { attachments } = await call<{ attachments: Attachment[] }>(c.app, 'attachments.list', { clientId: c.clientId });
    expect(attachments.map((a) => a.id)).toEqual([added.id]);
    expect(attachments[0]).not.toHaveProperty('data');
    const opened = await call<{ dataBase64: string; mediaType: string }>(c.app, 'attachments.get', { id: added.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(PDF)).toBe(true);

    await c.app.lock('manual'); // checkpoints and closes the database
    for (const file of filesUnder(c.dir)) expect(readFileSync(file).includes(MARKER), file).toBe(false);
  });

  it('refuses a renamed executable, an empty or oversized file and another clinician’s client, naming the file field and adding nothing', async () => {
    const c = await clinic();
    const add = (data: Buffer, extra: Record<string, unknown> = {}) => c.app.dispatch('attachments.add', { clientId: c.clientId, kind: 'consent_form', title: 'consent.pdf', dataBase64: data.toString('base64'), ...extra });
    const refused = async (data: Buffer) => {
      const result = await add(data);
      if (result.ok) throw new Error('should be refused');
      return result.error.issues?.[0];
    };
    expect(await refused(EXE)).toMatchObject({ path: 'file', code: 'attachment_type' });
    // A ZIP that merely holds the DOCX part names in a file's content, a .docm, a cut-off DOCX.
    expect(await refused(zipArchive([{ name: 'readme.txt', content: '[Content_Types].xml word/document.xml', method: 'store' }]))).toMatchObject({ path: 'file', code: 'attachment_type' });
    expect(await refused(macroDocument({ withVbaProject: true, withMacroContentType: true }))).toMatchObject({ path: 'file', code: 'attachment_macros' });
    expect(await refused(minimalDocx().subarray(0, 300))).toMatchObject({ path: 'file', code: 'attachment_damaged' });
    expect(await refused(Buffer.alloc(0))).toMatchObject({ path: 'file', code: 'file_empty' });
    expect(await refused(Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]))).toMatchObject({ path: 'file', code: 'attachment_too_large' });
    const badCase = await c.app.dispatch('attachments.add', { clientId: c.clientId, caseId: 999, kind: 'letter', title: 'x', dataBase64: PDF.toString('base64') });
    expect(badCase.ok ? null : badCase.error.issues?.[0]).toMatchObject({ path: 'caseId' });
    expect((await call<{ attachments: Attachment[] }>(c.app, 'attachments.list', { clientId: c.clientId })).attachments).toEqual([]);

    await signIn(c.app, { username: 'ayu', passphrase: 'lembayung senja di pelabuhan' });
    await addCounsellor(c.app, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' });
    await signIn(c.app, { username: 'citra', passphrase: 'hujan rintik di atas genteng tua' });
    const foreign = await add(PDF);
    expect(foreign.ok ? null : foreign.error.code).toBe('NOT_FOUND');
  });
});

describe('opening a document outside the app', () => {
  it('opens a private temporary copy (0600 in a 0700 folder, a name that says nothing) and removes it when the vault locks', async () => {
    const temp = tempVaultDir();
    const opened: Array<{ path: string; bytes: Buffer; mode: number; folderMode: number }> = [];
    const app = createTenangApp({
      vaultDir: temp.dir,
      clock: manualClock(),
      openExternally: async (path) => {
        opened.push({ path, bytes: readFileSync(path), mode: statSync(path).mode & 0o777, folderMode: statSync(dirname(path)).mode & 0o777 });
      },
    });
    cleanups.push(async () => {
      await app.close();
      temp.cleanup();
    });
    await setUpClinic(app);
    const counsellorId = await addCounsellor(app);
    const agency = await call<{ id: number }>(app, 'agencies.create', { name: 'Dinas Sosial', sector: 'social_services' });
    const { clientId } = await assignedReferral(app, agency.id, counsellorId);
    const docx = minimalDocx('Surat rujukan');
    const added = await call<Attachment>(app, 'attachments.add', { clientId, kind: 'letter', title: 'Surat rujukan Siti Rahayu', dataBase64: docx.toString('base64') });
    expect(added.mediaType).toBe(DOCX_TYPE);

    await call(app, 'attachments.openCopy', { id: added.id });
    expect(opened).toHaveLength(1);
    const [copy] = opened;
    expect(copy!.bytes.equals(docx)).toBe(true);
    expect([copy!.mode, copy!.folderMode]).toEqual([0o600, 0o700]);
    expect(basename(copy!.path)).toMatch(/^tenang-document-[0-9a-f]{16}\.docx$/);
    expect(existsSync(copy!.path)).toBe(true);
    await app.lock('manual');
    expect(existsSync(dirname(copy!.path))).toBe(false);
  });

  it('says plainly that the CLI and the browser cannot open a copy', async () => {
    const c = await clinic();
    const added = await call<Attachment>(c.app, 'attachments.add', { clientId: c.clientId, kind: 'consent_form', title: 'Consent', dataBase64: PDF.toString('base64') });
    const result = await c.app.dispatch('attachments.openCopy', { id: added.id });
    expect(result.ok ? null : result.error.code).toBe('OPEN_UNAVAILABLE');
  });
});
