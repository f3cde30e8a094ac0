import type { BaseCount } from '../../shared/reports/report-tables';

/** Report counts as `table|row|col|agency|month → value`, to compare whole reports at once. */
export function countMap(counts: readonly BaseCount[]): Record<string, number> {
  const map: Record<string, number> = {};
  for (const c of counts) {
    const key = `${c.table}|${c.row}|${c.col}|${c.agencyId}|${c.month}`;
    map[key] = (map[key] ?? 0) + c.value;
  }
  return map;
}
