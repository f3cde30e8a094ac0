import type { AllowancePolicy, FirstAppointmentTarget, ReportingFrequency, Sector, Urgency } from '../../shared/domain/agencies';
import type { ClientLanguage, Gender, JobRole } from '../../shared/domain/clients';
import type { ClosureReason, ConsentLevel, PresentingIssue, ReferralStatus, ReferralType } from '../../shared/domain/referrals';
import type { Moment } from './calendar';

/**
 * The demo data as planned in memory before a row is written. Records point at each
 * other directly; ids are given when they are written, in the order they were created,
 * so ids grow with time as in a vault that was really used.
 */
export const DEMO_SIZES = ['small', 'medium', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

export interface SizeSpec {
  agencies: number;
  clients: number;
  counsellors: number;
  /** How far back referrals go before the as-of date. */
  months: number;
}

export const SIZE_SPECS: Record<DemoSize, SizeSpec> = {
  small: { agencies: 5, clients: 300, counsellors: 4, months: 18 },
  medium: { agencies: 20, clients: 10_000, counsellors: 8, months: 24 },
  large: { agencies: 50, clients: 100_000, counsellors: 16, months: 36 },
};

interface Written {
  /** Set when the row is written. */
  id?: number;
}

export interface DemoCounsellor extends Written {
  username: string;
  displayName: string;
  createdMs: number;
}

export interface DemoContract extends Written {
  startDay: number;
  endDay: number;
  /** The period as dates (YYYY-MM-DD), as contractInForce reads it. */
  startDate: string;
  endDate: string;
  coveredHeadcount: number;
  sessionAllowance: number;
  allowancePolicy: AllowancePolicy;
  targets: Record<Urgency, FirstAppointmentTarget>;
  minCellSize: number;
  reportingFrequency: ReportingFrequency;
  createdMs: number;
}

export interface DemoAgency extends Written {
  name: string;
  sector: Sector;
  address: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  active: boolean;
  createdMs: number;
  updatedMs: number;
  contracts: DemoContract[];
  /** Its staff's email domain, for referrers' addresses. */
  domain: string;
  /** The days on which its staff can be referred: from joining to today, or to leaving. */
  referralFromDay: number;
  referralToDay: number;
  /** How many of the clients come from it, relative to the others. */
  weight: number;
}

export interface DemoClient extends Written {
  agency: DemoAgency;
  givenName: string;
  familyName: string;
  preferredName: string;
  dateOfBirth: string | null;
  gender: Gender | null;
  genderDescription: string;
  email: string;
  phone: string;
  jobRole: JobRole | null;
  preferredLanguage: ClientLanguage;
  emergencyContactName: string;
  emergencyContactPhone: string;
  createdMs: number;
  /** The day registered in the clinic's zone: its year is the client code's. */
  createdDay: number;
}

/** Who made a status change: the signed-in admin, or a counsellor. */
export type DemoActor = 'admin' | DemoCounsellor;

export interface DemoStep {
  from: ReferralStatus | null;
  to: ReferralStatus;
  closureReason: ClosureReason | null;
  at: Moment;
  by: DemoActor;
}

export interface DemoCase extends Written {
  client: DemoClient;
  counsellor: DemoCounsellor;
  presentingIssues: PresentingIssue[];
  openedDay: number;
  closedDay: number | null;
  closureReason: ClosureReason | null;
  sessionsUsed: number;
  createdMs: number;
  updatedMs: number;
}

export interface DemoReferral extends Written {
  agency: DemoAgency;
  contract: DemoContract | null;
  client: DemoClient;
  receivedDay: number;
  clockStartedAt: string;
  createdMs: number;
  referralType: ReferralType;
  urgency: Urgency;
  presentingIssues: PresentingIssue[];
  referrerName: string;
  referrerContact: string;
  consentLevel: ConsentLevel;
  consentDate: string | null;
  consentExpiry: string | null;
  reason: string;
  /** The whole status history, oldest first; the last step is the referral's status. */
  steps: DemoStep[];
  counsellor: DemoCounsellor | null;
  case: DemoCase | null;
}

export interface DemoPlan {
  counsellors: DemoCounsellor[];
  agencies: DemoAgency[];
  clients: DemoClient[];
  referrals: DemoReferral[];
  cases: DemoCase[];
}
