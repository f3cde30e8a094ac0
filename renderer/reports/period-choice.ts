import { formatPeriod, type PeriodKind, type ReportPeriod } from '../../shared/reports/period';

/**
 * The report builder's period, as chosen with selects (never a native date box): a month,
 * a quarter, a year or a range of whole months, and the text the channel takes for it.
 */
export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  month: number;
  quarter: number;
  rangeFrom: string;
  rangeTo: string;
}

const monthText = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export function periodOf(choice: PeriodChoice): ReportPeriod {
  switch (choice.kind) {
    case 'month':
      return { kind: 'month', from: monthText(choice.year, choice.month), to: monthText(choice.year, choice.month) };
    case 'quarter': {
      const first = (choice.quarter - 1) * 3 + 1;
      return { kind: 'quarter', from: monthText(choice.year, first), to: monthText(choice.year, first + 2) };
    }
    case 'year':
      return { kind: 'year', from: monthText(choice.year, 1), to: monthText(choice.year, 12) };
    case 'range':
      return { kind: 'range', from: choice.rangeFrom, to: choice.rangeTo };
  }
}

export function periodText(choice: PeriodChoice): string {
  return formatPeriod(periodOf(choice));
}

/** The choice a builder opens with: the last whole quarter before the current month. */
export function defaultChoice(currentMonth: string): PeriodChoice {
  const [year, month] = currentMonth.split('-').map(Number) as [number, number];
  const quarterNow = Math.ceil(month / 3);
  const lastQuarter = quarterNow === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarterNow - 1 };
  const previousMonth = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return {
    kind: 'quarter',
    year: lastQuarter.year,
    quarter: lastQuarter.quarter,
    month: previousMonth.month,
    rangeFrom: monthText(lastQuarter.year, (lastQuarter.quarter - 1) * 3 + 1),
    rangeTo: monthText(previousMonth.year, previousMonth.month),
  };
}

/** The months offered in range selects: the last five years up to the current month, newest first. */
export function selectableMonths(currentMonth: string, years = 5): string[] {
  const [year, month] = currentMonth.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let y = year, m = month; y > year - years || (y === year - years && m > month); ) {
    months.push(monthText(y, m));
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return months;
}
