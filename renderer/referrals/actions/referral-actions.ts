import type { MANUAL_MOVES, Referral } from '../../../shared/contract/referral-schemas';

export type ManualMove = (typeof MANUAL_MOVES)[number];

/** What a person asked to do with a referral from a table: see it, move it, or assign it. */
export type ReferralAction =
  | { kind: 'details'; referral: Referral }
  | { kind: 'move'; to: ManualMove; referral: Referral }
  | { kind: 'assign'; referral: Referral };

/** What happened, kept as data so the notice follows a language switch. */
export type ActionOutcome = { kind: 'moved'; referral: Referral } | { kind: 'assigned'; referral: Referral };
