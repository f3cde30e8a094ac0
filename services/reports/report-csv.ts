import Papa from 'papaparse';
import { reportDocumentSchema, type ReportDocument } from '../../shared/reports/report-document';
import { reportFileLabels } from './report-file-text';

/**
 * The CSV report: the document in tidy form, one value a line, `table,row,column,value`
 * (UTF-8 without BOM, RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break). A hidden value is an empty field.
 *
 * - `report` lines first say what the file is: `report,<field>,,<value>` for schema,
 *   clinic, language, scope_kind, scope_name, period_from, period_to, generated_at and
 *   min_cell_size.
 * - Each published table: `<table id>,<row label>,<column label>,<count>` for every cell,
 *   then its row totals (column = the report's word for "Total"), its column totals (row =
 *   "Total") and its grand total (both "Total"). Labels are as published, in the report's
 *   language; the table id is stable across languages.
 * - `metric,<metric id>,value|numerator|denominator,<number>`: rates as fractions (0–1),
 *   means as published.
 * - `insight,<stressor>,share|sector_share,<fraction>`.
 * Text that a spreadsheet would take for a formula (starting with = + - @, tab or CR) is
 * prefixed with an apostrophe; numbers never are (a mean change may be negative).
 */
export const CSV_HEADER = ['table', 'row', 'column', 'value'] as const;

type Line = [string, string, string, string];

const FORMULA_START = /^[=+\-@\t\r]/;
const text = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
const number = (n: number | null) => (n === null ? '' : String(n));

export function reportCsvLines(document: ReportDocument): Line[] {
  const doc = reportDocumentSchema.parse(document);
  const total = reportFileLabels(doc.language).total;
  const lines: Line[] = [];
  const meta: [string, string | number][] = [
    ['schema', doc.schema],
    ['clinic', doc.clinic],
    ['language', doc.language],
    ['scope_kind', doc.scope.kind],
    ['scope_name', doc.scope.name],
    ['period_from', doc.period.from],
    ['period_to', doc.period.to],
    ['generated_at', doc.generatedAt],
    ['min_cell_size', doc.minCellSize],
  ];
  for (const [field, value] of meta) lines.push(['report', field, '', typeof value === 'number' ? String(value) : text(value)]);
  for (const table of doc.tables) {
    const row = (r: number) => text(table.rowLabels[r] ?? '');
    const col = (c: number) => text(table.colLabels[c] ?? '');
    table.cells.forEach((cells, r) => cells.forEach((value, c) => lines.push([table.id, row(r), col(c), number(value)])));
    table.rowTotals.forEach((value, r) => lines.push([table.id, row(r), total, number(value)]));
    table.colTotals.forEach((value, c) => lines.push([table.id, total, col(c), number(value)]));
    lines.push([table.id, total, total, number(table.total)]);
  }
  for (const metric of doc.metrics) {
    lines.push(['metric', metric.id, 'value', number(metric.value)]);
    lines.push(['metric', metric.id, 'numerator', number(metric.numerator)]);
    lines.push(['metric', metric.id, 'denominator', number(metric.denominator)]);
  }
  for (const row of doc.insight) {
    lines.push(['insight', text(row.stressor), 'share', number(row.share)]);
    lines.push(['insight', text(row.stressor), 'sector_share', number(row.sectorShare)]);
  }
  return lines;
}

export function reportCsv(document: ReportDocument): Buffer {
  const csv = Papa.unparse({ fields: [...CSV_HEADER], data: reportCsvLines(document) }, { newline: '\r\n', quotes: false, escapeFormulae: false });
  return Buffer.from(`${csv}\r\n`, 'utf8');
}
