import type { AtomIdentity, CountToPublish, EarlierCount, PublishedSum, SuppressionProblem } from './disclosure/problem';
import { coarsestPieces } from './pieces';
import type { HiddenPlace, HiddenValue, ReportDocument } from './report-document';
import { REPORT_METRICS, REPORT_TABLES, type BaseCount, type CountRef, type MetricPart, type ReportTableId } from './report-tables';

/**
 * Turns a report's counts into the question disclosure control answers
 * (`disclosure/problem.ts`): which atoms there are, which of them each count of the new
 * report adds up, and what earlier reports of the same agencies published.
 *
 * Atoms are the counts of one table cell for one piece of agencies in one piece of months,
 * the pieces being the coarsest that the new report and every earlier one are unions of
 * (`pieces.ts`). Places of the new report that add up the same atoms (the row total of a
 * one-column table and its cell, the grand total and the only column's total) are one count:
 * they are shown, or hidden, together.
 */
export interface ReportFrame {
  agencyIds: readonly number[];
  months: readonly string[];
}

export interface EarlierReport {
  frame: ReportFrame;
  document: ReportDocument;
  hidden: readonly HiddenValue[];
}

export type TablePlace = Extract<HiddenPlace, { table: string }>;

export interface ReportProblem {
  problem: SuppressionProblem;
  /** The count at a table place of the new report. */
  keyOf(place: TablePlace): string;
  /** The count a metric part names, or null for a figure that is not a table's count. */
  keyOfPart(part: MetricPart): string | null;
  valueOf(key: string): number;
}

type Spec = (typeof REPORT_TABLES)[number];

/** Pairs of tables whose grand totals are the same count: every referral has one type and one urgency. */
const LINKED_TOTALS: ReadonlyArray<readonly [ReportTableId, ReportTableId]> = [['referrals_by_type', 'referrals_by_urgency']];

export function placeId(place: TablePlace): string {
  switch (place.kind) {
    case 'cell':
      return `${place.table}/cell/${place.row}/${place.col}`;
    case 'rowTotal':
      return `${place.table}/row/${place.row}`;
    case 'colTotal':
      return `${place.table}/col/${place.col}`;
    case 'total':
      return `${place.table}/total`;
  }
}

/** Every place of a table the report publishes; only the cells of a table that only feeds metrics. */
export function placesOf(spec: Spec): TablePlace[] {
  const places: TablePlace[] = [];
  spec.rows.forEach((_, row) => spec.cols.forEach((__, col) => places.push({ kind: 'cell', table: spec.id, row, col })));
  if (!spec.published) return places;
  spec.rows.forEach((_, row) => places.push({ kind: 'rowTotal', table: spec.id, row }));
  spec.cols.forEach((_, col) => places.push({ kind: 'colTotal', table: spec.id, col }));
  places.push({ kind: 'total', table: spec.id });
  return places;
}

/** The place a metric part names in its table. */
export function placeOfPart(part: CountRef): TablePlace {
  const spec = REPORT_TABLES.find((t) => t.id === part.table)!;
  if ('total' in part) return { kind: 'total', table: part.table };
  if ('rowTotal' in part) return { kind: 'rowTotal', table: part.table, row: (spec.rows as readonly string[]).indexOf(part.rowTotal) };
  if ('colTotal' in part) return { kind: 'colTotal', table: part.table, col: (spec.cols as readonly string[]).indexOf(part.colTotal) };
  return { kind: 'cell', table: part.table, row: (spec.rows as readonly string[]).indexOf(part.row), col: (spec.cols as readonly string[]).indexOf(part.col) };
}

/** The cells (row, col) a place adds up. */
function cellsOf(spec: Spec, place: TablePlace): Array<[number, number]> {
  const rows = spec.rows.map((_, i) => i);
  const cols = spec.cols.map((_, i) => i);
  switch (place.kind) {
    case 'cell':
      return [[place.row, place.col]];
    case 'rowTotal':
      return cols.map((col) => [place.row, col]);
    case 'colTotal':
      return rows.map((row) => [row, place.col]);
    case 'total':
      return rows.flatMap((row) => cols.map((col): [number, number] => [row, col]));
  }
}

export function buildReportProblem(k: number, counts: readonly BaseCount[], frame: ReportFrame, earlier: readonly EarlierReport[]): ReportProblem {
  const frames = [frame, ...earlier.map((e) => e.frame)];
  const agencyPieces = coarsestPieces([...new Set(frames.flatMap((f) => f.agencyIds))].sort((a, b) => a - b), frames.map((f) => f.agencyIds));
  const monthPieces = coarsestPieces([...new Set(frames.flatMap((f) => f.months))].sort(), frames.map((f) => f.months));
  const agencyPiece = new Map(agencyPieces.flatMap((piece, i) => piece.map((id) => [id, i] as const)));
  const monthPiece = new Map(monthPieces.flatMap((piece, i) => piece.map((month) => [month, i] as const)));

  // Atom of (table, row, col, agency piece, month piece), numbered table by table.
  const tableOffset = new Map<string, number>();
  let atomCount = 0;
  for (const spec of REPORT_TABLES) {
    tableOffset.set(spec.id, atomCount);
    atomCount += spec.rows.length * spec.cols.length * agencyPieces.length * monthPieces.length;
  }
  const atomIndex = (spec: Spec, row: number, col: number, agency: number, month: number) =>
    tableOffset.get(spec.id)! + ((row * spec.cols.length + col) * agencyPieces.length + agency) * monthPieces.length + month;
  const atomValues = new Array<number>(atomCount).fill(0);
  for (const count of counts) {
    const spec = REPORT_TABLES.find((t) => t.id === count.table);
    const row = (spec?.rows as readonly string[] | undefined)?.indexOf(count.row) ?? -1;
    const col = (spec?.cols as readonly string[] | undefined)?.indexOf(count.col) ?? -1;
    const agency = agencyPiece.get(count.agencyId);
    const month = monthPiece.get(count.month);
    if (!spec || row < 0 || col < 0 || agency === undefined || month === undefined) continue;
    atomValues[atomIndex(spec, row, col, agency, month)]! += count.value;
  }

  const atomsOf = (spec: Spec, place: TablePlace, f: ReportFrame): number[] => {
    const agencies = [...new Set(f.agencyIds.map((id) => agencyPiece.get(id)!))];
    const months = [...new Set(f.months.map((m) => monthPiece.get(m)!))];
    return cellsOf(spec, place).flatMap(([row, col]) => agencies.flatMap((a) => months.map((m) => atomIndex(spec, row, col, a, m)))).sort((x, y) => x - y);
  };

  const countByAtoms = new Map<string, CountToPublish>();
  const keyByPlace = new Map<string, string>();
  const sums: PublishedSum[] = [];
  for (const spec of REPORT_TABLES) {
    for (const place of placesOf(spec)) {
      const atoms = atomsOf(spec, place, frame);
      const signature = atoms.join(',');
      let count = countByAtoms.get(signature);
      if (!count) {
        count = { key: placeId(place), atoms };
        countByAtoms.set(signature, count);
      }
      keyByPlace.set(placeId(place), count.key);
    }
    if (!spec.published) continue;
    const key = (place: TablePlace) => keyByPlace.get(placeId(place))!;
    const addSum = (total: string, parts: string[]) => {
      if (parts.length > 1 || parts[0] !== total) sums.push({ total, parts });
    };
    spec.rows.forEach((_, row) => addSum(key({ kind: 'rowTotal', table: spec.id, row }), spec.cols.map((__, col) => key({ kind: 'cell', table: spec.id, row, col }))));
    spec.cols.forEach((_, col) => addSum(key({ kind: 'colTotal', table: spec.id, col }), spec.rows.map((__, row) => key({ kind: 'cell', table: spec.id, row, col }))));
    const total = key({ kind: 'total', table: spec.id });
    addSum(total, spec.rows.map((_, row) => key({ kind: 'rowTotal', table: spec.id, row })));
    addSum(total, spec.cols.map((_, col) => key({ kind: 'colTotal', table: spec.id, col })));
  }

  // Tables that count the same things another way: their totals are equal, which an attacker knows even when one is hidden.
  for (const [a, b] of LINKED_TOTALS) sums.push({ total: keyByPlace.get(placeId({ kind: 'total', table: a }))!, parts: [keyByPlace.get(placeId({ kind: 'total', table: b }))!] });
  // And so they are in every agency and month, within the earlier reports as much as this one.
  const identities: AtomIdentity[] = LINKED_TOTALS.flatMap(([a, b]) => {
    const [first, second] = [a, b].map((id) => REPORT_TABLES.find((t) => t.id === id)!);
    const allCells = (spec: Spec, agency: number, month: number) => spec.rows.flatMap((_, row) => spec.cols.map((__, col) => atomIndex(spec, row, col, agency, month)));
    return agencyPieces.flatMap((_, agency) => monthPieces.map((__, month) => ({ plus: allCells(first!, agency, month), minus: allCells(second!, agency, month) })));
  });

  const earlierCounts: EarlierCount[] = earlier.flatMap((report) => earlierCountsOf(report, (spec, place) => atomsOf(spec, place, report.frame)));
  const keyed = new Map([...countByAtoms.values()].map((c) => [c.key, c]));
  return {
    problem: { k, atomValues, counts: [...countByAtoms.values()], sums: dedupeSums(sums), earlier: earlierCounts, identities },
    keyOf: (place) => keyByPlace.get(placeId(place))!,
    keyOfPart: (part) => ('figure' in part ? null : keyByPlace.get(placeId(placeOfPart(part)))!),
    valueOf: (key) => keyed.get(key)!.atoms.reduce((sum, atom) => sum + atomValues[atom]!, 0),
  };
}

function dedupeSums(sums: readonly PublishedSum[]): PublishedSum[] {
  const seen = new Set<string>();
  return sums.filter((sum) => {
    const signature = `${sum.total}=${[...sum.parts].sort().join('+')}`;
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

/** What an earlier report published of each table place and each metric's counts, on today's atoms. */
function earlierCountsOf(report: EarlierReport, atomsOf: (spec: Spec, place: TablePlace) => number[]): EarlierCount[] {
  const smallPlaces = new Set(report.hidden.filter((h) => h.reason === 'small_count' && 'table' in h.place).map((h) => placeId(h.place as TablePlace)));
  const out: EarlierCount[] = [];
  const add = (spec: Spec, place: TablePlace, value: number | null | undefined) => {
    if (value === undefined) return;
    out.push(value === null ? { atoms: atomsOf(spec, place), published: false, hiddenAsSmall: smallPlaces.has(placeId(place)) } : { atoms: atomsOf(spec, place), published: true });
  };
  for (const table of report.document.tables) {
    const spec = REPORT_TABLES.find((t) => t.id === table.id);
    if (!spec || table.cells.length !== spec.rows.length) continue;
    table.cells.forEach((cells, row) => cells.forEach((value, col) => add(spec, { kind: 'cell', table: spec.id, row, col }, value)));
    table.rowTotals.forEach((value, row) => add(spec, { kind: 'rowTotal', table: spec.id, row }, value));
    table.colTotals.forEach((value, col) => add(spec, { kind: 'colTotal', table: spec.id, col }, value));
    add(spec, { kind: 'total', table: spec.id }, table.total);
  }
  for (const metric of report.document.metrics) {
    const spec = REPORT_METRICS.find((s) => s.id === metric.id);
    if (!spec) continue;
    for (const [part, value] of [
      [spec.numerator, metric.numerator],
      [spec.denominator, metric.denominator],
    ] as const) {
      if (!part || 'figure' in part) continue;
      const table = REPORT_TABLES.find((t) => t.id === part.table)!;
      add(table, placeOfPart(part), value);
    }
  }
  return out;
}
