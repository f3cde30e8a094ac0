import { CSV_COLUMNS, parseCsv, stripBom, suggestMapping, headersAreCanonical, type CsvColumn, type CsvSeparator } from '../../../shared/domain/referral-csv';

/** The largest file the import channel takes (characters). */
export const MAX_CSV_CHARS = 20_000_000;

/** A chosen file, read in the renderer: its text goes to the import channel as it is. */
export interface LoadedFile {
  name: string;
  csv: string;
  headers: string[];
  /** Data rows: records after the header with at least one cell filled in. */
  rows: number;
  separator: CsvSeparator;
  /** True when every header is one of ours, so the matching step can stay folded away. */
  canonical: boolean;
}

export type FileProblem = 'fileEmpty' | 'fileTooLarge' | 'fileUnreadable';

/** Every column mapped to a header of the file, or '' for "not in this file". */
export type FullMapping = Record<CsvColumn, string>;

/** Reads a file as UTF-8 (refusing anything else, which would garble names) and looks at its header. */
export async function loadCsvFile(file: File): Promise<LoadedFile | FileProblem> {
  let text: string;
  try {
    text = stripBom(new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()));
  } catch {
    return 'fileUnreadable';
  }
  if (text.length > MAX_CSV_CHARS) return 'fileTooLarge';
  const parsed = parseCsv(text);
  const [header, ...records] = parsed.records;
  if (!header) return 'fileEmpty';
  const headers = header.cells.map((h) => h.trim());
  return {
    name: file.name,
    csv: text,
    headers,
    rows: records.filter((r) => r.cells.some((c) => c.trim() !== '')).length,
    separator: parsed.separator,
    canonical: headersAreCanonical(headers),
  };
}

/** The matching the headers suggest by themselves (names and labels in either language). */
export function initialMapping(headers: readonly string[]): FullMapping {
  const suggested = suggestMapping(headers);
  return Object.fromEntries(CSV_COLUMNS.map((column) => [column, suggested[column] ?? ''])) as FullMapping;
}
