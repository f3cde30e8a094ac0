import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import id from '../../shared/i18n/id.json' with { type: 'json' };
import { reportDocumentSchema } from '../../shared/reports/report-document';
import { HIDDEN_TRUTHS, sampleReportDocument } from '../../tests/helpers/report-document-fixture';
import { pdfTextLines } from '../../tests/helpers/pdf-text';
import { makeReportFile } from './report-files';
import { renderReportPdf } from './pdf/report-pdf';
import { isWinAnsi, toWinAnsi } from './pdf/win-ansi';
import { parseSignatureFile, signerFromPkcs8, type ReportSigner } from './report-signature';
import { verifyReportFile } from './verify-report';

const newSigner = (): ReportSigner => signerFromPkcs8(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
const signer = newSigner();
const otherSigner = newSigner();
const folder = mkdtempSync(join(tmpdir(), 'tenang-report-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fileNumber = 0;
/** Write a report file (and its .sig) to the temp folder; returns its path. */
function writeFile(name: string, bytes: Uint8Array, signatureFile: string | null): string {
  const path = join(folder, `${++fileNumber}-${name}`);
  writeFileSync(path, bytes);
  if (signatureFile !== null) writeFileSync(`${path}.sig`, signatureFile);
  return path;
}

/** The bytes with one byte changed: the last character of the first occurrence of `marker` becomes `to`. */
function changeByte(bytes: Buffer, marker: string, to: string): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf(marker, 0, 'latin1');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(copy[at + marker.length - 1]).not.toBe(to.charCodeAt(0));
  copy[at + marker.length - 1] = to.charCodeAt(0);
  return copy;
}

describe('the JSON report', () => {
  it('is the document as published, with an Ed25519 signature that verifies with the public-key line', async () => {
    const document = sampleReportDocument('en');
    const file = await makeReportFile(document, 'json', signer);
    const parsed = reportDocumentSchema.parse(JSON.parse(file.bytes.toString('utf8')));
    expect({ ...parsed, signature: null }).toEqual(document);
    expect(parsed.signature).toMatchObject({ algorithm: 'Ed25519', publicKey: signer.publicKeyLine });
    expect(file.signatureFile).toBeNull();
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const path = writeFile('report.json', file.bytes, null);
    expect(verifyReportFile(path, signer.publicKeyLine)).toEqual({ ok: true, signedBy: 'embedded' });
    // Laid out differently, the same content still verifies: the signature covers the canonical JSON.
    const compact = writeFile('compact.json', Buffer.from(JSON.stringify(JSON.parse(file.bytes.toString('utf8')))), null);
    expect(verifyReportFile(compact, signer.publicKeyLine)).toEqual({ ok: true, signedBy: 'embedded' });
  });

  it('fails when a byte of the content changed, with another key, or without its signature', async () => {
    const file = await makeReportFile(sampleReportDocument('en'), 'json', signer);
    // "minCellSize": 5 becomes 6; a hidden cell's null becomes nul (no longer JSON).
    expect(verifyReportFile(writeFile('changed.json', changeByte(file.bytes, '"minCellSize": 5', '6'), null), signer.publicKeyLine)).toEqual({ ok: false, reason: 'changed' });
    expect(verifyReportFile(writeFile('broken.json', changeByte(file.bytes, 'null', ' '), null), signer.publicKeyLine).ok).toBe(false);
    const path = writeFile('intact.json', file.bytes, null);
    expect(verifyReportFile(path, otherSigner.publicKeyLine)).toEqual({ ok: false, reason: 'wrong_key' });
    const unsigned = { ...JSON.parse(file.bytes.toString('utf8')), signature: null };
    expect(verifyReportFile(writeFile('unsigned.json', Buffer.from(JSON.stringify(unsigned)), null), signer.publicKeyLine)).toEqual({ ok: false, reason: 'no_signature' });
    expect(verifyReportFile(path, 'tenang-ed25519:not-a-key')).toEqual({ ok: false, reason: 'bad_key' });
    expect(verifyReportFile(join(folder, 'missing.json'), signer.publicKeyLine)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses a document that does not have the published shape', async () => {
    const broken = { ...sampleReportDocument('en'), minCellSize: 1 };
    await expect(makeReportFile(broken, 'json', signer)).rejects.toThrow();
  });
});

describe('the CSV report', () => {
  it('is tidy: report facts, every cell and total of every table, every metric part, the insight shares; hidden values empty', async () => {
    const document = sampleReportDocument('en');
    const file = await makeReportFile(document, 'csv', signer);
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('table,row,column,value\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(rows.every((row) => row.length === 4)).toBe(true);
    const value = (table: string, row: string, column: string) => rows.filter((r) => r[0] === table && r[1] === row && r[2] === column).map((r) => r[3]);
    expect(value('report', 'clinic', '')).toEqual(['Klinik Konseling Harapan']);
    expect(value('report', 'period_from', '')).toEqual(['2026-07']);
    expect(value('report', 'min_cell_size', '')).toEqual(['5']);
    expect(value('referrals_by_type', 'Self-referral', 'Referrals')).toEqual(['23']);
    expect(value('referrals_by_type', 'Informal referral', 'Referrals')).toEqual(['']);
    expect(value('referrals_by_type', 'Total', 'Total')).toEqual(['48']);
    expect(value('sessions_by_type_and_modality', 'Intake assessment', 'Total')).toEqual(['26']);
    expect(value('sessions_by_type_and_modality', 'Total', 'Phone')).toEqual(['']);
    expect(value('sessions_by_type_and_modality', 'Total', 'Total')).toEqual(['154']);
    expect(value('session_attendance', 'Total', 'Total')).toEqual(['']);
    expect(value('metric', 'utilisation_rate', 'value')).toEqual([String(62 / 1200)]);
    expect(value('metric', 'utilisation_rate', 'numerator')).toEqual(['62']);
    expect(value('metric', 'reliable_deterioration_rate', 'numerator')).toEqual(['']);
    expect(value('insight', 'Interpersonal conflict at work', 'share')).toEqual(['']);
    expect(value('insight', 'Interpersonal conflict at work', 'sector_share')).toEqual(['0.12']);
    // Every cell of every table is there once, and its totals.
    for (const table of document.tables) {
      const lines = rows.filter((r) => r[0] === table.id);
      expect(lines).toHaveLength(table.rowLabels.length * table.colLabels.length + table.rowLabels.length + table.colLabels.length + 1);
    }
    for (const truth of HIDDEN_TRUTHS) expect(rows.some((r) => r[3] === String(truth))).toBe(false);
  });

  it('in Indonesian, labels and the word for total are Indonesian; table ids and metric ids stay', async () => {
    const rows = Papa.parse<string[]>((await makeReportFile(sampleReportDocument('id'), 'csv', signer)).bytes.toString('utf8').trimEnd(), { newline: '\r\n' }).data;
    expect(rows).toContainEqual(['referrals_by_type', 'Rujukan mandiri', 'Rujukan', '23']);
    expect(rows).toContainEqual(['referrals_by_type', 'Jumlah', 'Jumlah', '48']);
    expect(rows).toContainEqual(['metric', 'new_referrals', 'value', '48']);
  });

  it('quotes by RFC 4180 and keeps text a spreadsheet would run as a formula from being one', async () => {
    const document = sampleReportDocument('en');
    document.scope.name = '=HYPERLINK("http://x","Dinas, Kota")';
    const text = (await makeReportFile(document, 'csv', signer)).bytes.toString('utf8');
    expect(text).toContain('report,scope_name,,"\'=HYPERLINK(""http://x"",""Dinas, Kota"")"\r\n');
    // A negative number is a number, not a formula.
    document.metrics = [{ id: 'who5_mean_change', label: 'x', value: -2.5, numerator: null, denominator: 21 }];
    expect((await makeReportFile(document, 'csv', signer)).bytes.toString('utf8')).toContain('metric,who5_mean_change,value,-2.5\r\n');
  });

  it('is signed by the .sig beside it: intact verifies; a changed byte, another key or no .sig fails', async () => {
    const file = await makeReportFile(sampleReportDocument('en'), 'csv', signer);
    expect(parseSignatureFile(file.signatureFile!)).toMatchObject({ publicKeyLine: signer.publicKeyLine });
    expect(file.signatureFile).toMatch(/^tenang-signature\/1 tenang-ed25519:[A-Za-z0-9+/]{43}= [A-Za-z0-9+/]{86}==\n$/);
    const path = writeFile('report.csv', file.bytes, file.signatureFile);
    expect(verifyReportFile(path, signer.publicKeyLine)).toEqual({ ok: true, signedBy: 'sig_file' });
    expect(verifyReportFile(path, otherSigner.publicKeyLine)).toEqual({ ok: false, reason: 'wrong_key' });
    expect(verifyReportFile(writeFile('changed.csv', changeByte(file.bytes, ',23', '4'), file.signatureFile), signer.publicKeyLine)).toEqual({ ok: false, reason: 'changed' });
    expect(verifyReportFile(writeFile('nosig.csv', file.bytes, null), signer.publicKeyLine)).toEqual({ ok: false, reason: 'no_signature' });
    expect(verifyReportFile(writeFile('badsig.csv', file.bytes, 'hello\n'), signer.publicKeyLine)).toEqual({ ok: false, reason: 'no_signature' });
  });
});

describe('the PDF report', () => {
  it('has extractable text: clinic, scope, period in words, key figures, tables, insight, definitions and the hidden mark with its legend', async () => {
    const document = sampleReportDocument('en');
    const pages = await pdfTextLines((await renderReportPdf(document)).bytes);
    const text = pages.flat().join('\n');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const expected of [
      'Klinik Konseling Harapan',
      'Counselling service report',
      'Agency Dinas Pemadam Kebakaran Kota Semarang',
      'Period July–September 2026',
      'Generated October 2026',
      'Counts from 1 to 4 are not published (minimum cell size 5); zero may be shown.',
      'n.p. = not published to protect confidentiality',
      'Utilisation rate 5.2% 62 1,200',
      'First appointment within target: routine 81.1% 30 37',
      'Reliable deterioration rate n.p. n.p. 21',
      'Mean change in WHO-5 (0–100) 6.3 — 21',
      'Self-referral 23 23',
      'Informal referral n.p. n.p.',
      'Intake assessment 21 n.p. n.p. 26',
      'Total 112 n.p. n.p. 154',
      'Conflict-resolution training for public-facing staff',
      'Why: Conflict with the public is 2.1× the sector’s share (18.8% against 8.9%).',
      'Definitions',
      // "≥" is not in the standard fonts' encoding: written as ">=".
      'Of the closed cases that started at caseness (PHQ-9 >= 10 or GAD-7 >= 8), those that ended below caseness on both.',
      `Page 1 of ${pages.length}`,
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    }
    for (const title of document.tables.map((t) => t.title)) expect(text).toContain(title);
  });

  it('never shows a hidden value: no count the builder hid, nor one worked out from the published totals', async () => {
    const pages = await pdfTextLines((await renderReportPdf(sampleReportDocument('en'))).bytes);
    const tokens = new Set(pages.flat().join(' ').split(/[\s()]+/));
    for (const truth of HIDDEN_TRUTHS) expect(tokens.has(String(truth))).toBe(false);
    // Every row with a hidden cell shows the mark in its place, and the bar's stub beside it.
    const line = (start: string) => pages.flat().find((l) => l.startsWith(start));
    expect(line('Critical-incident referral')).toBe('Critical-incident referral n.p. n.p.');
    expect(line('Late cancellation')).toBe('Late cancellation n.p. n.p.');
  });

  it('in Indonesian: months, labels and the mark "t.d." are Indonesian', async () => {
    const text = (await pdfTextLines((await renderReportPdf(sampleReportDocument('id'))).bytes)).flat().join(' ');
    for (const expected of ['Laporan layanan konseling', 'Periode Juli–September 2026', 'Dibuat Oktober 2026', 't.d. = tidak dipublikasikan demi menjaga kerahasiaan', 'Rujukan informal t.d. t.d.', 'Tingkat pemanfaatan 5,2% 62 1.200', 'Definisi', 'Halaman 1 dari']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('n.p.');
  });

  it('draws only strings the standard fonts can encode, and its fixed labels need no substitution', async () => {
    for (const language of ['en', 'id'] as const) {
      const { drawn } = await renderReportPdf(sampleReportDocument(language));
      expect(drawn.length).toBeGreaterThan(100);
      expect(drawn.filter((s) => !isWinAnsi(s))).toEqual([]);
    }
    const labels = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(labels));
    expect([...labels(en.reportFile), ...labels(id.reportFile)].filter((s) => !isWinAnsi(s))).toEqual([]);
    expect(toWinAnsi('PHQ-9 ≥ 10 − 2 → 漢 …')).toBe('PHQ-9 >= 10 - 2 -> ? …');
  });

  it('is the same bytes for the same document (its date is the month it was generated), and a changed byte fails its .sig', async () => {
    const document = sampleReportDocument('en');
    const first = await makeReportFile(document, 'pdf', signer);
    const second = await makeReportFile(document, 'pdf', signer);
    expect(first.bytes.equals(second.bytes)).toBe(true);
    expect(first.bytes.toString('latin1')).toContain('(D:20261001000000Z)');
    const path = writeFile('report.pdf', first.bytes, first.signatureFile);
    expect(verifyReportFile(path, signer.publicKeyLine)).toEqual({ ok: true, signedBy: 'sig_file' });
    expect(verifyReportFile(path, otherSigner.publicKeyLine)).toEqual({ ok: false, reason: 'wrong_key' });
    const changed = Buffer.from(first.bytes);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 0x01;
    expect(verifyReportFile(writeFile('changed.pdf', changed, first.signatureFile), signer.publicKeyLine)).toEqual({ ok: false, reason: 'changed' });
    expect(readFileSync(`${path}.sig`, 'utf8')).toBe(first.signatureFile);
  });
});
