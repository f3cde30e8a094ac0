import type { TFunction } from 'i18next';
import type { HiddenPlace, HiddenValue, ReportDocument } from '../../shared/reports/report-document';

/** The same place, whichever object names it. */
export function samePlace(a: HiddenPlace, b: HiddenPlace): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function reasonAt(hidden: readonly HiddenValue[], place: HiddenPlace): HiddenValue['reason'] | null {
  return hidden.find((h) => samePlace(h.place, place))?.reason ?? null;
}

/** Where a hidden value sits, in words: "Referrals by type · Self-referral". */
export function placeText(t: TFunction, document: ReportDocument, place: HiddenPlace): string {
  if (place.kind === 'metric') {
    const metric = document.metrics.find((m) => m.id === place.metric);
    return `${metric?.label ?? place.metric} · ${t(`reports.preview.part.${place.part}`)}`;
  }
  if (place.kind === 'insight') return `${t('reports.preview.insightTitle')} · ${t(`vocab.presentingIssue.${place.stressor}`)} · ${t(`reports.preview.part.${place.part}`)}`;
  const table = document.tables.find((tb) => tb.id === place.table);
  if (!table) return place.table;
  const total = t('reports.preview.total');
  switch (place.kind) {
    case 'cell':
      return table.colLabels.length > 1 ? `${table.title} · ${table.rowLabels[place.row]} · ${table.colLabels[place.col]}` : `${table.title} · ${table.rowLabels[place.row]}`;
    case 'rowTotal':
      return `${table.title} · ${table.rowLabels[place.row]} · ${total}`;
    case 'colTotal':
      return `${table.title} · ${total} · ${table.colLabels[place.col]}`;
    case 'total':
      return `${table.title} · ${total}`;
  }
}
