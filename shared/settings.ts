export const LANGUAGES = ['en', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 10 } as const;

/** True for an IANA time zone name this runtime knows (`Asia/Jakarta`, `Australia/Sydney`). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone === 'UTC' || zone.includes('/');
  } catch {
    return false;
  }
}

/** Zones offered in pickers, with Indonesia's first since most clinics are there. */
export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const first = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
  return [...first, ...all.filter((z) => !first.includes(z))];
}
