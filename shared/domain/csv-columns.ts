/** CSV import of referrals: the columns, kept apart so the IPC contract does not load the parser. */

/**
 * The columns a file may have, by their canonical header. The first twelve are issue 3's;
 * the next four let formal management referrals (which name their referrer and carry the
 * consent's dates) be imported too; the last says how finely a letter to the referrer may
 * date attended sessions (month or day; empty means month).
 */
export const CSV_COLUMNS = [
  'agency',
  'received_date',
  'referral_type',
  'urgency',
  'given_name',
  'family_name',
  'date_of_birth',
  'email',
  'phone',
  'presenting_issues',
  'consent_level',
  'reason',
  'referrer_name',
  'referrer_contact',
  'consent_date',
  'consent_expiry',
  'consent_dates',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
