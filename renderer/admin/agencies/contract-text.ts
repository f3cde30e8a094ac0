import type { TFunction } from 'i18next';
import type { FirstAppointmentTarget } from '../../../shared/domain/agencies';

/** A first-appointment target in words: "Same day", "Within 48 hours", "Within 5 working days". */
export function targetText(t: TFunction, target: FirstAppointmentTarget): string {
  if (target.unit === 'same_day') return t('admin.contracts.target.same_day');
  if (target.unit === 'hours') return t('admin.contracts.target.hours', { count: target.amount });
  return t('admin.contracts.target.business_days', { count: target.amount });
}
