/**
 * Referral vocabulary and the referral life cycle (product.md, issue 3). Pure rules:
 * the services that intake and move referrals build on these.
 */
export const REFERRAL_TYPES = ['self', 'informal', 'formal_management', 'critical_incident'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** What a formal management referral lets the clinic tell the employer. */
export const CONSENT_LEVELS = ['none', 'attendance', 'attendance_and_compliance'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/** How finely a letter to the referrer may date the attended sessions: by month, or by day. */
export const CONSENT_DATES = ['month', 'day'] as const;
export type ConsentDates = (typeof CONSENT_DATES)[number];

export const PRESENTING_ISSUES = [
  'workload_stress',
  'burnout',
  'conflict_with_public',
  'interpersonal_conflict',
  'leadership_management',
  'organisational_change',
  'critical_incident_trauma',
  'anxiety',
  'depression_low_mood',
  'work_life_balance',
  'family_relationships',
  'financial',
  'grief_loss',
  'substance_use',
  'physical_health',
  'other',
] as const;
export type PresentingIssue = (typeof PRESENTING_ISSUES)[number];

export const REFERRAL_STATUSES = ['new', 'triaged', 'waitlisted', 'assigned', 'first_session_booked', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const CLOSURE_REASONS = ['declined', 'no_contact', 'completed', 'transferred'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * The forward path new → triaged → waitlisted → assigned → first session booked, and
 * closing (with a reason) from any open status. Nothing moves backwards or out of closed.
 */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  new: ['triaged', 'closed'],
  triaged: ['waitlisted', 'closed'],
  waitlisted: ['assigned', 'closed'],
  assigned: ['first_session_booked', 'closed'],
  first_session_booked: ['closed'],
  closed: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return NEXT[from];
}

/** Client codes like TN-2026-000123: the year of registration and a running number. */
export function formatClientCode(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error('client code year out of range');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new Error('client code sequence out of range');
  return `TN-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseClientCode(code: string): { year: number; sequence: number } | null {
  const match = /^TN-(\d{4})-(\d{6})$/.exec(code.trim().toUpperCase());
  if (!match) return null;
  const sequence = Number(match[2]);
  return sequence >= 1 ? { year: Number(match[1]), sequence } : null;
}
