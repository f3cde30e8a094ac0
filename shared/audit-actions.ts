/** Every action the audit log records. The UI translates these; filters offer them. */
export const AUDIT_ACTIONS = [
  'vault.setup',
  'vault.rekey',
  'vault.verify',
  'session.unlock',
  'session.unlock_failed',
  'session.recover',
  'session.recover_failed',
  'session.lock',
  'user.create',
  'user.disable',
  'user.passphrase_reset',
  'user.passphrase_change',
  'settings.update',
  'access.denied',
  /** Failed-attempt records in the keyring that were malformed or named nobody, so not logged as such. */
  'keyring.events_dropped',
  /** Key slots in the keyring file that the database does not vouch for, removed at sign-in. */
  'keyring.slots_dropped',
  'agency.create',
  'agency.update',
  'contract.create',
  'contract.update',
  'client.create',
  'client.update',
  /** A client's record was opened (who looked at whom is itself confidential evidence). */
  'client.view',
  'referral.create',
  'referral.status_change',
  'referral.assign',
  'case.open',
  'case.close',
  /** A CSV file of referrals was imported (the count, never the rows). */
  'referral.import',
  'data.export',
  'data.import',
  'data.seed_demo',
  'room.create',
  'room.update',
  'availability.update',
  'leave.add',
  'leave.remove',
  'holiday.add',
  'holiday.remove',
  'referral.view',
  'session.view',
  'session.book',
  'session.reschedule',
  'session.status',
  'session.attendance',
  'session.override',
  'session.allowance_exceeded',
  'calendar.export',
  'note.create',
  'note.sign',
  'note.addendum',
  /** A note's content was read by a counsellor the note rule lets read it (see services/caseload.ts). */
  'note.view',
  /**
   * A counsellor opened, for the first time, a note they may read only through continuity of
   * care (an earlier, closed case of a client they now hold an open case for). Later openings
   * of the same note are `note.view` entries with `continuity: true` in their detail.
   */
  'note.view_continuity',
  /** A note was opened by someone outside the client's caseload, with the reason they typed. */
  'note.break_glass',
  /** A note search was run (how many hits, never the words searched for). */
  'note.search',
  'risk.raise',
  'risk.clear',
  'attachment.add',
  'attachment.open',
  /** A questionnaire was given (instrument, mode, how many alerts: never the answers). */
  'measure.record',
  /** An alert raised by an answer was followed up, by a risk flag or a signed note. */
  'measure.alert_follow_up',
  'measure.plan_change',
  'measure.default_plan_change',
  'instrument.enable',
  'instrument.disable',
  'instrument.add',
  /** An admin looked at a report before exporting it (scope and period, never the values). */
  'report.preview',
  /** A report left the clinic: its register entry holds the file's hash and what it published. */
  'report.export',
  'report.register_view',
  'report.public_key',
  /** A consent-scoped letter to a formal referral's referrer. */
  'letter.referral',
  /** A counsellor recorded whether a case's recommendations are being followed. */
  'case.compliance',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Why a session was locked; `renderer_gone` is a crashed window, locked before it reloads. */
export const LOCK_REASONS = ['manual', 'idle', 'os_lock', 'suspend', 'shutdown', 'renderer_gone'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];
