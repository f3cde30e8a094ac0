/**
 * CSV import of referrals (issue 3): the canonical columns. The parsing and row
 * validation join this file.
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
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
