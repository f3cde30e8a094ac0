import { useCallback } from 'react';
import { DateTime } from 'luxon';
import { localeFor } from '../../format/dates';
import { useFormatters } from '../../session/useFormatters';

/**
 * "1 Dec 2026, 14:05" / "1 Des 2026 14.05" in the clinic's zone: deadlines and status
 * changes are read to the minute (the audit log keeps the seconds).
 */
export function useDateTimeMinutes(): (iso: string) => string {
  const { zone, language } = useFormatters();
  return useCallback(
    (iso: string) => {
      const parsed = DateTime.fromISO(iso, { setZone: true });
      return parsed.isValid ? parsed.setZone(zone).setLocale(localeFor(language)).toLocaleString(DateTime.DATETIME_MED) : iso;
    },
    [zone, language],
  );
}
