import { z } from 'zod';
import { ADMIN_ONLY, ANY_SIGNED_IN, COUNSELLOR_ONLY, type Access } from '../roles';
import type { ChannelName, EventName } from './names';
import { agencyFieldsSchema, agencySchema, calendarDateSchema, contractFieldsSchema, contractSchema } from './agency-schemas';
import {
  caseCloseSchema,
  caseSchema,
  clientFieldsShape,
  clientSchema,
  clientSummarySchema,
  referralCreateSchema,
  referralMoveSchema,
  referralSchema,
  statusChangeSchema,
} from './referral-schemas';
import { availabilitySchema, holidaySchema, leaveInputSchema, leaveSchema, roomFieldsSchema, roomSchema, weeklyHoursSchema } from './availability-schemas';
import {
  icsExportSchema,
  sessionAttendanceSchema,
  sessionBookResultSchema,
  sessionBookSchema,
  sessionChangeSchema,
  sessionListSchema,
  sessionRescheduleSchema,
  sessionSchema,
  sessionStatusSchema,
} from './session-schemas';
import {
  addendumCreateSchema,
  addendumSchema,
  attachmentAddSchema,
  attachmentSchema,
  homeSchema,
  noteCreateSchema,
  noteGetSchema,
  noteListSchema,
  noteSaveSchema,
  noteSchema,
  noteSearchHitSchema,
  noteSearchSchema,
  noteSignSchema,
  noteSummarySchema,
  riskClearSchema,
  riskFlagSchema,
  riskRaiseSchema,
} from './note-schemas';
import { dataExportResultSchema, dataExportSchema } from './accountability-schemas';
import { complianceRecordSchema, complianceSchema, letterPreviewSchema, letterSaveResultSchema, referralLetterSchema } from './letter-schemas';
import {
  administrationSchema,
  alertFollowUpSchema,
  caseOutcomeSchema,
  casePlanSchema,
  dueMeasureSchema,
  instrumentCatalogueEntrySchema,
  instrumentViewSchema,
  measureAlertSchema,
  measureListSchema,
  measurementPlanSchema,
  measureRecordSchema,
} from './measure-schemas';
import { registerEntrySchema, reportExportResultSchema, reportExportSchema, reportOptionsSchema, reportPreviewSchema, reportRequestSchema } from './report-schemas';
import { LANGUAGES } from '../settings';
import { ATTACHMENT_TYPES } from '../domain/attachments';
import { URGENCIES } from '../domain/agencies';
import { REFERRAL_STATUSES } from '../domain/referrals';
import { CSV_COLUMNS } from '../domain/csv-columns';

export * from './names';
import { AUDIT_ACTIONS, LOCK_REASONS } from '../audit-actions';
import { REPORT_STAGES } from '../reports/report-progress';
import { secretFieldNames } from '../drafts';
import { parseRecoveryKey } from '../recovery-key';
import {
  auditAnchorSchema,
  auditEntrySchema,
  auditVerificationSchema,
  autoLockMinutesSchema,
  clinicNameSchema,
  displayNameSchema,
  empty,
  isoDateSchema,
  languageSchema,
  passphraseSchema,
  recoveryKeyInputSchema,
  roleSchema,
  sessionInfoSchema,
  settingsSchema,
  timeZoneSchema,
  userSummarySchema,
  usernameSchema,
  withNewPassphrase,
  workingDaysSchema,
} from './schemas';

/**
 * The one declaration of every IPC channel: its name, the zod schema of its input and
 * output, and who may call it. The Electron preload, the main dispatcher, the CLI's
 * `call` command, the test bridge and the renderer's typed client all read this table.
 */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
}

function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

const keyringUserSchema = z.object({ username: z.string(), displayName: z.string() });

export const channels = {
  'app.status': channel({
    summary: 'Whether a vault exists and is unlocked, and who can sign in (what the unlock screen needs).',
    access: 'public',
    input: empty,
    output: z.object({
      vault: z.enum(['uninitialised', 'locked', 'unlocked', 'keyring_unreadable']),
      users: z.array(keyringUserSchema),
      session: sessionInfoSchema.nullable(),
    }),
  }),
  'vault.setup': channel({
    summary: 'First run: create the vault, the clinic settings and the first admin. Returns the recovery key once.',
    access: 'public',
    input: withNewPassphrase(
      {
        clinicName: clinicNameSchema,
        language: languageSchema,
        timeZone: timeZoneSchema,
        username: usernameSchema,
        displayName: displayNameSchema,
      },
      'username',
    ),
    output: z.object({ recoveryKey: z.string(), session: sessionInfoSchema }),
  }),
  'session.unlock': channel({
    summary: 'Sign in: unlock the vault with a user’s passphrase.',
    access: 'public',
    input: z.object({ username: usernameSchema, passphrase: passphraseSchema }),
    output: sessionInfoSchema,
  }),
  'session.recover': channel({
    summary: 'Set a new passphrase for a user with the recovery key (works without the keyring), then sign in.',
    access: 'public',
    input: withNewPassphrase({ username: usernameSchema, recoveryKey: recoveryKeyInputSchema }, 'username'),
    output: sessionInfoSchema,
  }),
  'session.lock': channel({
    summary: 'Lock the vault now: close the database and forget the key.',
    access: ANY_SIGNED_IN,
    input: empty,
    output: z.object({ locked: z.literal(true) }),
  }),
  'session.activity': channel({
    summary: 'The user is active: postpone the idle auto-lock.',
    access: ANY_SIGNED_IN,
    input: empty,
    output: z.object({ idleLockAt: z.string() }),
  }),
  'clipboard.clearRecoveryKey': channel({
    summary:
      'Clear the system clipboard (and on Linux the primary selection) if it still holds this recovery key; anything else copied since is left alone (desktop app only, else "unavailable"). Public: the wizard may have locked meanwhile.',
    access: 'public',
    input: z.object({ recoveryKey: z.string().max(200).refine((text) => parseRecoveryKey(text) !== null, { message: 'recovery_key_format' }) }).strict(),
    output: z.object({ outcome: z.enum(['cleared', 'kept', 'unavailable']) }),
  }),
  'account.changePassphrase': channel({
    summary: 'Change your own passphrase (rewrites your key slot only).',
    access: ANY_SIGNED_IN,
    input: withNewPassphrase({ currentPassphrase: passphraseSchema }),
    output: z.object({ changed: z.literal(true) }),
  }),
  'settings.get': channel({
    summary: 'The clinic settings.',
    access: ANY_SIGNED_IN,
    input: empty,
    output: settingsSchema,
  }),
  'settings.update': channel({
    summary: 'Change clinic settings (name, language, time zone, auto-lock minutes, working days).',
    access: ADMIN_ONLY,
    input: z
      .object({
        clinicName: clinicNameSchema.optional(),
        language: languageSchema.optional(),
        timeZone: timeZoneSchema.optional(),
        autoLockMinutes: autoLockMinutesSchema.optional(),
        workingDays: workingDaysSchema.optional(),
      })
      .strict(),
    output: settingsSchema,
  }),
  'users.list': channel({
    summary: 'Every user account with role and status.',
    access: ADMIN_ONLY,
    input: empty,
    output: z.object({ users: z.array(userSummarySchema) }),
  }),
  'users.create': channel({
    summary: 'Add a counsellor or an admin with a first passphrase.',
    access: ADMIN_ONLY,
    input: withNewPassphrase({ username: usernameSchema, displayName: displayNameSchema, role: roleSchema }, 'username'),
    output: userSummarySchema,
  }),
  'users.disable': channel({
    summary: 'Disable a user: they can no longer unlock (their key slot is removed).',
    access: ADMIN_ONLY,
    input: z.object({ userId: z.number().int().positive() }),
    output: userSummarySchema,
  }),
  'users.resetPassphrase': channel({
    summary: 'Give a user a new passphrase (a new key slot) when they have forgotten theirs.',
    access: ADMIN_ONLY,
    input: withNewPassphrase({ userId: z.number().int().positive() }),
    output: userSummarySchema,
  }),
  'audit.list': channel({
    summary: 'Audit entries, newest first, filtered by user, action, record and date.',
    access: ADMIN_ONLY,
    input: z
      .object({
        actorUserId: z.number().int().positive().optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        recordType: z.string().max(64).optional(),
        recordId: z.string().max(64).optional(),
        /** Inclusive calendar dates in the clinic's time zone. */
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  }),
  'audit.verify': channel({
    summary: 'Check the audit log’s hash chain from the first entry to the last, and optionally that it still holds an anchor recorded earlier.',
    access: ADMIN_ONLY,
    input: z.object({ anchor: auditAnchorSchema.optional() }).strict(),
    output: auditVerificationSchema,
  }),
  'vault.verify': channel({
    summary: 'Check the database’s integrity, schema version and every signed note’s and addendum’s SHA-256.',
    access: ADMIN_ONLY,
    input: empty,
    output: z.object({
      integrity: z.literal('ok'),
      schemaVersion: z.number().int(),
      users: z.number().int(),
      auditEntries: z.number().int(),
      signatures: z.object({ notes: z.number().int(), addenda: z.number().int(), mismatchedNoteIds: z.array(z.number().int()) }),
    }),
  }),
  'vault.rekey': channel({
    summary: 'Re-encrypt the database with a new data key and rewrite every key slot. Returns the new recovery key once.',
    access: ADMIN_ONLY,
    input: z.object({ passphrase: passphraseSchema }),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'data.export': channel({
    summary: 'Write every record of the vault to a file the admin chooses, with a reason shown to every counsellor whose notes it holds; encrypted unless plain text is confirmed.',
    access: ADMIN_ONLY,
    input: dataExportSchema,
    output: dataExportResultSchema,
  }),
  'drafts.get': channel({
    summary: 'Your saved draft of a form, if any (kept across locks and crashes).',
    access: ANY_SIGNED_IN,
    input: z.object({ formKey: z.string().regex(/^[a-z0-9.:-]{1,80}$/) }),
    output: z.object({ payload: z.record(z.string(), z.unknown()).nullable(), savedAt: z.string().nullable() }),
  }),
  'drafts.save': channel({
    summary: 'Save your draft of a form inside the encrypted vault.',
    access: ANY_SIGNED_IN,
    input: z.object({
      formKey: z.string().regex(/^[a-z0-9.:-]{1,80}$/),
      payload: z
        .record(z.string(), z.unknown())
        .refine((p) => JSON.stringify(p).length <= 200_000, { message: 'draft_too_large' })
        .refine((p) => secretFieldNames(p).length === 0, { message: 'draft_secret_field' }),
    }),
    output: z.object({ savedAt: z.string() }),
  }),
  'drafts.discard': channel({
    summary: 'Delete your draft of a form.',
    access: ANY_SIGNED_IN,
    input: z.object({ formKey: z.string().regex(/^[a-z0-9.:-]{1,80}$/) }),
    output: z.object({ discarded: z.boolean() }),
  }),
  'agencies.list': channel({
    summary: 'Partner agencies, active first, by name.',
    access: ANY_SIGNED_IN,
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.object({ agencies: z.array(agencySchema) }),
  }),
  'agencies.create': channel({
    summary: 'Add a partner agency (name, sector, address, contact).',
    access: ADMIN_ONLY,
    input: agencyFieldsSchema.strict(),
    output: agencySchema,
  }),
  'agencies.update': channel({
    summary: 'Change an agency, or mark it inactive or active again.',
    access: ADMIN_ONLY,
    input: agencyFieldsSchema.extend({ id: z.number().int().positive(), active: z.boolean() }).strict(),
    output: agencySchema,
  }),
  'contracts.list': channel({
    summary: 'The EAP contracts of one agency, newest first.',
    access: ADMIN_ONLY,
    input: z.object({ agencyId: z.number().int().positive() }).strict(),
    output: z.object({ contracts: z.array(contractSchema) }),
  }),
  'contracts.create': channel({
    summary: 'Add a contract to an agency; periods of one agency may not overlap.',
    access: ADMIN_ONLY,
    input: contractFieldsSchema.and(z.object({ agencyId: z.number().int().positive() })),
    output: contractSchema,
  }),
  'contracts.update': channel({
    summary: 'Change a contract; its period still may not overlap another of the agency.',
    access: ADMIN_ONLY,
    input: contractFieldsSchema.and(z.object({ id: z.number().int().positive() })),
    output: contractSchema,
  }),
  'clients.search': channel({
    summary: 'Find clients by name, client code or agency, a page at a time (counsellors: only their own clients).',
    access: ANY_SIGNED_IN,
    input: z
      .object({
        query: z.string().trim().max(100).default(''),
        agencyId: z.number().int().positive().optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ clients: z.array(clientSummarySchema), total: z.number().int() }),
  }),
  'clients.get': channel({
    summary: 'One client with their cases and referral history (audited; counsellors: only their own clients).',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ client: clientSchema, cases: z.array(caseSchema), referrals: z.array(referralSchema) }),
  }),
  'clients.update': channel({
    summary: 'Change a client’s details (counsellors: only their own clients).',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive(), ...clientFieldsShape }).strict(),
    output: clientSchema,
  }),
  'clients.findDuplicates': channel({
    summary: 'Clients of an agency with the same name and date of birth, or the same email (the intake duplicate guard).',
    access: ADMIN_ONLY,
    input: z
      .object({
        agencyId: z.number().int().positive(),
        givenName: z.string().trim().max(80),
        familyName: z.string().trim().max(80).default(''),
        dateOfBirth: calendarDateSchema.nullable().default(null),
        email: z.string().trim().max(200).default(''),
      })
      .strict(),
    output: z.object({ clients: z.array(clientSummarySchema) }),
  }),
  'referrals.create': channel({
    summary: 'Intake a referral for an existing or a new client. A new client who looks like an existing one is not created until allowDuplicate is set.',
    access: ADMIN_ONLY,
    input: referralCreateSchema,
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('created'), referral: referralSchema }),
      z.object({ outcome: z.literal('possible_duplicates'), candidates: z.array(clientSummarySchema) }),
    ]),
  }),
  'referrals.list': channel({
    summary: 'Referrals, newest first (counsellors: only those assigned to them).',
    access: ANY_SIGNED_IN,
    input: z
      .object({
        status: z.enum(REFERRAL_STATUSES).optional(),
        agencyId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.object({ referrals: z.array(referralSchema) }),
  }),
  'referrals.get': channel({
    summary: 'One referral with its status history (counsellors: only those assigned to them).',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ referral: referralSchema, history: z.array(statusChangeSchema) }),
  }),
  'referrals.move': channel({
    summary: 'Triage, waitlist or close a referral (closing needs a reason); illegal moves are refused.',
    access: ADMIN_ONLY,
    input: referralMoveSchema,
    output: referralSchema,
  }),
  'referrals.assign': channel({
    summary: 'Assign a waitlisted referral to a counsellor, which opens a case for its client.',
    access: ADMIN_ONLY,
    input: z.object({ id: z.number().int().positive(), counsellorId: z.number().int().positive() }).strict(),
    output: referralSchema,
  }),
  'referrals.waitlist': channel({
    summary: 'Referrals waiting for a counsellor, by urgency then age, each with its first-appointment deadline; the first `limit` of `total`.',
    access: ADMIN_ONLY,
    input: z
      .object({
        agencyId: z.number().int().positive().optional(),
        urgency: z.enum(URGENCIES).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ referrals: z.array(referralSchema), total: z.number().int() }),
  }),
  'referrals.import': channel({
    summary: 'Import referrals from a CSV file: every row is checked first; one bad row and nothing is imported, with every bad line reported.',
    access: ADMIN_ONLY,
    input: z
      .object({
        csv: z.string().max(20_000_000),
        /** For files with other headers: which header holds each canonical column. */
        mapping: z.partialRecord(z.enum(CSV_COLUMNS), z.string().max(200)).optional(),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('imported'), imported: z.number().int(), dryRun: z.boolean() }),
      z.object({
        outcome: z.literal('invalid'),
        rows: z.number().int(),
        /** Each problem by line of the file (the header is line 1) and column; never the cell's content. */
        problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string() })),
      }),
    ]),
  }),
  'cases.list': channel({
    summary: 'Cases, open first (counsellors: only their own).',
    access: ANY_SIGNED_IN,
    input: z.object({ openOnly: z.boolean().default(false), counsellorId: z.number().int().positive().optional() }).strict(),
    output: z.object({ cases: z.array(caseSchema) }),
  }),
  'cases.close': channel({
    summary: 'Close a case with a date and a reason (its counsellor or an admin).',
    access: ANY_SIGNED_IN,
    input: caseCloseSchema,
    output: caseSchema,
  }),
  'rooms.list': channel({
    summary: 'The clinic’s rooms, active first, by name.',
    access: ANY_SIGNED_IN,
    input: empty,
    output: z.object({ rooms: z.array(roomSchema) }),
  }),
  'rooms.create': channel({
    summary: 'Add a room with its capacity (group sessions fill a room up to it).',
    access: ADMIN_ONLY,
    input: roomFieldsSchema.strict(),
    output: roomSchema,
  }),
  'rooms.update': channel({
    summary: 'Rename a room, change its capacity, or mark it inactive.',
    access: ADMIN_ONLY,
    input: roomFieldsSchema.extend({ id: z.number().int().positive(), active: z.boolean() }).strict(),
    output: roomSchema,
  }),
  'availability.get': channel({
    summary: 'A counsellor’s weekly working hours and leave (counsellors: their own).',
    access: ANY_SIGNED_IN,
    input: z.object({ userId: z.number().int().positive() }).strict(),
    output: availabilitySchema,
  }),
  'availability.setHours': channel({
    summary: 'Replace a counsellor’s weekly working hours (an admin, or the counsellor for themselves).',
    access: ANY_SIGNED_IN,
    input: z.object({ userId: z.number().int().positive(), hours: weeklyHoursSchema }).strict(),
    output: availabilitySchema,
  }),
  'leave.add': channel({
    summary: 'Record leave: whole days, both included (an admin, or the counsellor for themselves).',
    access: ANY_SIGNED_IN,
    input: leaveInputSchema,
    output: leaveSchema,
  }),
  'leave.remove': channel({
    summary: 'Remove a leave record (an admin, or the counsellor for themselves).',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ removed: z.literal(true) }),
  }),
  'holidays.list': channel({
    summary: 'Clinic holidays from a date on (default: all), by date.',
    access: ANY_SIGNED_IN,
    input: z.object({ from: calendarDateSchema.optional() }).strict(),
    output: z.object({ holidays: z.array(holidaySchema) }),
  }),
  'holidays.add': channel({
    summary: 'Close the clinic on a date; working-day deadlines skip it.',
    access: ADMIN_ONLY,
    input: holidaySchema.strict(),
    output: holidaySchema,
  }),
  'holidays.remove': channel({
    summary: 'Open the clinic again on a date that was a holiday.',
    access: ADMIN_ONLY,
    input: z.object({ date: calendarDateSchema }).strict(),
    output: z.object({ removed: z.literal(true) }),
  }),
  'sessions.list': channel({
    summary: 'Sessions starting in a span of at most 62 days, by start (counsellors: their own; admins: one counsellor or all).',
    access: ANY_SIGNED_IN,
    input: sessionListSchema,
    output: z.object({ sessions: z.array(sessionSchema) }),
  }),
  'sessions.get': channel({
    summary: 'One session with its history of changes and, for a group, its named attendees (counsellors: those of their caseload, and how many others).',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({
      session: sessionSchema,
      history: z.array(sessionChangeSchema),
      attendees: z.array(clientSummarySchema),
      /** Named attendees outside the caller's caseload: counted, never named (always 0 for an admin). */
      otherAttendees: z.number().int(),
    }),
  }),
  'sessions.book': channel({
    summary: 'Book a session or a weekly/fortnightly series: every occurrence is checked first and nothing is saved unless all can be booked. Outside hours, leave, holidays and a warn-policy allowance ask for a reason first.',
    access: ANY_SIGNED_IN,
    input: sessionBookSchema,
    output: sessionBookResultSchema,
  }),
  'sessions.reschedule': channel({
    summary: 'Move a scheduled session (and, in person, maybe its room) through the same checks as booking; the old time is kept in its history.',
    access: ANY_SIGNED_IN,
    input: sessionRescheduleSchema,
    output: sessionBookResultSchema,
  }),
  'sessions.setStatus': channel({
    summary: 'Record attendance or a cancellation (cancellations need a reason); kept in the session’s history.',
    access: ANY_SIGNED_IN,
    input: sessionStatusSchema,
    output: sessionSchema,
  }),
  'sessions.setAttendance': channel({
    summary: 'A group session’s attendance: named clients, or an anonymous head count. A counsellor names only clients of their caseload, and attendees outside it stay as they are.',
    access: ANY_SIGNED_IN,
    input: sessionAttendanceSchema,
    output: sessionSchema,
  }),
  'calendar.exportIcs': channel({
    summary: 'A counsellor’s sessions as an iCalendar (.ics) file, with client codes and never names (initials only when asked).',
    access: ANY_SIGNED_IN,
    input: icsExportSchema,
    output: z.object({ fileName: z.string(), ics: z.string(), sessions: z.number().int() }),
  }),
  'notes.create': channel({
    summary: 'Start a note on a case (its counsellor): a session note for one of its sessions, or a note on the case. A session has one note; asking again returns it.',
    access: COUNSELLOR_ONLY,
    input: noteCreateSchema,
    output: noteSchema,
  }),
  'notes.save': channel({
    summary: 'Save a draft as it is typed (its author only; a signed note is refused).',
    access: COUNSELLOR_ONLY,
    input: noteSaveSchema,
    output: z.object({ savedAt: z.string() }),
  }),
  'notes.sign': channel({
    summary: 'Save and sign a draft: the signer, the time and a SHA-256 of its content are recorded, and it never changes again.',
    access: COUNSELLOR_ONLY,
    input: noteSignSchema,
    output: noteSchema,
  }),
  'notes.get': channel({
    summary: 'One note with its addenda. A counsellor opens the notes of their own cases and, while holding a client’s open case, the notes of the client’s closed cases; an admin must give a break-glass reason, which is logged and shown to the note’s counsellor.',
    access: ANY_SIGNED_IN,
    input: noteGetSchema,
    output: noteSchema,
  }),
  'notes.list': channel({
    summary: 'A client’s or a case’s notes, newest first, without their content (counsellors: the notes they may read).',
    access: ANY_SIGNED_IN,
    input: noteListSchema,
    output: z.object({ notes: z.array(noteSummarySchema) }),
  }),
  'notes.addAddendum': channel({
    summary: 'Correct a signed note: an addendum, signed and timestamped as it is saved, shown under the note.',
    access: COUNSELLOR_ONLY,
    input: addendumCreateSchema,
    output: addendumSchema,
  }),
  'notes.search': channel({
    summary: 'Full-text search of the notes and addenda the caller may read, ranked, with highlighted snippets.',
    access: COUNSELLOR_ONLY,
    input: noteSearchSchema,
    output: z.object({ hits: z.array(noteSearchHitSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  }),
  'home.get': channel({
    summary: 'The home screen: notes to sign (oldest first), risk reviews due, and break-glass openings of the caller’s notes.',
    access: ANY_SIGNED_IN,
    input: empty,
    output: homeSchema,
  }),
  'risks.list': channel({
    summary: 'A client’s risk flags, active first (counsellors: their caseload).',
    access: ANY_SIGNED_IN,
    input: z.object({ clientId: z.number().int().positive(), includeCleared: z.boolean().default(false) }).strict(),
    output: z.object({ flags: z.array(riskFlagSchema) }),
  }),
  'risks.raise': channel({
    summary: 'Raise a risk flag on a client of the caller’s caseload, with a level, a review date and a note saying why (signed as it is saved).',
    access: COUNSELLOR_ONLY,
    input: riskRaiseSchema,
    output: riskFlagSchema,
  }),
  'risks.clear': channel({
    summary: 'Clear a risk flag, with a note saying why (signed as it is saved).',
    access: COUNSELLOR_ONLY,
    input: riskClearSchema,
    output: riskFlagSchema,
  }),
  'attachments.list': channel({
    summary: 'A client’s attachments (never their content).',
    access: ANY_SIGNED_IN,
    input: z.object({ clientId: z.number().int().positive() }).strict(),
    output: z.object({ attachments: z.array(attachmentSchema) }),
  }),
  'attachments.add': channel({
    summary: 'Attach a PDF, PNG, JPEG or DOCX (told by its content, at most 20 MiB) to a client or case; kept inside the vault.',
    access: ANY_SIGNED_IN,
    input: attachmentAddSchema,
    output: attachmentSchema,
  }),
  'attachments.get': channel({
    summary: 'One attachment’s content, to show in the app or open as a short-lived temporary copy.',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ attachment: attachmentSchema, mediaType: z.enum(ATTACHMENT_TYPES), dataBase64: z.string() }),
  }),
  'attachments.openCopy': channel({
    summary: 'Open a document in the operating system’s viewer through a private temporary copy, removed when the vault locks or the app closes (desktop app only).',
    access: ANY_SIGNED_IN,
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ opened: z.literal(true) }),
  }),
  'measures.instruments': channel({
    summary: 'The outcome-measure instruments the clinic uses, with their items in the caller’s language (or the one asked for: a client answers in theirs).',
    access: ANY_SIGNED_IN,
    input: z.object({ language: z.enum(LANGUAGES).optional() }).strict(),
    output: z.object({ instruments: z.array(instrumentViewSchema) }),
  }),
  'measures.catalogue': channel({
    summary: 'Every instrument the clinic has, bundled or added, and whether it is switched on.',
    access: ADMIN_ONLY,
    input: z.object({ language: z.enum(LANGUAGES).optional() }).strict(),
    output: z.object({ entries: z.array(instrumentCatalogueEntrySchema) }),
  }),
  'measures.setEnabled': channel({
    summary: 'Switch an instrument on or off for the clinic (past administrations keep their scores).',
    access: ADMIN_ONLY,
    input: z.object({ instrumentId: z.string().min(1).max(40), enabled: z.boolean() }).strict(),
    output: z.object({ entries: z.array(instrumentCatalogueEntrySchema) }),
  }),
  'measures.addInstrument': channel({
    summary: 'Add an instrument file the clinic holds a licence for, checked against the instrument schema field by field.',
    access: ADMIN_ONLY,
    input: z.object({ fileText: z.string().min(1, { message: 'required' }).max(1_000_000) }).strict(),
    output: z.object({ entries: z.array(instrumentCatalogueEntrySchema) }),
  }),
  'measures.record': channel({
    summary: 'Record a questionnaire given on the caller’s open case, answers item by item as given; returns it scored, with any alerts.',
    access: COUNSELLOR_ONLY,
    input: measureRecordSchema,
    output: administrationSchema,
  }),
  'measures.list': channel({
    summary: 'A case’s or a client’s administrations, oldest first, each scored (item-level answers for counsellors only).',
    access: ANY_SIGNED_IN,
    input: measureListSchema,
    output: z.object({ administrations: z.array(administrationSchema) }),
  }),
  'measures.caseOutcome': channel({
    summary: 'A case’s change per instrument and its paired outcome (recovery, reliable improvement and deterioration), by the published rules.',
    access: ANY_SIGNED_IN,
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: caseOutcomeSchema,
  }),
  'measures.alerts': channel({
    summary: 'A client’s questionnaire alerts (PHQ-9 item 9), open ones first, with how each was followed up.',
    access: ANY_SIGNED_IN,
    input: z.object({ clientId: z.number().int().positive() }).strict(),
    output: z.object({ alerts: z.array(measureAlertSchema) }),
  }),
  'measures.followUpAlert': channel({
    summary: 'Follow an alert up by deciding not to raise a risk flag, in words saved as a signed note (raising a self-harm flag follows it up too).',
    access: COUNSELLOR_ONLY,
    input: alertFollowUpSchema,
    output: measureAlertSchema,
  }),
  'measures.plan': channel({
    summary: 'A case’s measurement plan, and whether it is the clinic’s default.',
    access: ANY_SIGNED_IN,
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: casePlanSchema,
  }),
  'measures.setPlan': channel({
    summary: 'Change a case’s measurement plan (its counsellor), or return it to the clinic’s default (plan null).',
    access: COUNSELLOR_ONLY,
    input: z.object({ caseId: z.number().int().positive(), plan: measurementPlanSchema.nullable() }).strict(),
    output: casePlanSchema,
  }),
  'measures.defaultPlan': channel({
    summary: 'The clinic’s default measurement plan.',
    access: ANY_SIGNED_IN,
    input: empty,
    output: z.object({ plan: measurementPlanSchema }),
  }),
  'measures.setDefaultPlan': channel({
    summary: 'Set the clinic’s default measurement plan (cases with their own plan keep it).',
    access: ADMIN_ONLY,
    input: z.object({ plan: measurementPlanSchema }).strict(),
    output: z.object({ plan: measurementPlanSchema }),
  }),
  'measures.due': channel({
    summary: 'What a case’s plan asks that has not been given: at its sessions (overdue once a session took place) and at closure.',
    access: ANY_SIGNED_IN,
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: z.object({ due: z.array(dueMeasureSchema) }),
  }),
  'measures.startClientMode': channel({
    summary: 'Hand the desktop to the client for questionnaires on this case: until the counsellor’s passphrase ends it, only those can be reached, and the idle lock waits.',
    access: COUNSELLOR_ONLY,
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: z.object({ started: z.literal(true) }),
  }),
  'measures.endClientMode': channel({
    summary: 'The counsellor takes the desktop back with their passphrase; returns the alerts the client’s answers raised.',
    access: COUNSELLOR_ONLY,
    input: z.object({ passphrase: z.string().min(1, { message: 'required' }).max(1024) }).strict(),
    output: z.object({ alerts: z.array(measureAlertSchema) }),
  }),
  'cases.compliance': channel({
    summary: 'The newest answer to “are the recommendations being followed?” on a case, with who gave it and when (counsellors: only cases they may read).',
    access: ANY_SIGNED_IN,
    input: z.object({ caseId: z.number().int().positive() }).strict(),
    output: complianceSchema,
  }),
  'cases.recordCompliance': channel({
    summary: 'Record yes or no to “are the recommendations being followed?” on an open case (its counsellor only); the newest answer counts.',
    access: COUNSELLOR_ONLY,
    input: complianceRecordSchema,
    output: complianceSchema,
  }),
  'letters.referralPreview': channel({
    summary: 'What a letter to a formal referral’s referrer would say now, only what the client’s consent allows; refused with the reason when consent is none, expired or incomplete.',
    access: ADMIN_ONLY,
    input: referralLetterSchema,
    output: letterPreviewSchema,
  }),
  'letters.referralSave': channel({
    summary: 'Write the letter to the referrer as a PDF the admin saves, entered in the register and the audit log.',
    access: ADMIN_ONLY,
    input: referralLetterSchema,
    output: letterSaveResultSchema,
  }),
  'reports.options': channel({
    summary: 'What a report can be about: the agencies (with their sectors) and the latest month a period may reach.',
    access: ADMIN_ONLY,
    input: z.object({}).strict(),
    output: reportOptionsSchema,
  }),
  'reports.preview': channel({
    summary: 'Build an agency, sector or all-agencies report for whole months, with disclosure control: every hidden value and why (the reasons are never published).',
    access: ADMIN_ONLY,
    input: reportRequestSchema,
    output: reportPreviewSchema,
  }),
  'reports.export': channel({
    summary: 'Build the report again, sign it with the clinic’s key, save it where the admin chooses (PDF, CSV or JSON) and enter it in the register.',
    access: ADMIN_ONLY,
    input: reportExportSchema,
    output: reportExportResultSchema,
  }),
  'reports.register': channel({
    summary: 'Every report and letter that left the clinic: who, when, scope, period, format and the SHA-256 of the file.',
    access: ADMIN_ONLY,
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(registerEntrySchema), publicKey: z.string() }),
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Channels = typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

/** Events the main process pushes to the renderer (no input from the renderer). */
export const events = {
  'session.locked': z.object({ reason: z.enum(LOCK_REASONS) }),
  'drafts.flush': z.object({}),
  'reports.progress': z.object({ kind: z.enum(['preview', 'export']), stage: z.enum(REPORT_STAGES) }),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
