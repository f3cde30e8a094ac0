import en from '../../shared/i18n/en.json' with { type: 'json' };
import id from '../../shared/i18n/id.json' with { type: 'json' };
import { REPORT_METRICS } from '../../shared/reports/report-tables';
import type { ReportDocument } from '../../shared/reports/report-document';

/**
 * The fixed words of the report files (i18n `reportFile`), the period written out, and
 * numbers in the report's language. Everything else a file says (titles, labels, rules,
 * definitions) is already in the document, in that language.
 */
export type ReportLanguage = ReportDocument['language'];
export type ReportFileLabels = typeof en.reportFile;

export function reportFileLabels(language: ReportLanguage): ReportFileLabels {
  return (language === 'id' ? id : en).reportFile;
}

/** `{{name}}` placeholders filled, as i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const LOCALES: Record<ReportLanguage, string> = { en: 'en-GB', id: 'id-ID' };

function monthDate(yearMonth: string): number {
  return Date.UTC(Number(yearMonth.slice(0, 4)), Number(yearMonth.slice(5, 7)) - 1, 1);
}

/** The period in words: "July 2026", "July–September 2026", "November 2026–February 2027" (Indonesian month names for `id`). */
export function periodInWords(period: ReportDocument['period'], language: ReportLanguage): string {
  const locale = LOCALES[language];
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthOnly = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const { from, to } = period;
  if (from === to) return monthYear.format(monthDate(from));
  if (from.slice(0, 4) === to.slice(0, 4)) return `${monthOnly.format(monthDate(from))}–${monthYear.format(monthDate(to))}`;
  return `${monthYear.format(monthDate(from))}–${monthYear.format(monthDate(to))}`;
}

/** One month in words ("October 2026"), for the generated date. */
export function monthInWords(yearMonth: string, language: ReportLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monthDate(yearMonth));
}

export function formatCount(n: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(n);
}

/** A share or rate (0–1) as a percentage with one decimal. */
export function formatShare(x: number, language: ReportLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}

const METRIC_KINDS = new Map(REPORT_METRICS.map((m) => [m.id, m.kind]));

/** A metric's value as the report prints it: rates as percentages, means with one decimal, counts whole. */
export function formatMetricValue(metricId: string, value: number, language: ReportLanguage): string {
  const kind = METRIC_KINDS.get(metricId) ?? (Number.isInteger(value) ? 'count' : 'mean');
  if (kind === 'rate') return formatShare(value, language);
  if (kind === 'mean') return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return formatCount(value, language);
}
