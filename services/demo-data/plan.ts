import type { AllowancePolicy, FirstAppointmentTarget, ReportingFrequency, Sector, Urgency } from '../../shared/domain/agencies';
import type { ClientLanguage, Gender, JobRole } from '../../shared/domain/clients';
import type { ClosureReason, ConsentLevel, PresentingIssue, ReferralStatus, ReferralType } from '../../shared/domain/referrals';
import type { Modality, SessionStatus, SessionType, WorkshopTopic } from '../../shared/domain/sessions';
import type { NoteTemplate, RiskKind, RiskLevel } from '../../shared/domain/notes';
import type { MeasurementMode, MeasurementPlan } from '../../shared/domain/measurement-plan';
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
  /**
   * Enough for every client's sessions to fit their hours: a counsellor's day holds eight
   * hourly sessions, of which the demo books about five in a busy month (a large vault's
   * million sessions over three years need some three hundred counsellors).
   */
  counsellors: number;
  /** How far back referrals go before the as-of date. */
  months: number;
  /**
   * How far back the case notes go: the demo clinic began keeping its notes in Tenang
   * this many months before the as-of date (about 200,000 notes in a large vault).
   */
  noteMonths: number;
}

export const SIZE_SPECS: Record<DemoSize, SizeSpec> = {
  small: { agencies: 5, clients: 300, counsellors: 4, months: 18, noteMonths: 6 },
  medium: { agencies: 20, clients: 10_000, counsellors: 45, months: 24, noteMonths: 5 },
  large: { agencies: 50, clients: 100_000, counsellors: 300, months: 36, noteMonths: 7 },
};

interface Written {
  /** Set when the row is written. */
  id?: number;
}

export interface DemoCounsellor extends Written {
  /** Its place in DemoPlan.counsellors (and in the schedule's occupancy). */
  index: number;
  username: string;
  displayName: string;
  createdMs: number;
  /** The weekly working hours, in the clinic's wall-clock time. */
  hours: DemoHours[];
  leave: DemoLeave[];
}

/** One block of weekly working hours: minutes after local midnight on an ISO weekday. */
export interface DemoHours {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** Whole days of leave, both included. */
export interface DemoLeave {
  startDay: number;
  endDay: number;
  note: string;
  createdMs: number;
}

export interface DemoRoom extends Written {
  /** Its place in DemoPlan.rooms (and in the schedule's occupancy). */
  index: number;
  name: string;
  capacity: number;
  /** Counselling rooms hold one client's sessions; the group room and the hall, groups. */
  kind: 'counselling' | 'group' | 'hall';
  active: boolean;
  createdMs: number;
  updatedMs: number;
}

export interface DemoHoliday {
  day: number;
  name: string;
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
  /** The sessions that count toward the allowance (set when the sessions are planned). */
  sessionsUsed: number;
  createdMs: number;
  updatedMs: number;
  /** The course of sessions planned when the first one was booked; null when none was. */
  course: DemoCourse | null;
  /** The case's own measurement plan; null follows the clinic's default (set when the measures are planned). */
  measurementPlan: MeasurementPlan | null;
}

/** What a case's sessions are to be, decided when the first one is booked; sessions.ts places them. */
export interface DemoCourse {
  /** The moment the first session was booked (the referral's "first session booked" step). */
  booked: Moment;
  contract: DemoContract | null;
  referralType: ReferralType;
  urgency: Urgency;
  /** Calendar days from the booking to the intake, at the earliest. */
  intakeAfterDays: number;
  /** Calendar days between sessions: 7 weekly, 14 fortnightly. */
  cadenceDays: number;
  /** Sessions counting toward the allowance the course is to have (fewer when time runs out first). */
  target: number;
  /** How the case ends; the closure step (when it falls before the as-of date) is at `closesMs`. */
  closure: ClosureReason;
  closesMs: number;
  /** Whether the last session is a follow-up some weeks after the others. */
  followUp: boolean;
}

export interface DemoSession extends Written {
  case: DemoCase | null;
  agency: DemoAgency;
  counsellor: DemoCounsellor;
  room: DemoRoom | null;
  startMs: number;
  endMs: number;
  sessionType: SessionType;
  modality: Modality;
  videoLink: string;
  presentingIssue: PresentingIssue | null;
  status: SessionStatus;
  statusReason: string;
  topic: WorkshopTopic | null;
  capacity: number | null;
  headCount: number | null;
  seriesId: string | null;
  allowanceReason: string;
  createdMs: number;
  createdBy: DemoActor;
  updatedMs: number;
  /** Booked first at another time (and room), then moved: a "rescheduled" change. */
  movedFrom: { startMs: number; endMs: number; room: DemoRoom | null; atMs: number; reason: string } | null;
  /** When its outcome was recorded (a "status" change from scheduled); null while scheduled. */
  statusChangedMs: number | null;
  /** Named clients at a group session. */
  attendees: DemoClient[];
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
  /** The start of the case's first attended session, when the clock stopped. */
  clockStoppedMs: number | null;
  /** The last time the referral changed: its last step, or recording the session that stopped its clock. */
  updatedMs: number;
}

/**
 * What a note records, which decides its template and its words: a session (its note, or
 * a short one for a no-show, or a consultation with the client's manager), the case as a
 * whole (a phone call, a supervisor consultation, the closing summary), or a risk flag
 * raised or cleared.
 */
export type DemoNoteKind =
  | 'intake'
  | 'session'
  | 'did_not_attend'
  | 'manager_consultation'
  | 'phone_contact'
  | 'supervision'
  | 'closing'
  | 'risk_raised'
  | 'risk_cleared'
  /** The decision not to raise a risk flag after a PHQ-9 item 9 answer (the alert's follow-up). */
  | 'alert_no_flag';

/**
 * A note as planned. Its words are not kept here: a large vault's 200,000 notes would
 * hold some 300 MB of text in memory at once. They are written from `textSeed` when the
 * note is written, so the same seed still gives the same words.
 */
export interface DemoNote extends Written {
  case: DemoCase;
  session: DemoSession | null;
  kind: DemoNoteKind;
  template: NoteTemplate;
  language: 'en' | 'id';
  /** The case's sessions counted so far, this one included (for "session 4" and the like). */
  sessionNumber: number;
  createdMs: number;
  /** When signed (by its author); null for a draft. */
  signedMs: number | null;
  updatedMs: number;
  /** A draft's sections typed so far (the first ones; the others are still empty). */
  typedSections: number;
  textSeed: number;
  /** The flag a risk note raises or clears. */
  flag: DemoRiskFlag | null;
  addendum: DemoAddendum | null;
  /** The PHQ-9 item 9 answer (1–3) a risk note or an alert's follow-up responds to; null otherwise. */
  item9Answer: number | null;
}

/** A correction of a signed note, signed by its author. */
export interface DemoAddendum extends Written {
  signedMs: number;
  textSeed: number;
}

export interface DemoRiskFlag extends Written {
  case: DemoCase;
  kind: RiskKind;
  level: RiskLevel;
  /** Dates as YYYY-MM-DD in the clinic's zone. */
  raisedDate: string;
  reviewDate: string;
  raisedNote: DemoNote;
  cleared: { note: DemoNote } | null;
}

/** One questionnaire given at a session, its answers as given (the scores are derived when read). */
export interface DemoAdministration extends Written {
  case: DemoCase;
  session: DemoSession;
  instrumentId: string;
  instrumentVersion: string;
  /** The session's start on the clinic's wall clock, `YYYY-MM-DDTHH:mm`. */
  administeredAt: string;
  mode: MeasurementMode;
  /** The answers as stored: a JSON array of option values, null for an item left unanswered. */
  responses: string;
  recordedMs: number;
  /** The PHQ-9 item 9 alert its answers raised, if they did. */
  alert: DemoMeasureAlert | null;
}

/** An item 9 alert and its follow-up: a self-harm flag raised, or a signed note on the decision not to; null while open. */
export interface DemoMeasureAlert extends Written {
  raisedMs: number;
  followUp: { kind: 'risk_flag'; flag: DemoRiskFlag; atMs: number } | { kind: 'note'; note: DemoNote; atMs: number } | null;
}

export interface DemoPlan {
  counsellors: DemoCounsellor[];
  agencies: DemoAgency[];
  clients: DemoClient[];
  referrals: DemoReferral[];
  cases: DemoCase[];
  rooms: DemoRoom[];
  /** The clinic's holidays to write (those already in the vault are left out). */
  holidays: DemoHoliday[];
  sessions: DemoSession[];
  /** Case notes in the order they were written; risk flags in the order they were raised. */
  notes: DemoNote[];
  riskFlags: DemoRiskFlag[];
  /** Questionnaires in the order they were recorded. */
  administrations: DemoAdministration[];
}
