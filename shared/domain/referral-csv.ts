/**
 * CSV import of referrals (issue 3), the pure part: reading the file (UTF-8 with or
 * without BOM, comma or semicolon separated, quoted fields with separators, doubled
 * quotes and line breaks), finding the columns, and checking every row on its own and
 * against the other rows of the file. What needs the vault (agencies, existing clients)
 * is checked by the import service. Problems name a line and a column, never a cell's
 * content: a report of a bad file must not carry anybody's details.
 */
import Papa from 'papaparse';
import en from '../i18n/en.json' with { type: 'json' };
import id from '../i18n/id.json' with { type: 'json' };
import { clientFieldsShape, emailSchema, phoneSchema, referralFieldsShape, referralRuleIssues } from '../contract/referral-schemas';
import { isCalendarDate, URGENCIES, type Urgency } from './agencies';
import { foldEmail, foldName } from './clients';
import { CONSENT_DATES, CONSENT_LEVELS, PRESENTING_ISSUES, REFERRAL_TYPES, type ConsentDates, type ConsentLevel, type PresentingIssue, type ReferralType } from './referrals';

import { CSV_COLUMNS, type CsvColumn } from './csv-columns';
export { CSV_COLUMNS, type CsvColumn };

/** Columns the header must have; every other column may be left out (its cells are then empty). */
export const CSV_REQUIRED_COLUMNS = ['agency', 'received_date', 'referral_type', 'urgency', 'given_name', 'presenting_issues'] as const satisfies readonly CsvColumn[];

/** Which header holds each canonical column; '' means "not in this file". */
export type CsvMapping = Partial<Record<CsvColumn, string>>;

/** Every reason a file or a row is refused; the UI translates them (`import.problems.*`). */
export const CSV_PROBLEM_CODES = [
  // the file and its header (line 1)
  'empty_file',
  'no_rows',
  'missing_column',
  'duplicate_column',
  'mapped_header_missing',
  'header_mapped_twice',
  // the structure of a record
  'quote_unclosed',
  'quote_malformed',
  'field_count',
  // one cell
  'required',
  'bad_date',
  'future_date',
  'unknown_code',
  'repeated_code',
  'too_long',
  'bad_email',
  'bad_phone',
  'invalid',
  // the rules across a referral's fields
  'referrer_required',
  'consent_only_formal',
  'consent_date_required',
  'consent_expiry_required',
  'consent_expiry_before_date',
  // across rows of the file
  'duplicate_in_file',
  // against the vault (checked by the import service)
  'unknown_agency',
  'agency_inactive',
  'ambiguous_agency',
  'ambiguous_client',
] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

export interface CsvProblem {
  /** The physical line of the file where the record starts (the header is line 1). */
  line: number;
  column: CsvColumn | null;
  code: CsvProblemCode;
}

// ---- reading CSV ----------------------------------------------------------------------

export type CsvSeparator = ',' | ';';

export interface CsvRecord {
  /** The physical line where the record starts, counting CRLF, LF and CR as one break each. */
  line: number;
  cells: string[];
}

export interface CsvParse {
  separator: CsvSeparator;
  records: CsvRecord[];
  /** Records whose quoting is broken, by line (an unclosed quote swallows the rest of the file). */
  problems: Array<{ line: number; code: 'quote_unclosed' | 'quote_malformed' }>;
}

/** Drops a UTF-8 byte-order mark read as text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Which separator the file uses: the one that occurs more often outside quotes in its
 * first record (the header). A header of one column has none; then a comma.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of stripBom(text)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads the records with papaparse, remembering the physical line where each starts.
 * Spreadsheets edited on different systems mix CRLF, LF and CR in one file, and
 * papaparse splits on one style per file, so every line break becomes LF first (inside
 * quoted fields too: a reason typed over two lines keeps its two lines). Empty lines are
 * no records. A broken quote swallows the rest of the file, so reading stops there, with
 * the problem reported at the line where that record starts.
 */
export function parseCsv(input: string, separator: CsvSeparator = detectSeparator(input)): CsvParse {
  const text = stripBom(input).replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  const problems: CsvParse['problems'] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (result, parser) => {
      const raw = text.slice(offset, result.meta.cursor);
      const start = line;
      offset = result.meta.cursor;
      line += raw.split('\n').length - 1;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        problems.push({ line: start, code: quoteError.code === 'MissingQuotes' ? 'quote_unclosed' : 'quote_malformed' });
        parser.abort();
        return;
      }
      if (raw.replace(/\n$/, '') !== '') records.push({ line: start, cells: result.data });
    },
  });
  return { separator, records, problems };
}

/** One field as a CSV writer should write it: quoted when it holds a separator, a quote or a line break. */
export function quoteCsvField(value: string, separator: CsvSeparator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---- codes and labels -----------------------------------------------------------------

type Vocab = 'referralType' | 'urgency' | 'consentLevel' | 'presentingIssue' | 'consentDates';
const VOCABS: Record<Vocab, readonly string[]> = {
  referralType: REFERRAL_TYPES,
  urgency: URGENCIES,
  consentLevel: CONSENT_LEVELS,
  presentingIssue: PRESENTING_ISSUES,
  consentDates: CONSENT_DATES,
};

/** The labels of a vocabulary in one language; the consent's dates are labelled with the letters' strings. */
function labelsOf(language: typeof en, vocab: Vocab): Record<string, string> {
  return vocab === 'consentDates' ? language.referralLetter.consentDates : (language.vocab[vocab] as Record<string, string>);
}

/** Folded for comparison: case, accents, spacing and punctuation do not matter. */
const fold = foldName;

/**
 * For each vocabulary, every accepted spelling (folded) and the code it means: the code
 * itself ("formal_management", "formal management") and its English and Indonesian labels.
 */
const ACCEPTED: Record<Vocab, Map<string, string>> = (() => {
  const out = {} as Record<Vocab, Map<string, string>>;
  for (const vocab of Object.keys(VOCABS) as Vocab[]) {
    const map = new Map<string, string>();
    for (const code of VOCABS[vocab]) {
      map.set(fold(code), code);
      for (const language of [en, id]) {
        const label = labelsOf(language, vocab)[code];
        if (label) map.set(fold(label), code);
      }
    }
    out[vocab] = map;
  }
  return out;
})();

/** The code a cell names, by code or by its English or Indonesian label; null when none. */
export function codeFromCell<V extends Vocab>(vocab: V, cell: string): string | null {
  const folded = fold(cell);
  return folded === '' ? null : (ACCEPTED[vocab].get(folded) ?? null);
}

// ---- columns --------------------------------------------------------------------------

/** The headers that name a column without a mapping: its canonical name and its English and Indonesian labels. */
function headerNames(column: CsvColumn): Set<string> {
  return new Set([fold(column), fold(en.import.columns[column]), fold(id.import.columns[column])]);
}
const HEADER_NAMES = new Map(CSV_COLUMNS.map((column) => [column, headerNames(column)] as const));

/** The column a header names by itself (canonical name or a label, case and spacing aside). */
export function columnOfHeader(header: string): CsvColumn | null {
  const folded = fold(header);
  if (folded === '') return null;
  return CSV_COLUMNS.find((column) => HEADER_NAMES.get(column)!.has(folded)) ?? null;
}

/** The mapping a file's headers suggest by themselves: each column to the first header that names it. */
export function suggestMapping(headers: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  for (const header of headers) {
    const column = columnOfHeader(header);
    if (column && mapping[column] === undefined) mapping[column] = header;
  }
  return mapping;
}

/** True when every header of the file is one of ours, so no mapping step is needed. */
export function headersAreCanonical(headers: readonly string[]): boolean {
  const columns = headers.filter((h) => h.trim() !== '').map(columnOfHeader);
  return columns.every((c) => c !== null) && new Set(columns).size === columns.length && CSV_REQUIRED_COLUMNS.every((c) => columns.includes(c));
}

/**
 * Where each column is in the file: by the mapping where it names the column (a header
 * compared trimmed, then folded; '' for "not in this file"), by the header's own name
 * otherwise.
 */
export function resolveColumns(headers: readonly string[], mapping: CsvMapping = {}): { index: Partial<Record<CsvColumn, number>>; problems: CsvProblem[] } {
  const index: Partial<Record<CsvColumn, number>> = {};
  const problems: CsvProblem[] = [];
  const trimmed = headers.map((h) => h.trim());
  const folded = headers.map(fold);
  const decided = new Set<CsvColumn>();
  const taken = new Set<number>();
  for (const column of CSV_COLUMNS) {
    const wanted = mapping[column];
    if (wanted === undefined) continue;
    decided.add(column);
    if (wanted.trim() === '') continue;
    let at = trimmed.indexOf(wanted.trim());
    if (at < 0) at = folded.indexOf(fold(wanted));
    if (at < 0) problems.push({ line: 1, column, code: 'mapped_header_missing' });
    else if (taken.has(at)) problems.push({ line: 1, column, code: 'header_mapped_twice' });
    else {
      index[column] = at;
      taken.add(at);
    }
  }
  headers.forEach((header, at) => {
    const column = columnOfHeader(header);
    if (taken.has(at) || !column || decided.has(column)) return;
    if (index[column] !== undefined) problems.push({ line: 1, column, code: 'duplicate_column' });
    else index[column] = at;
  });
  for (const column of CSV_REQUIRED_COLUMNS) {
    if (index[column] === undefined && !problems.some((p) => p.column === column)) problems.push({ line: 1, column, code: 'missing_column' });
  }
  return { index, problems: sortProblems(problems) };
}

// ---- rows -----------------------------------------------------------------------------

/** A row whose every cell is valid: ready for intake once its agency is found. */
export interface ReferralCsvRow {
  line: number;
  /** The agency as written (trimmed); the service finds it by name. */
  agency: string;
  receivedDate: string;
  referralType: ReferralType;
  urgency: Urgency;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  email: string;
  phone: string;
  presentingIssues: PresentingIssue[];
  consentLevel: ConsentLevel;
  reason: string;
  referrerName: string;
  referrerContact: string;
  consentDate: string | null;
  consentExpiry: string | null;
  consentDates: ConsentDates;
}

/** Every data row of the file: its line, its agency cell, and the checked row when all its cells were valid. */
export interface ReferralCsvEntry {
  line: number;
  agency: string;
  row: ReferralCsvRow | null;
}

export interface ReferralCsvReading {
  separator: CsvSeparator;
  headers: string[];
  /** Data rows (empty lines and rows of empty cells aside). */
  rows: number;
  entries: ReferralCsvEntry[];
  /** Every problem found without the vault, sorted by line and then column. */
  problems: CsvProblem[];
}

export interface ReadOptions {
  mapping?: CsvMapping | undefined;
  /** Today in the clinic's time zone (YYYY-MM-DD): no referral is received, nobody born, after it. */
  today: string;
}

const COLUMN_ORDER = new Map<CsvColumn | null, number>([[null, -1], ...CSV_COLUMNS.map((c, i) => [c, i] as const)]);

export function sortProblems(problems: CsvProblem[]): CsvProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || COLUMN_ORDER.get(a.column)! - COLUMN_ORDER.get(b.column)!);
}

const RULE_CODES: Record<string, { column: CsvColumn | null; code: CsvProblemCode }> = {
  'referrerName:referrer_required': { column: 'referrer_name', code: 'referrer_required' },
  'referrerContact:referrer_required': { column: 'referrer_contact', code: 'referrer_required' },
  'consentLevel:consent_only_formal': { column: 'consent_level', code: 'consent_only_formal' },
  'consentDate:consent_date_required': { column: 'consent_date', code: 'consent_date_required' },
  'consentExpiry:consent_expiry_required': { column: 'consent_expiry', code: 'consent_expiry_required' },
  'consentExpiry:end_before_start': { column: 'consent_expiry', code: 'consent_expiry_before_date' },
};

/** Check one record's cells; the row when every cell is valid. */
function readRow(record: CsvRecord, cell: (column: CsvColumn) => string, today: string, problems: CsvProblem[]): ReferralCsvRow | null {
  const before = problems.length;
  const add = (column: CsvColumn, code: CsvProblemCode) => problems.push({ line: record.line, column, code });

  const required = (column: CsvColumn): string => {
    const value = cell(column);
    if (value === '') add(column, 'required');
    return value;
  };
  /** A cell checked by the contract's own schema for the field; `refused` names what a failure means. */
  const text = (column: CsvColumn, schema: { safeParse(v: unknown): { success: boolean } }, refused: CsvProblemCode = 'too_long'): string => {
    const value = cell(column);
    if (!schema.safeParse(value).success) add(column, refused);
    return value;
  };
  const date = (column: CsvColumn, value: string, notAfterToday: boolean): string | null => {
    if (value === '') return null;
    if (!isCalendarDate(value)) {
      add(column, 'bad_date');
      return null;
    }
    if (notAfterToday && value > today) add(column, 'future_date');
    return value;
  };
  const code = <V extends Vocab>(column: CsvColumn, vocab: V, value: string): string | null => {
    if (value === '') return null;
    const found = codeFromCell(vocab, value);
    if (!found) add(column, 'unknown_code');
    return found;
  };

  const agency = required('agency');
  const receivedDate = date('received_date', required('received_date'), true);
  const referralType = code('referral_type', 'referralType', required('referral_type')) as ReferralType | null;
  const urgency = code('urgency', 'urgency', required('urgency')) as Urgency | null;
  const givenName = required('given_name') === '' ? '' : text('given_name', clientFieldsShape.givenName);
  const familyName = text('family_name', clientFieldsShape.familyName);
  const dateOfBirth = date('date_of_birth', cell('date_of_birth'), true);
  const email = text('email', emailSchema, 'bad_email');
  const phone = text('phone', phoneSchema, 'bad_phone');
  const consentLevel = (cell('consent_level') === '' ? 'none' : code('consent_level', 'consentLevel', cell('consent_level'))) as ConsentLevel | null;
  const reason = text('reason', referralFieldsShape.reason);
  const referrerName = text('referrer_name', referralFieldsShape.referrerName);
  const referrerContact = text('referrer_contact', referralFieldsShape.referrerContact);
  const consentDate = date('consent_date', cell('consent_date'), false);
  const consentExpiry = date('consent_expiry', cell('consent_expiry'), false);
  const consentDates = (cell('consent_dates') === '' ? 'month' : code('consent_dates', 'consentDates', cell('consent_dates'))) as ConsentDates | null;

  const issues: PresentingIssue[] = [];
  const issuesCell = required('presenting_issues');
  if (issuesCell !== '') {
    let unknown = false;
    let repeated = false;
    for (const part of issuesCell.split(/[;,]/).map((p) => p.trim()).filter(Boolean)) {
      const found = codeFromCell('presentingIssue', part) as PresentingIssue | null;
      if (!found) unknown = true;
      else if (issues.includes(found)) repeated = true;
      else issues.push(found);
    }
    if (unknown) add('presenting_issues', 'unknown_code');
    else if (repeated) add('presenting_issues', 'repeated_code');
    else if (issues.length === 0) add('presenting_issues', 'required');
  }

  // The rules across fields; a column already refused above is not refused twice.
  if (referralType && consentLevel) {
    let rules = referralRuleIssues({ referralType, referrerName, referrerContact, consentLevel, consentDate, consentExpiry });
    // Consent on a referral that may not carry any: asking for its dates would only mislead.
    if (rules.some((r) => r.message === 'consent_only_formal')) rules = rules.filter((r) => r.path !== 'consentDate' && r.path !== 'consentExpiry');
    for (const issue of rules) {
      const rule = RULE_CODES[`${issue.path}:${issue.message}`] ?? { column: null, code: 'invalid' as const };
      if (!problems.slice(before).some((p) => p.column === rule.column)) problems.push({ line: record.line, column: rule.column, code: rule.code });
    }
  }

  if (problems.length > before || !receivedDate || !referralType || !urgency || !consentLevel || !consentDates) return null;
  return {
    line: record.line,
    agency,
    receivedDate,
    referralType,
    urgency,
    givenName,
    familyName,
    dateOfBirth,
    email,
    phone,
    presentingIssues: issues,
    consentLevel,
    reason,
    referrerName,
    referrerContact,
    consentDate,
    consentExpiry,
    // Only consent to share attendance is dated; without it the column says nothing.
    consentDates: consentLevel === 'none' ? 'month' : consentDates,
  };
}

/**
 * Read a referral file: its columns, then every row, then the rows against each other
 * (the same person twice for one agency: the same folded name and date of birth, or the
 * same email; the later line is reported). Nothing here needs the vault.
 */
export function readReferralCsv(csv: string, options: ReadOptions): ReferralCsvReading {
  const parsed = parseCsv(csv);
  const [header, ...records] = parsed.records;
  const base = { separator: parsed.separator, headers: header?.cells.map((h) => h.trim()) ?? [], rows: 0, entries: [] as ReferralCsvEntry[] };
  if (!header) {
    const problems = parsed.problems.length > 0 ? parsed.problems.map((p) => ({ line: p.line, column: null, code: p.code })) : [{ line: 1, column: null, code: 'empty_file' as const }];
    return { ...base, problems };
  }
  const columns = resolveColumns(header.cells, options.mapping);
  if (columns.problems.length > 0) return { ...base, problems: columns.problems };

  const problems: CsvProblem[] = parsed.problems.map((p) => ({ line: p.line, column: null, code: p.code }));
  const width = header.cells.length;
  const data = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const entries: ReferralCsvEntry[] = [];
  for (const record of data) {
    const tooMany = record.cells.slice(width).some((c) => c.trim() !== '');
    if (record.cells.length < width || tooMany) problems.push({ line: record.line, column: null, code: 'field_count' });
    const cell = (column: CsvColumn): string => {
      const at = columns.index[column];
      return at === undefined ? '' : (record.cells[at] ?? '').trim();
    };
    entries.push({ line: record.line, agency: cell('agency'), row: readRow(record, cell, options.today, problems) });
    // A row with broken structure is never imported, whatever its cells say.
    if (problems.some((p) => p.line === record.line && p.column === null)) entries[entries.length - 1]!.row = null;
  }
  if (data.length === 0 && parsed.problems.length === 0) problems.push({ line: 1, column: null, code: 'no_rows' });

  // The same person twice for one agency in one file: the later line is refused.
  const seen: Array<{ agency: string; name: string; birth: string | null; email: string }> = [];
  for (const record of data) {
    const cell = (column: CsvColumn): string => {
      const at = columns.index[column];
      return at === undefined ? '' : (record.cells[at] ?? '').trim();
    };
    const birth = isCalendarDate(cell('date_of_birth')) ? cell('date_of_birth') : null;
    const probe = { agency: fold(cell('agency')), name: fold(`${cell('given_name')} ${cell('family_name')}`), birth, email: foldEmail(cell('email')) };
    if (probe.agency !== '' && probe.name !== '') {
      const twin = seen.some((s) => s.agency === probe.agency && ((probe.email !== '' && s.email === probe.email) || (probe.birth !== null && s.birth === probe.birth && s.name === probe.name)));
      if (twin) {
        problems.push({ line: record.line, column: null, code: 'duplicate_in_file' });
        const entry = entries.find((e) => e.line === record.line);
        if (entry) entry.row = null;
      }
      seen.push(probe);
    }
  }

  return { ...base, rows: data.length, entries, problems: sortProblems(problems) };
}
