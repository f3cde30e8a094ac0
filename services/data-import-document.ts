import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportDocument, type ExportRow } from './data-export';
import { isEncryptedExport, openEnvelope } from './data-export-envelope';

/**
 * Reading a full export back: the file, its envelope when it is encrypted, and the checks
 * that it is a Tenang export this version can restore. Anything malformed is
 * EXPORT_UNREADABLE, and no message repeats what the file holds.
 */
export function unreadable(detail = 'it is damaged, not a Tenang export, or the passphrase is wrong'): AppError {
  return new AppError('EXPORT_UNREADABLE', `This export file cannot be read: ${detail}.`);
}

const documentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  excludedTables: z.array(z.string()),
  sequences: z.record(z.string(), z.number().int().min(0)),
  tables: z.record(z.string(), z.array(z.unknown())),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadable('it is not complete JSON');
  }
}

/**
 * Load an export file, asking for its passphrase only when it is encrypted. Returns the
 * checked document and whether it was encrypted.
 */
export async function loadExportFile(path: string, askPassphrase: () => Promise<string>): Promise<{ document: ExportDocument; encrypted: boolean }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw unreadable('the file could not be read');
  }
  const parsed = parseJson(textOf(bytes));
  if (!isEncryptedExport(parsed)) return { document: parseExportDocument(parsed), encrypted: false };
  const plaintext = await openEnvelope(parsed, await askPassphrase());
  return { document: parseExportDocument(parseJson(textOf(plaintext))), encrypted: true };
}

/**
 * The file is read whole, as one string: JavaScript's limit on a string's length (about
 * 512 MiB of JSON, some three times the large demo vault) is this version's limit too.
 */
function textOf(bytes: Buffer): string {
  try {
    return bytes.toString('utf8');
  } catch {
    throw unreadable('it is too large for this version of Tenang to read (over about 500 MB of JSON)');
  }
}

/**
 * The document, checked: a Tenang export, a format and schema this version knows (a newer
 * one is refused before anything is written), and rows holding only what SQLite stores.
 */
export function parseExportDocument(parsed: unknown): ExportDocument {
  const result = documentSchema.safeParse(parsed);
  if (!result.success) throw unreadable();
  const document = result.data;
  if (document.formatVersion > EXPORT_FORMAT_VERSION || document.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError('VAULT_TOO_NEW', 'This export was written by a newer version of Tenang. Update Tenang to restore it.');
  }
  for (const rows of Object.values(document.tables)) {
    for (const row of rows) if (!isExportRow(row)) throw unreadable('a row holds a value no Tenang export has');
  }
  return document as ExportDocument;
}

// A hand-written loop, not a zod schema: a large vault has hundreds of thousands of rows.
function isExportRow(row: unknown): row is ExportRow {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  for (const value of Object.values(row)) {
    if (value === null || typeof value === 'string') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    if (typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { base64?: unknown }).base64 === 'string') continue;
    return false;
  }
  return true;
}
