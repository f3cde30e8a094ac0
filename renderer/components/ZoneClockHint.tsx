import { useTranslation } from 'react-i18next';
import { isKnownTimeZone, type Language } from '../../shared/settings';
import { formatTime, zoneAbbreviation } from '../format/dates';

/** "It is now 16:05 there (GMT+7)": helps pick the right zone. */
export function ZoneClockHint({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  if (!isKnownTimeZone(zone)) return null;
  const language: Language = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  return <>{t('fields.timeZoneHint', { time: formatTime(new Date().toISOString(), zone, language), zone: zoneAbbreviation(zone, language) })}</>;
}
