import { z } from 'zod';
import { MAX_SESSION_MINUTES, MODALITIES, SESSION_STATUSES, SESSION_TYPES, WORKSHOP_TOPICS, CANCELLED_STATUSES } from '../domain/sessions';
import { RECURRENCES } from '../domain/scheduling';
import { PRESENTING_ISSUES } from '../domain/referrals';
import { calendarDateSchema } from './agency-schemas';
import { RISK_LEVELS } from '../domain/notes';

/** Sessions as the channels carry them (issue 4). Times cross the wire as wall-clock in the clinic's zone going in, UTC instants coming out. */

const entityId = z.number().int().positive();
const reasonText = z.string().trim().max(500).default('');

/** A wall-clock start in the clinic's zone, `YYYY-MM-DDTHH:mm`; the service refuses one a DST change skips. */
export const localStartSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'local_time_format' });

export const durationSchema = z.number().int().min(5).max(MAX_SESSION_MINUTES);

export const sessionBookSchema = z
  .object({
    /** The client's case; none for a group session, workshop, or an agency consultation or debrief. */
    caseId: entityId.nullable().default(null),
    /** For a session without a case: whose service it is. */
    agencyId: entityId.nullable().default(null),
    counsellorId: entityId,
    sessionType: z.enum(SESSION_TYPES),
    modality: z.enum(MODALITIES),
    roomId: entityId.nullable().default(null),
    videoLink: z.union([z.literal(''), z.string().trim().url({ message: 'url_format' }).max(500)]).default(''),
    localStart: localStartSchema,
    durationMinutes: durationSchema,
    /** Which of the case's presenting issues the allowance counts against (default: the case's first). */
    presentingIssue: z.enum(PRESENTING_ISSUES).nullable().default(null),
    repeat: z.object({ recurrence: z.enum(RECURRENCES), count: z.number().int().min(2).max(52) }).nullable().default(null),
    topic: z.enum(WORKSHOP_TOPICS).nullable().default(null),
    capacity: z.number().int().min(1).max(500).nullable().default(null),
    /** Given after the user confirmed booking outside working hours, on leave or on a holiday. */
    overrideReason: reasonText,
    /** Given after the user confirmed booking past the contract's allowance (warn policy). */
    allowanceReason: reasonText,
  })
  .strict()
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { reason: message } });
    if (b.modality === 'in_person' && b.roomId === null) issue('roomId', 'room_required');
    if (b.modality !== 'in_person' && b.roomId !== null) issue('roomId', 'room_only_in_person');
    if (b.modality === 'video' && b.videoLink === '') issue('videoLink', 'video_link_required');
    if (b.sessionType === 'group_workshop') {
      if (b.caseId !== null) issue('caseId', 'workshop_has_no_case');
      if (b.topic === null) issue('topic', 'topic_required');
      if (b.capacity === null) issue('capacity', 'capacity_required');
    } else if (b.topic !== null || b.capacity !== null) issue('topic', 'topic_only_workshop');
    if (b.caseId === null && b.agencyId === null) issue(b.sessionType === 'group_workshop' ? 'agencyId' : 'caseId', b.sessionType === 'group_workshop' ? 'agency_required' : 'case_required');
    if (b.caseId === null && !['group_workshop', 'manager_consultation', 'critical_incident_debrief'].includes(b.sessionType)) issue('caseId', 'case_required');
  });
export type SessionBookInput = z.input<typeof sessionBookSchema>;

export const sessionRescheduleSchema = z
  .object({
    id: entityId,
    localStart: localStartSchema,
    durationMinutes: durationSchema.optional(),
    /** A new room for an in-person session (default: the same room). */
    roomId: entityId.optional(),
    reason: reasonText,
    overrideReason: reasonText,
  })
  .strict();

export const sessionStatusSchema = z
  .object({ id: entityId, status: z.enum(SESSION_STATUSES), reason: reasonText })
  .strict()
  .superRefine((s, ctx) => {
    if (CANCELLED_STATUSES.includes(s.status) && s.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required', params: { reason: 'reason_required' } });
  });

export const sessionAttendanceSchema = z
  .object({ id: entityId, clientIds: z.array(entityId).max(500).default([]), headCount: z.number().int().min(0).max(10_000).nullable().default(null) })
  .strict();

export const sessionSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int().nullable(),
  clientId: z.number().int().nullable(),
  clientCode: z.string().nullable(),
  /** The client's name: only for the case's counsellor and admins (the same rule as the client record). */
  clientName: z.string().nullable(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  counsellorId: z.number().int(),
  counsellorName: z.string(),
  roomId: z.number().int().nullable(),
  roomName: z.string().nullable(),
  startMs: z.number().int(),
  endMs: z.number().int(),
  timeZone: z.string(),
  sessionType: z.enum(SESSION_TYPES),
  modality: z.enum(MODALITIES),
  videoLink: z.string(),
  presentingIssue: z.enum(PRESENTING_ISSUES).nullable(),
  status: z.enum(SESSION_STATUSES),
  statusReason: z.string(),
  topic: z.enum(WORKSHOP_TOPICS).nullable(),
  capacity: z.number().int().nullable(),
  headCount: z.number().int().nullable(),
  attendeeCount: z.number().int(),
  seriesId: z.string().nullable(),
  overrideReason: z.string(),
  allowanceReason: z.string(),
  /** The client's most serious active risk flag, so the calendar entry shows it. */
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  /** The session's note, if one was started, and whether it is signed. */
  noteId: z.number().int().nullable(),
  noteStatus: z.enum(['draft', 'signed']).nullable(),
});
export type SessionView = z.infer<typeof sessionSchema>;

export const sessionChangeSchema = z.object({
  kind: z.enum(['booked', 'rescheduled', 'status']),
  fromStartMs: z.number().int().nullable(),
  toStartMs: z.number().int().nullable(),
  fromStatus: z.enum(SESSION_STATUSES).nullable(),
  toStatus: z.enum(SESSION_STATUSES).nullable(),
  reason: z.string(),
  changedAt: z.string(),
  changedBy: z.string(),
});
export type SessionChange = z.infer<typeof sessionChangeSchema>;

/** Why an occurrence cannot be booked as asked. Another session is named by its time and room only. */
export const SCHEDULE_PROBLEMS = ['counsellor_busy', 'room_busy', 'outside_hours', 'on_leave', 'holiday', 'room_inactive', 'nonexistent_time'] as const;
export type ScheduleProblemKind = (typeof SCHEDULE_PROBLEMS)[number];

export const scheduleProblemSchema = z.object({
  /** Which occurrence of the booking (0 for a single session). */
  occurrence: z.number().int(),
  occurrenceStartMs: z.number().int(),
  kind: z.enum(SCHEDULE_PROBLEMS),
  /** The session in the way: its time and room, never its client or counsellor. */
  other: z.object({ startMs: z.number().int(), endMs: z.number().int(), roomName: z.string().nullable() }).nullable(),
});
export type ScheduleProblem = z.infer<typeof scheduleProblemSchema>;

/** Problems a user may book through by confirming with a reason (logged). */
export const OVERRIDABLE_PROBLEMS: readonly ScheduleProblemKind[] = ['outside_hours', 'on_leave', 'holiday'];

export const allowanceStateSchema = z.object({
  presentingIssue: z.enum(PRESENTING_ISSUES),
  used: z.number().int(),
  allowed: z.number().int(),
  adding: z.number().int(),
  yearStart: z.string(),
  yearEnd: z.string(),
});
export type AllowanceState = z.infer<typeof allowanceStateSchema>;

export const sessionBookResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('booked'), sessions: z.array(sessionSchema) }),
  /** Nothing was saved: book again with overrideReason and/or allowanceReason to go ahead. */
  z.object({
    outcome: z.literal('needs_confirmation'),
    overrides: z.array(scheduleProblemSchema),
    allowance: allowanceStateSchema.nullable(),
  }),
]);

export const sessionListSchema = z
  .object({
    fromMs: z.number().int(),
    toMs: z.number().int(),
    /** Admins: one counsellor, or every counsellor when absent. Counsellors always see their own. */
    counsellorId: entityId.optional(),
    caseId: entityId.optional(),
    includeCancelled: z.boolean().default(true),
  })
  .strict()
  .refine((l) => l.toMs > l.fromMs && l.toMs - l.fromMs <= 62 * 86_400_000, { message: 'range_too_long', path: ['toMs'] });

export const icsExportSchema = z
  .object({
    counsellorId: entityId,
    fromDate: calendarDateSchema,
    toDate: calendarDateSchema,
    includeInitials: z.boolean().default(false),
  })
  .strict()
  .refine((e) => e.fromDate <= e.toDate, { message: 'end_before_start', path: ['toDate'] });
