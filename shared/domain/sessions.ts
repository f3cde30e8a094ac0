import { DateTime } from 'luxon';

/**
 * Session vocabulary and the rules that decide what a session costs and occupies
 * (issue 4). Pure: the booking service, the schema's CHECKs and the UI all read these.
 */

export const SESSION_TYPES = [
  'intake_assessment',
  'counselling',
  'follow_up',
  'group_workshop',
  'manager_consultation',
  'critical_incident_debrief',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** Types that need no case: a workshop never has one; a consultation or debrief may be for the agency. */
export const CASELESS_TYPES: readonly SessionType[] = ['group_workshop', 'manager_consultation', 'critical_incident_debrief'];

/** Types a client's session allowance pays for (group sessions and workshops never do). */
export const ALLOWANCE_TYPES: readonly SessionType[] = ['intake_assessment', 'counselling', 'follow_up'];

export const MODALITIES = ['in_person', 'phone', 'video'] as const;
export type Modality = (typeof MODALITIES)[number];

export const SESSION_STATUSES = ['scheduled', 'attended', 'did_not_attend', 'late_cancellation', 'cancelled_by_client', 'cancelled_by_clinic'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Statuses that hold the counsellor and the room: a cancelled session frees its slot. */
export const OCCUPYING_STATUSES: readonly SessionStatus[] = ['scheduled', 'attended', 'did_not_attend'];

/** Statuses that use one of the client's sessions: a no-show and a late cancellation count, as EAP contracts say. */
export const ALLOWANCE_STATUSES: readonly SessionStatus[] = ['scheduled', 'attended', 'did_not_attend', 'late_cancellation'];

/** Statuses that end a session without it happening: each needs a reason. */
export const CANCELLED_STATUSES: readonly SessionStatus[] = ['late_cancellation', 'cancelled_by_client', 'cancelled_by_clinic'];

export const WORKSHOP_TOPICS = ['stress_management', 'resilience', 'conflict_resolution', 'leader_manager_training', 'critical_incident_debrief', 'other'] as const;
export type WorkshopTopic = (typeof WORKSHOP_TOPICS)[number];

/** The longest session the calendar books (a full-day workshop); the overlap checks rely on it. */
export const MAX_SESSION_MINUTES = 720;

/**
 * Which moves of a session's status are allowed. A scheduled session can end in any way;
 * an outcome recorded by mistake can be corrected between attended, did not attend and
 * late cancellation; a cancelled session stays cancelled (book a new one instead).
 */
const NEXT_STATUS: Record<SessionStatus, readonly SessionStatus[]> = {
  scheduled: ['attended', 'did_not_attend', 'late_cancellation', 'cancelled_by_client', 'cancelled_by_clinic'],
  attended: ['did_not_attend', 'late_cancellation'],
  did_not_attend: ['attended', 'late_cancellation'],
  late_cancellation: ['attended', 'did_not_attend'],
  cancelled_by_client: [],
  cancelled_by_clinic: [],
};

export function canMoveSession(from: SessionStatus, to: SessionStatus): boolean {
  return NEXT_STATUS[from].includes(to);
}

export function isGroupType(type: SessionType): boolean {
  return type === 'group_workshop';
}

export function countsTowardAllowance(type: SessionType, status: SessionStatus): boolean {
  return ALLOWANCE_TYPES.includes(type) && ALLOWANCE_STATUSES.includes(status);
}

/** A contract's year: its start date's anniversaries cut its period into years, the last one cut short by the end date. */
export interface ContractYear {
  startDate: string;
  endDate: string;
}

/**
 * The contract year holding `date` (all `YYYY-MM-DD`), or null outside the contract. A
 * contract starting on 29 February has its later years start on 28 February (luxon's
 * calendar arithmetic), so no day falls between two years.
 */
export function contractYearOf(date: string, contract: { startDate: string; endDate: string }): ContractYear | null {
  if (date < contract.startDate || date > contract.endDate) return null;
  const start = DateTime.fromISO(contract.startDate, { zone: 'utc' });
  const target = DateTime.fromISO(date, { zone: 'utc' });
  let years = Math.floor(target.diff(start, 'years').years);
  // diff in years may land a day off around leap days; step until the window holds the date.
  while (years > 0 && start.plus({ years }).toISODate()! > date) years -= 1;
  while (start.plus({ years: years + 1 }).toISODate()! <= date) years += 1;
  const yearStart = start.plus({ years }).toISODate()!;
  const nextYear = start.plus({ years: years + 1 }).minus({ days: 1 }).toISODate()!;
  return { startDate: yearStart, endDate: nextYear < contract.endDate ? nextYear : contract.endDate };
}

/** What the allowance says of one more session: fine, ask for a reason (warn), or refuse (deny). */
export type AllowanceVerdict = 'within' | 'needs_reason' | 'refused';

export function allowanceVerdict(used: number, adding: number, allowance: number, policy: 'warn' | 'deny'): AllowanceVerdict {
  if (used + adding <= allowance) return 'within';
  return policy === 'warn' ? 'needs_reason' : 'refused';
}
