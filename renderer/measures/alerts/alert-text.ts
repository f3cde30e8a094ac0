import type { TFunction } from 'i18next';
import type { InstrumentView, MeasureAlert } from '../../../shared/contract/measure-schemas';

/**
 * "PHQ-9 item 9 was answered above 0: “Thoughts that you would be better off dead, or of
 * hurting yourself in some way”", with the item's words in the reader's language.
 */
export function alertDescription(t: TFunction, alert: MeasureAlert, instruments: ReadonlyMap<string, InstrumentView> | null): string {
  const instrument = instruments?.get(alert.instrumentId);
  const rule = instrument?.alerts.find((candidate) => candidate.id === alert.alert);
  const item = rule ? instrument?.items.find((candidate) => candidate.number === rule.item) : undefined;
  const name = instrument?.shortName ?? alert.instrumentId.toUpperCase();
  if (item) return t('measureAlerts.itemAnswered', { instrument: name, number: item.number, text: item.text });
  return t('measureAlerts.answerRaised', { instrument: name });
}

/** "TN-2026-0007 · Rina Wijaya" (the name only where the service gives it). */
export function alertClient(alert: Pick<MeasureAlert, 'clientCode' | 'clientName'>): string {
  return alert.clientName ? `${alert.clientCode} · ${alert.clientName}` : alert.clientCode;
}
