/**
 * A report's period: whole months only, so that no date in a report is finer than a
 * month. Written the way the CLI and the builder take it: `2026-07` (a month),
 * `2026-Q3` (a quarter), `2026` (a year) or `2026-01..2026-06` (a custom range).
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface ReportPeriod {
  kind: PeriodKind;
  /** First month, YYYY-MM. */
  from: string;
  /** Last month, YYYY-MM, included. */
  to: string;
}

/** The longest custom range a report covers: two years, the longest contract agencies sign. */
export const MAX_PERIOD_MONTHS = 24;

const month = (year: number, monthNumber: number) => `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;

function parseMonth(text: string): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const m = Number(match[2]);
  return m >= 1 && m <= 12 && Number(match[1]) >= 2000 ? text : null;
}

/** The period a text names, or null when it names none (or one longer than MAX_PERIOD_MONTHS). */
export function parsePeriod(text: string): ReportPeriod | null {
  const trimmed = text.trim().toUpperCase();
  const quarter = /^(\d{4})-Q([1-4])$/.exec(trimmed);
  if (quarter) {
    const year = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return year >= 2000 ? { kind: 'quarter', from: month(year, first), to: month(year, first + 2) } : null;
  }
  if (/^\d{4}$/.test(trimmed)) {
    const year = Number(trimmed);
    return year >= 2000 ? { kind: 'year', from: month(year, 1), to: month(year, 12) } : null;
  }
  const range = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(trimmed);
  if (range) {
    const from = parseMonth(range[1]!);
    const to = parseMonth(range[2]!);
    if (!from || !to || from > to || monthsBetween(from, to).length > MAX_PERIOD_MONTHS) return null;
    return { kind: 'range', from, to };
  }
  const single = parseMonth(trimmed);
  return single ? { kind: 'month', from: single, to: single } : null;
}

/** Every month from `from` to `to`, both included, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, m] = from.split('-').map(Number) as [number, number];
  for (let current = from; current <= to; current = month(year, m)) {
    months.push(current);
    m += 1;
    if (m > 12) {
      m = 1;
      year += 1;
    }
  }
  return months;
}

/** The period written the way `parsePeriod` reads it back. */
export function formatPeriod(period: ReportPeriod): string {
  switch (period.kind) {
    case 'month':
      return period.from;
    case 'quarter':
      return `${period.from.slice(0, 4)}-Q${(Number(period.from.slice(5)) - 1) / 3 + 1}`;
    case 'year':
      return period.from.slice(0, 4);
    case 'range':
      return `${period.from}..${period.to}`;
  }
}

/** True when two periods share a month. */
export function periodsShareAMonth(a: Pick<ReportPeriod, 'from' | 'to'>, b: Pick<ReportPeriod, 'from' | 'to'>): boolean {
  return a.from <= b.to && b.from <= a.to;
}
