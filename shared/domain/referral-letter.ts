import type { ConsentDates, ConsentLevel, ReferralType } from './referrals';

/**
 * What a letter to a formal referral's referrer may say (issue 13), as pure rules. The
 * client's written consent decides it, and nothing else reaches the letter:
 * - `attendance`: the sessions of the referral's case the client attended, counted by
 *   month or listed by day, as the consent's `consent_dates` says;
 * - `attendance_and_compliance`: the same, and the counsellor's newest answer to "are the
 *   recommendations being followed?" with the day it was given (or that none was given).
 * No counsellor, note, presenting issue or measure ever appears here: the facts below are
 * all the letter can state, and the register keeps exactly them.
 */

/** Why a letter cannot be written; each is an error code the UI and the CLI name. */
export const LETTER_REFUSALS = ['LETTER_NOT_FORMAL', 'LETTER_NO_CONSENT', 'LETTER_CONSENT_INCOMPLETE', 'LETTER_CONSENT_EXPIRED'] as const;
export type LetterRefusal = (typeof LETTER_REFUSALS)[number];

export interface ConsentOnReferral {
  referralType: ReferralType;
  consentLevel: ConsentLevel;
  consentDate: string | null;
  consentExpiry: string | null;
}

/**
 * The first reason the consent does not allow a letter today (the clinic's calendar date),
 * or null when it does. Consent still runs on its expiry day; from the day after, it has expired.
 */
export function letterRefusal(referral: ConsentOnReferral, today: string): LetterRefusal | null {
  if (referral.referralType !== 'formal_management') return 'LETTER_NOT_FORMAL';
  if (referral.consentLevel === 'none') return 'LETTER_NO_CONSENT';
  if (referral.consentDate === null || referral.consentExpiry === null) return 'LETTER_CONSENT_INCOMPLETE';
  if (referral.consentExpiry < today) return 'LETTER_CONSENT_EXPIRED';
  return null;
}

/** Attended sessions by month (`YYYY-MM`, oldest first) with how many in each. */
export interface MonthCount {
  month: string;
  sessions: number;
}

export type AttendanceStatement = { dating: 'month'; months: MonthCount[] } | { dating: 'day'; days: string[] };

/**
 * The attendance a letter states, from the clinic-calendar dates (`YYYY-MM-DD`) of the
 * attended sessions: counted per month, or every day listed (a day with two sessions
 * twice), oldest first. By month, no day of any session is kept.
 */
export function attendanceStatement(attendedDates: readonly string[], dating: ConsentDates): AttendanceStatement {
  const sorted = [...attendedDates].sort();
  if (dating === 'day') return { dating: 'day', days: sorted };
  const months: MonthCount[] = [];
  for (const date of sorted) {
    const month = date.slice(0, 7);
    const last = months.at(-1);
    if (last && last.month === month) last.sessions += 1;
    else months.push({ month, sessions: 1 });
  }
  return { dating: 'month', months };
}

/** The counsellor's newest answer, dated by the clinic's calendar; null when none was recorded. */
export interface ComplianceStatement {
  followed: boolean;
  recordedOn: string;
}

/**
 * Every fact a letter states, and so exactly what the register keeps as published. The
 * client is named (the letter is about them, to the person who referred them); compliance
 * is present only when the consent covers it (null then means "not recorded").
 */
export interface LetterFacts {
  referralId: number;
  language: 'en' | 'id';
  /** The letter's date: the clinic's calendar date when it was written. */
  writtenOn: string;
  clinicName: string;
  referrerName: string;
  clientName: string;
  consentLevel: Exclude<ConsentLevel, 'none'>;
  consentDate: string;
  consentExpiry: string;
  attendance: AttendanceStatement;
  compliance?: ComplianceStatement | null;
}
