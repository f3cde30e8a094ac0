import type { CountToPublish, PublishedSum } from '../../shared/reports/disclosure/problem';

/**
 * Builds suppression problems the way the report builder lays a report out: each table's
 * cells, its row and column totals (2-D tables) and its grand total, every one a count over
 * atoms, with the sums the document publishes.
 */
export interface TableLayout {
  counts: CountToPublish[];
  sums: PublishedSum[];
}

export const cellKey = (table: string, row: number, col: number) => `${table}/cell/${row}/${col}`;
export const rowTotalKey = (table: string, row: number) => `${table}/row/${row}`;
export const colTotalKey = (table: string, col: number) => `${table}/col/${col}`;
export const totalKey = (table: string) => `${table}/total`;

/** Adds one table of `rows` × `cols` cells; `cellAtoms(r, c)` are the atoms of a cell. A table of one column has no row totals. */
export function addTable(into: TableLayout, table: string, rows: number, cols: number, cellAtoms: (row: number, col: number) => number[]): void {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  for (const r of range(rows)) for (const c of range(cols)) into.counts.push({ key: cellKey(table, r, c), atoms: cellAtoms(r, c) });
  const allAtoms = range(rows).flatMap((r) => range(cols).flatMap((c) => cellAtoms(r, c)));
  into.counts.push({ key: totalKey(table), atoms: allAtoms });
  if (cols === 1) {
    into.sums.push({ total: totalKey(table), parts: range(rows).map((r) => cellKey(table, r, 0)) });
    return;
  }
  for (const r of range(rows)) {
    into.counts.push({ key: rowTotalKey(table, r), atoms: range(cols).flatMap((c) => cellAtoms(r, c)) });
    into.sums.push({ total: rowTotalKey(table, r), parts: range(cols).map((c) => cellKey(table, r, c)) });
  }
  for (const c of range(cols)) {
    into.counts.push({ key: colTotalKey(table, c), atoms: range(rows).flatMap((r) => cellAtoms(r, c)) });
    into.sums.push({ total: colTotalKey(table, c), parts: range(rows).map((r) => cellKey(table, r, c)) });
  }
  into.sums.push({ total: totalKey(table), parts: range(rows).map((r) => rowTotalKey(table, r)) });
  into.sums.push({ total: totalKey(table), parts: range(cols).map((c) => colTotalKey(table, c)) });
}

/** Two tables counting the same things two ways (referrals by type and by urgency): their totals are equal. */
export function linkTotals(into: TableLayout, first: string, second: string): void {
  into.sums.push({ total: totalKey(first), parts: [totalKey(second)] });
}
