import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import en from '../i18n/en.json';
import id from '../i18n/id.json';
import { URGENCIES } from './agencies';
import { CONSENT_LEVELS, PRESENTING_ISSUES, REFERRAL_TYPES } from './referrals';
import {
  CSV_COLUMNS,
  CSV_PROBLEM_CODES,
  codeFromCell,
  columnOfHeader,
  detectSeparator,
  headersAreCanonical,
  parseCsv,
  quoteCsvField,
  readReferralCsv,
  resolveColumns,
  suggestMapping,
  type CsvProblem,
  type CsvProblemCode,
  type CsvSeparator,
} from './referral-csv';

const TODAY = '2026-11-28';
const HEADER = 'agency,received_date,referral_type,urgency,given_name,family_name,date_of_birth,email,phone,presenting_issues,consent_level,reason';
const GOOD = 'Dinas Pendidikan,2026-11-02,self,routine,Siti,Rahmawati,1988-04-12,siti@example.org,+62 812 555 0101,anxiety;burnout,none,Asked for help';

/** Every problem code the tests below saw, to prove each one is reachable. */
const seen = new Set<CsvProblemCode>();
function read(csv: string, options: Partial<Parameters<typeof readReferralCsv>[1]> = {}) {
  const reading = readReferralCsv(csv, { today: TODAY, ...options });
  for (const p of reading.problems) seen.add(p.code);
  return reading;
}
const brief = (problems: CsvProblem[]) => problems.map((p) => `${p.line}:${p.column ?? '-'}:${p.code}`);

describe('reading CSV text', () => {
  it('drops a BOM, detects the separator, and reads quoted separators, doubled quotes and line breaks', () => {
    const text = '\uFEFFname;note\r\n"Rahma; Siti";"She said ""help""\r\nthen left"\r\nBudi;plain\r\n';
    expect(detectSeparator(text)).toBe(';');
    expect(parseCsv(text)).toEqual({
      separator: ';',
      records: [
        { line: 1, cells: ['name', 'note'] },
        // Line breaks inside a quoted field come back as LF, whatever the file used.
        { line: 2, cells: ['Rahma; Siti', 'She said "help"\nthen left'] },
        { line: 4, cells: ['Budi', 'plain'] },
      ],
      problems: [],
    });
    expect(detectSeparator('a,b;c,d')).toBe(',');
    expect(detectSeparator('"a,b,c";d;e')).toBe(';');
    expect(detectSeparator('single')).toBe(',');
  });

  it('counts physical lines across LF, CRLF and CR (mixed) and skips empty lines', () => {
    const text = 'a,b\n\r\n1,"x\ry"\r3,4\n\n\n5,6';
    expect(parseCsv(text).records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', 'x\ny'] },
      { line: 5, cells: ['3', '4'] },
      { line: 8, cells: ['5', '6'] },
    ]);
  });

  it('reports a quote never closed at the line it opened, and text after a closing quote, and stops there', () => {
    expect(parseCsv('a,b\n1,"x\n2,3\n').problems).toEqual([{ line: 2, code: 'quote_unclosed' }]);
    const malformed = parseCsv('a,b\n1,"x"y\n2,3');
    expect(malformed.problems).toEqual([{ line: 2, code: 'quote_malformed' }]);
    expect(malformed.records).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    // A quote inside an unquoted field is only a character.
    expect(parseCsv('a,b\n5" screen,ok').records[1]?.cells).toEqual(['5" screen', 'ok']);
  });

  const special = fc.constantFrom(',', ';', '"', '\n', '\r', '\r\n', ' ', '""', 'é', '😀');
  const unit = fc.oneof(special, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((s) => !s.includes('\uFEFF')));
  const cell = fc.string({ unit, maxLength: 8 });
  const terminator = fc.constantFrom('\n', '\r\n', '\r');

  /** Cells as the reader returns them: every line break inside a field becomes LF. */
  const asRead = (rows: string[][]) => rows.map((row) => row.map((v) => v.replace(/\r\n?/g, '\n')));

  /** Serialise rows as a careful writer does, remembering the line on which each record starts. */
  function serialise(rows: string[][], separator: CsvSeparator, ends: string[], quoteAll: boolean, finalBreak: boolean, quote: (v: string) => string = (v) => quoteCsvField(v, separator)) {
    let text = '';
    const lines: number[] = [];
    rows.forEach((row, r) => {
      lines.push((text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1);
      // A record of one empty cell would be an empty line: a writer quotes it.
      text += row.map((v) => (quoteAll || (row.length === 1 && v === '') ? `"${v.replace(/"/g, '""')}"` : quote(v))).join(separator);
      if (r < rows.length - 1 || finalBreak) text += ends[r % ends.length];
    });
    return { text, lines };
  }

  it('reads back any rows written with proper quoting, cell for cell and line for line (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.constantFrom<CsvSeparator>(',', ';'),
        fc.array(terminator, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (rows, separator, ends, quoteAll, finalBreak, bom) => {
          const { text, lines } = serialise(rows, separator, ends, quoteAll, finalBreak);
          const parsed = parseCsv(bom ? `\uFEFF${text}` : text, separator);
          expect(parsed.problems).toEqual([]);
          expect(parsed.records.map((r) => r.cells)).toEqual(asRead(rows));
          expect(parsed.records.map((r) => r.line)).toEqual(lines);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('detects the separator from a header of column names, whichever is used (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '_', ' ', 'É'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((width) => fc.tuple(fc.array(name, { minLength: width, maxLength: width }), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 4 }))),
        fc.constantFrom<CsvSeparator>(',', ';'),
        terminator,
        ([header, data], separator, end) => {
          // Quote whatever holds either separator: a writer that does so can be read whichever is detected.
          const quote = (v: string) => (/[,;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
          const { text, lines } = serialise([header, ...data], separator, [end], false, true, quote);
          const parsed = parseCsv(text);
          expect(parsed.separator).toBe(separator);
          expect(parsed.records.map((r) => r.cells)).toEqual(asRead([header, ...data]));
          expect(parsed.records.map((r) => r.line)).toEqual(lines);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('codes and labels', () => {
  const vocabularies = [
    ['referralType', REFERRAL_TYPES],
    ['urgency', URGENCIES],
    ['consentLevel', CONSENT_LEVELS],
    ['presentingIssue', PRESENTING_ISSUES],
  ] as const;

  it.each(vocabularies)('%s: every code and its English and Indonesian labels name that code', (vocab, codes) => {
    for (const code of codes) {
      expect(codeFromCell(vocab, code)).toBe(code);
      expect(codeFromCell(vocab, code.toUpperCase().replace(/_/g, ' '))).toBe(code);
      const labels = [(en.vocab[vocab] as Record<string, string>)[code]!, (id.vocab[vocab] as Record<string, string>)[code]!];
      for (const label of labels) {
        expect(codeFromCell(vocab, label)).toBe(code);
        expect(codeFromCell(vocab, `  ${label.toUpperCase()}  `)).toBe(code);
      }
    }
    expect(codeFromCell(vocab, 'no such thing')).toBeNull();
    expect(codeFromCell(vocab, '')).toBeNull();
  });

  it('folds case, accents, spacing and punctuation', () => {
    expect(codeFromCell('referralType', 'self referral')).toBe('self');
    expect(codeFromCell('referralType', 'RUJUKAN   mandiri')).toBe('self');
    expect(codeFromCell('urgency', 'mendesak')).toBe('urgent');
    expect(codeFromCell('presentingIssue', 'Work–life balance')).toBe('work_life_balance');
    expect(codeFromCell('presentingIssue', 'Kecémasan')).toBe('anxiety');
  });

  it('knows each column by its name or its English or Indonesian label, and no two columns share a header', () => {
    for (const column of CSV_COLUMNS) {
      expect(columnOfHeader(column)).toBe(column);
      expect(columnOfHeader(column.toUpperCase().replace(/_/g, ' '))).toBe(column);
      expect(columnOfHeader(en.import.columns[column])).toBe(column);
      expect(columnOfHeader(id.import.columns[column])).toBe(column);
    }
    expect(columnOfHeader('Notes')).toBeNull();
  });
});

describe('columns and mapping', () => {
  it('finds canonical headers in any order, and labels in either language', () => {
    const headers = ['Tanggal diterima', 'Instansi', 'Jenis rujukan', 'URGENCY', 'given name', 'Masalah yang dihadapi', 'Catatan'];
    expect(suggestMapping(headers)).toEqual({
      received_date: 'Tanggal diterima',
      agency: 'Instansi',
      referral_type: 'Jenis rujukan',
      urgency: 'URGENCY',
      given_name: 'given name',
      presenting_issues: 'Masalah yang dihadapi',
    });
    expect(resolveColumns(headers).problems).toEqual([]);
    expect(headersAreCanonical(headers)).toBe(false); // "Catatan" is not ours
    expect(headersAreCanonical(HEADER.split(','))).toBe(true);
  });

  it('uses the mapping where it names a column, with "" for a column not in the file', () => {
    const headers = ['Kantor', 'Tgl', 'Jenis', 'Prioritas', 'Nama', 'Keluhan', 'email'];
    const mapping = { agency: 'Kantor', received_date: 'tgl', referral_type: 'Jenis', urgency: 'Prioritas', given_name: 'Nama', presenting_issues: 'Keluhan', email: '' };
    const { index, problems } = resolveColumns(headers, mapping);
    expect(problems).toEqual([]);
    expect(index).toEqual({ agency: 0, received_date: 1, referral_type: 2, urgency: 3, given_name: 4, presenting_issues: 5 });
  });

  it('refuses a file whose header lacks, repeats or mis-maps columns, at line 1, before any row', () => {
    const missing = read('agency,received_date,referral_type,given_name\nA,2026-11-01,self,Siti\n');
    expect(brief(missing.problems)).toEqual(['1:urgency:missing_column', '1:presenting_issues:missing_column']);
    expect(missing.entries).toEqual([]);
    expect(brief(read(`${HEADER},Urgency\n${GOOD},routine\n`).problems)).toEqual(['1:urgency:duplicate_column']);
    expect(brief(read(`${HEADER}\n${GOOD}\n`, { mapping: { urgency: 'Priority' } }).problems)).toEqual(['1:urgency:mapped_header_missing']);
    expect(brief(read(`${HEADER}\n${GOOD}\n`, { mapping: { urgency: 'urgency', referral_type: 'urgency' } }).problems)).toEqual(['1:urgency:header_mapped_twice']);
    expect(brief(read('').problems)).toEqual(['1:-:empty_file']);
    expect(brief(read('\uFEFF\r\n\r\n').problems)).toEqual(['1:-:empty_file']);
    expect(brief(read(`${HEADER}\n,,,,\n , ,\n`).problems)).toEqual(['1:-:no_rows']);
  });
});

describe('checking rows', () => {
  it('reads a valid row into the intake fields; empty optional cells default', () => {
    const reading = read(`${HEADER}\n${GOOD}\nDinas Pendidikan,2026-11-28,Rujukan informal,Darurat,Budi,,,,,Kecemasan,,\n`);
    expect(reading.problems).toEqual([]);
    expect(reading.rows).toBe(2);
    expect(reading.entries.map((e) => e.row)).toEqual([
      {
        line: 2,
        agency: 'Dinas Pendidikan',
        receivedDate: '2026-11-02',
        referralType: 'self',
        urgency: 'routine',
        givenName: 'Siti',
        familyName: 'Rahmawati',
        dateOfBirth: '1988-04-12',
        email: 'siti@example.org',
        phone: '+62 812 555 0101',
        presentingIssues: ['anxiety', 'burnout'],
        consentLevel: 'none',
        reason: 'Asked for help',
        referrerName: '',
        referrerContact: '',
        consentDate: null,
        consentExpiry: null,
        consentDates: 'month',
      },
      expect.objectContaining({ line: 3, referralType: 'informal', urgency: 'emergency', familyName: '', dateOfBirth: null, presentingIssues: ['anxiety'], consentLevel: 'none' }),
    ]);
  });

  it('imports formal referrals with the optional referrer and consent columns', () => {
    const header = `${HEADER},referrer_name,referrer_contact,consent_date,consent_expiry`;
    const row = 'Dinas Pendidikan,2026-11-02,formal_management,urgent,Siti,Rahmawati,1988-04-12,,,workload_stress,attendance,,Pak Hendra,+62 21 555 0101,2026-11-01,2027-05-01';
    const reading = read(`${header}\n${row}\n`);
    expect(reading.problems).toEqual([]);
    expect(reading.entries[0]?.row).toMatchObject({ referralType: 'formal_management', consentLevel: 'attendance', referrerName: 'Pak Hendra', consentDate: '2026-11-01', consentExpiry: '2027-05-01', consentDates: 'month' });
  });

  it('reads how finely the consent dates sessions: month by default, day by code or label, anything else refused', () => {
    const header = `${HEADER},referrer_name,referrer_contact,consent_date,consent_expiry,consent_dates`;
    const row = (dates: string) => `Dinas Pendidikan,2026-11-02,formal_management,urgent,Siti,Rahmawati,1988-04-12,,,workload_stress,attendance,,Pak Hendra,+62 21 555 0101,2026-11-01,2027-05-01,${dates}`;
    for (const [cell, expected] of [['', 'month'], ['day', 'day'], ['Month', 'month'], [en.referralLetter.consentDates.day, 'day'], [id.referralLetter.consentDates.day, 'day']] as const) {
      const reading = read(`${header}\n${row(cell)}\n`);
      expect(reading.problems, cell).toEqual([]);
      expect(reading.entries[0]?.row?.consentDates, cell).toBe(expected);
    }
    expect(brief(read(`${header}\n${row('weekly')}\n`).problems)).toEqual(['2:consent_dates:unknown_code']);
  });

  it('names every bad cell of every bad line, keeping the physical line numbers', () => {
    const csv = [
      `${HEADER},referrer_name,referrer_contact,consent_date,consent_expiry`,
      `${GOOD},,,,`,
      // line 3: a quoted reason over two lines
      'Dinas Pendidikan,2026-11-03,self,routine,Ani,Wijaya,,,,anxiety,,"first line',
      'second line",,,,',
      // line 5: nearly everything wrong
      'Dinas Pendidikan,2026-02-30,walk-in,soon,,Wijaya,31/12/1990,ani@,call me,"anxiety;astrology",attendance,,,,,',
      // line 6: future dates, a repeated issue, too long a reason
      `Dinas Pendidikan,2026-11-29,self,routine,Cici,,2030-01-01,,,"anxiety;Kecemasan",,${'x'.repeat(501)},,,,`,
      // line 7: a formal referral without its referrer or consent dates
      'Dinas Pendidikan,2026-11-01,formal_management,urgent,Dewi,,,,,burnout,attendance_and_compliance,,,,,',
      // line 8: consent ending before it began; line 9: a bad consent date
      'Dinas Pendidikan,2026-11-01,formal_management,urgent,Eka,,,,,burnout,attendance,,Pak Budi,0812,2026-11-01,2026-10-01',
      'Dinas Pendidikan,2026-11-01,formal_management,urgent,Fajar,,,,,burnout,attendance,,Pak Budi,0812,yesterday,2027-10-01',
      // line 10: too few cells; line 11: too many, not empty
      'Dinas Pendidikan,2026-11-01,self',
      'Dinas Pendidikan,2026-11-02,self,routine,Joko,,,,,anxiety,,,,,,,surplus',
      // line 12: the same person as line 2 (same email, other spelling of the name)
      'DINAS pendidikan,2026-11-04,self,routine,S.,Rahmawati,,SITI@example.org,,burnout,,,,,,',
      // line 13: an empty issue list once split
      'Dinas Pendidikan,2026-11-04,self,routine,Gita,,,,,";",,,,,,',
      // line 14: a quoted value with text after it
      'Dinas Pendidikan,2026-11-04,self,routine,"Hana"x,,,,,anxiety,,,,,,',
    ].join('\r\n');
    const reading = read(csv);
    // Twelve records; reading stops at the broken quote of line 14, which is no row.
    expect(reading.rows).toBe(11);
    expect(brief(reading.problems)).toEqual([
      '5:received_date:bad_date',
      '5:referral_type:unknown_code',
      '5:urgency:unknown_code',
      '5:given_name:required',
      '5:date_of_birth:bad_date',
      '5:email:bad_email',
      '5:phone:bad_phone',
      '5:presenting_issues:unknown_code',
      '6:received_date:future_date',
      '6:date_of_birth:future_date',
      '6:presenting_issues:repeated_code',
      '6:reason:too_long',
      '7:referrer_name:referrer_required',
      '7:referrer_contact:referrer_required',
      '7:consent_date:consent_date_required',
      '7:consent_expiry:consent_expiry_required',
      '8:consent_expiry:consent_expiry_before_date',
      '9:consent_date:bad_date',
      '10:-:field_count',
      '10:urgency:required',
      '10:given_name:required',
      '10:presenting_issues:required',
      '11:-:field_count',
      '12:-:duplicate_in_file',
      '13:presenting_issues:required',
      '14:-:quote_malformed',
    ]);
    // Only the clean lines carry a row for intake.
    expect(reading.entries.filter((e) => e.row).map((e) => e.line)).toEqual([2, 3]);
    expect(reading.entries.map((e) => e.agency)).toContain('DINAS pendidikan');
  });

  it('refuses consent on a referral that is not formal, and a name too long', () => {
    const reading = read(`${HEADER}\nDinas A,2026-11-01,self,routine,${'n'.repeat(81)},,,,,anxiety,attendance,\n`);
    expect(brief(reading.problems)).toEqual(['2:given_name:too_long', '2:consent_level:consent_only_formal']);
  });

  it('refuses the same name and date of birth twice for one agency, but not for two agencies', () => {
    const twice = `${HEADER}\nDinas A,2026-11-01,self,routine,Siti,Rahma,1990-01-02,,,anxiety,,\nDinas A,2026-11-02,self,routine,SITI,rahma,1990-01-02,,,burnout,,\n`;
    expect(brief(read(twice).problems)).toEqual(['3:-:duplicate_in_file']);
    expect(read(twice.replace('Dinas A,2026-11-02', 'Dinas B,2026-11-02')).problems).toEqual([]);
    // A shared name without a date of birth or email is no evidence of the same person.
    expect(read(twice.replace(/1990-01-02/g, '')).problems).toEqual([]);
  });

  it('stops at a quote never closed, reporting the line where it opened', () => {
    expect(brief(read(`${HEADER}\n${GOOD}\nDinas A,2026-11-01,self,routine,"Siti,,,,,anxiety,,\n${GOOD}\n`).problems)).toEqual(['3:-:quote_unclosed']);
  });

  it('reaches every problem code it can find without the vault', () => {
    const vaultOnly: CsvProblemCode[] = ['unknown_agency', 'agency_inactive', 'ambiguous_agency', 'ambiguous_client', 'invalid'];
    expect(CSV_PROBLEM_CODES.filter((code) => !seen.has(code) && !vaultOnly.includes(code))).toEqual([]);
  });

  it('translates every problem code and column in both languages', () => {
    for (const language of [en, id]) {
      for (const code of CSV_PROBLEM_CODES) expect((language.import.problems as Record<string, string>)[code]).toBeTruthy();
      for (const column of CSV_COLUMNS) expect(language.import.columns[column]).toBeTruthy();
    }
  });
});
