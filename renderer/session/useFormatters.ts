import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/settings';
import { formatCalendarDate, formatDate, formatDateTime, formatTime } from '../format/dates';
import { useSession } from './SessionContext';

/** Dates and times in the clinic's time zone, written the way the current language writes them. */
export function useFormatters() {
  const { session } = useSession();
  const { i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  const zone = session.settings.timeZone;
  return useMemo(
    () => ({
      zone,
      language,
      dateTime: (iso: string) => formatDateTime(iso, zone, language),
      date: (iso: string) => formatDate(iso, zone, language),
      time: (iso: string) => formatTime(iso, zone, language),
      /** A date without time or zone (YYYY-MM-DD), such as a contract's first day. */
      calendarDate: (date: string) => formatCalendarDate(date, language),
    }),
    [zone, language],
  );
}
