/**
 * Client vocabulary and the duplicate rule of referral intake (issue 3). Pure rules:
 * the client service and the intake form both use them.
 */
export const GENDERS = ['female', 'male', 'self_described', 'prefer_not_to_say'] as const;
export type Gender = (typeof GENDERS)[number];

/** Broad job role categories: enough for reporting by role, never a job title. */
export const JOB_ROLES = ['frontline_service', 'administrative', 'professional_technical', 'supervisor_manager', 'senior_leader', 'other'] as const;
export type JobRole = (typeof JOB_ROLES)[number];

export const CLIENT_LANGUAGES = ['id', 'en', 'other'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

/**
 * A name folded for comparison and search: lower case, accents removed, runs of spaces
 * and punctuation collapsed. "Siti  Nurhaliza" and "siti nurhaliza" are the same person
 * as far as the duplicate guard is concerned.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface DuplicateProbe {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  email: string;
}

/**
 * Issue 3's duplicate guard: the same name and date of birth, or the same email. Only a
 * known date of birth or a non-empty email can match; two clients who share a name and
 * nothing else are not flagged (common Indonesian names would flood the warning).
 */
export function looksLikeSameClient(a: DuplicateProbe, b: DuplicateProbe): boolean {
  const sameEmail = foldEmail(a.email) !== '' && foldEmail(a.email) === foldEmail(b.email);
  const sameName = foldName(`${a.givenName} ${a.familyName}`) === foldName(`${b.givenName} ${b.familyName}`);
  const sameBirth = a.dateOfBirth !== null && a.dateOfBirth === b.dateOfBirth;
  return sameEmail || (sameName && sameBirth);
}
