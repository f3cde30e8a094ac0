import { EntitySchema } from 'typeorm';
import type { Urgency } from '../../shared/domain/agencies';
import type { ClosureReason, ConsentDates, ConsentLevel, ReferralStatus, ReferralType } from '../../shared/domain/referrals';

export interface ReferralRow {
  id: number;
  agencyId: number;
  /** The agency's contract in force on the date received; null when none was. */
  contractId: number | null;
  clientId: number;
  receivedDate: string;
  /** The instant the time-to-first-appointment clock started (see referralClockStart). */
  clockStartedAt: string;
  referralType: ReferralType;
  urgency: Urgency;
  /** JSON array of presenting-issue codes. */
  presentingIssues: string;
  referrerName: string;
  referrerContact: string;
  consentLevel: ConsentLevel;
  consentDate: string | null;
  consentExpiry: string | null;
  /** How finely a letter may date the attended sessions under this consent. */
  consentDates: ConsentDates;
  reason: string;
  status: ReferralStatus;
  closureReason: ClosureReason | null;
  counsellorId: number | null;
  caseId: number | null;
  /** When the first attended session began: the time-to-first-appointment clock stops there. */
  clockStoppedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const ReferralEntity = new EntitySchema<ReferralRow>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    agencyId: { type: 'integer', name: 'agency_id' },
    contractId: { type: 'integer', name: 'contract_id', nullable: true },
    clientId: { type: 'integer', name: 'client_id' },
    receivedDate: { type: 'varchar', name: 'received_date' },
    clockStartedAt: { type: 'varchar', name: 'clock_started_at' },
    referralType: { type: 'varchar', name: 'referral_type' },
    urgency: { type: 'varchar' },
    presentingIssues: { type: 'text', name: 'presenting_issues' },
    referrerName: { type: 'varchar', name: 'referrer_name' },
    referrerContact: { type: 'varchar', name: 'referrer_contact' },
    consentLevel: { type: 'varchar', name: 'consent_level' },
    consentDate: { type: 'varchar', name: 'consent_date', nullable: true },
    consentExpiry: { type: 'varchar', name: 'consent_expiry', nullable: true },
    consentDates: { type: 'varchar', name: 'consent_dates', default: 'month' },
    reason: { type: 'varchar' },
    status: { type: 'varchar' },
    closureReason: { type: 'varchar', name: 'closure_reason', nullable: true },
    counsellorId: { type: 'integer', name: 'counsellor_id', nullable: true },
    caseId: { type: 'integer', name: 'case_id', nullable: true },
    clockStoppedAt: { type: 'varchar', name: 'clock_stopped_at', nullable: true },
    createdAt: { type: 'varchar', name: 'created_at' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});

/** One step of a referral's life: append-only (triggers refuse UPDATE and DELETE). */
export interface ReferralStatusChangeRow {
  id: number;
  referralId: number;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  closureReason: ClosureReason | null;
  note: string;
  changedAt: string;
  changedByUserId: number;
}

export const ReferralStatusChangeEntity = new EntitySchema<ReferralStatusChangeRow>({
  name: 'ReferralStatusChange',
  tableName: 'referral_status_change',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    referralId: { type: 'integer', name: 'referral_id' },
    fromStatus: { type: 'varchar', name: 'from_status', nullable: true },
    toStatus: { type: 'varchar', name: 'to_status' },
    closureReason: { type: 'varchar', name: 'closure_reason', nullable: true },
    note: { type: 'varchar' },
    changedAt: { type: 'varchar', name: 'changed_at' },
    changedByUserId: { type: 'integer', name: 'changed_by_user_id' },
  },
});
