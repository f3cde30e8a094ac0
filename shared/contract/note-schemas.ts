import { z } from 'zod';
import { dueMeasureSchema, measureAlertSchema } from './measure-schemas';
import { NOTE_TEMPLATES, RISK_KINDS, RISK_LEVELS, NOTE_TEXT_MAX, ADDENDUM_TEXT_MAX } from '../domain/notes';
import { ATTACHMENT_KINDS, ATTACHMENT_TYPES } from '../domain/attachments';
import { calendarDateSchema } from './agency-schemas';
import { BREAK_GLASS_CATEGORIES } from '../domain/accountability';
import { breakGlassRequestSchema, fullExportNoticeSchema, passphraseResetNoticeSchema } from './accountability-schemas';

/** Case notes, addenda, break-glass, risk flags, note search and attachments as the channels carry them (issue 5). */

const entityId = z.number().int().positive();

/** A note's sections as typed: each section's text, capped so one note cannot fill the vault. */
export const noteContentSchema = z.record(z.string(), z.string().max(NOTE_TEXT_MAX, { message: 'note_too_long' }));

export const noteCreateSchema = z
  .object({
    caseId: entityId,
    /** The session this note records; none for a note on the case (a phone contact, a supervisor consultation). */
    sessionId: entityId.nullable().default(null),
    template: z.enum(NOTE_TEMPLATES),
  })
  .strict();

export const noteSaveSchema = z.object({ id: entityId, content: noteContentSchema }).strict();

export const noteSignSchema = noteSaveSchema;

/**
 * Break-glass: an admin opening a clinical note must say why, in a category and in words;
 * the opening is logged and shown to the note's counsellor. Both or neither.
 */
export const noteGetSchema = z
  .object({ id: entityId, ...breakGlassRequestSchema.partial().shape })
  .strict()
  .superRefine((v, ctx) => {
    if (v.breakGlassReason !== undefined && v.breakGlassCategory === undefined) ctx.addIssue({ code: 'custom', path: ['breakGlassCategory'], message: 'required', params: { reason: 'required' } });
    if (v.breakGlassCategory !== undefined && v.breakGlassReason === undefined) ctx.addIssue({ code: 'custom', path: ['breakGlassReason'], message: 'required', params: { reason: 'required' } });
  });

export const addendumCreateSchema = z
  .object({ noteId: entityId, text: z.string().trim().min(1, { message: 'addendum_required' }).max(ADDENDUM_TEXT_MAX, { message: 'note_too_long' }) })
  .strict();

export const addendumSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  signedAt: z.string(),
  signedByName: z.string(),
  contentSha256: z.string(),
  /** Whether the stored text still hashes to the signature's SHA-256. */
  hashVerified: z.boolean(),
});
export type NoteAddendum = z.infer<typeof addendumSchema>;

export const breakGlassOpeningSchema = z.object({
  noteId: z.number().int(),
  clientCode: z.string(),
  userName: z.string(),
  /** Null for openings logged before categories were asked (schema 9). */
  category: z.enum(BREAK_GLASS_CATEGORIES).nullable(),
  reason: z.string(),
  openedAt: z.string(),
});
export type BreakGlassOpening = z.infer<typeof breakGlassOpeningSchema>;

/** What a list shows of a note: never its content. */
export const noteSummarySchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  clientId: z.number().int(),
  clientCode: z.string(),
  /** Only for those who may see the client's name (the case's counsellor and admins). */
  clientName: z.string().nullable(),
  sessionId: z.number().int().nullable(),
  sessionStartMs: z.number().int().nullable(),
  authorUserId: z.number().int(),
  authorName: z.string(),
  template: z.enum(NOTE_TEMPLATES),
  status: z.enum(['draft', 'signed']),
  createdAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  addendumCount: z.number().int(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

export const noteSchema = noteSummarySchema.extend({
  content: z.record(z.string(), z.string()),
  signedByName: z.string().nullable(),
  contentSha256: z.string().nullable(),
  /** For a signed note: whether its content still hashes to the signature's SHA-256. */
  hashVerified: z.boolean().nullable(),
  addenda: z.array(addendumSchema),
  /** Break-glass openings of this note: shown to the case's counsellor and the note's author only. */
  breakGlass: z.array(breakGlassOpeningSchema),
  /** The caller wrote this draft and may go on typing it. */
  mayEdit: z.boolean(),
  /** The caller may add an addendum (a signed note of their own, or of a case they hold or held). */
  mayAddAddendum: z.boolean(),
  /**
   * The caller reads this note only through continuity of care: a closed case of another
   * counsellor, while the caller holds an open case for the client (see services/caseload.ts).
   */
  readForContinuity: z.boolean(),
});
export type Note = z.infer<typeof noteSchema>;

export const noteListSchema = z
  .object({ clientId: entityId.optional(), caseId: entityId.optional() })
  .strict()
  .refine((v) => v.clientId !== undefined || v.caseId !== undefined, { message: 'client_or_case_required', path: ['clientId'] });

export const riskFlagSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientCode: z.string(),
  clientName: z.string().nullable(),
  kind: z.enum(RISK_KINDS),
  level: z.enum(RISK_LEVELS),
  raisedDate: z.string(),
  reviewDate: z.string(),
  raisedByName: z.string(),
  /** The note saying why it was raised; null when the caller may not read it (the note rule of services/caseload.ts). */
  raisedNoteId: z.number().int().nullable(),
  clearedAt: z.string().nullable(),
  clearedByName: z.string().nullable(),
  /** The note saying why it was cleared; null while active, or when the caller may not read it. */
  clearedNoteId: z.number().int().nullable(),
});
export type RiskFlag = z.infer<typeof riskFlagSchema>;

const flagNoteText = z.string().trim().min(1, { message: 'risk_note_required' }).max(NOTE_TEXT_MAX, { message: 'note_too_long' });

export const riskRaiseSchema = z
  .object({
    clientId: entityId,
    /** The case the flag's note is written in (an open case of the caller's). */
    caseId: entityId,
    kind: z.enum(RISK_KINDS),
    level: z.enum(RISK_LEVELS),
    reviewDate: calendarDateSchema,
    /** Why: saved and signed as a note on the case, which the flag points to. */
    note: flagNoteText,
  })
  .strict();

export const riskClearSchema = z.object({ id: entityId, caseId: entityId, note: flagNoteText }).strict();

export const noteSearchSchema = z
  .object({
    query: z.string().trim().min(1, { message: 'search_required' }).max(200),
    clientId: entityId.optional(),
    template: z.enum(NOTE_TEMPLATES).optional(),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    page: z.number().int().min(0).max(1000).default(0),
  })
  .strict();

/** Where a highlighted term starts and ends in a snippet: these two control characters, never typed by anyone. */
export const SNIPPET_MARK_START = '\u0002';
export const SNIPPET_MARK_END = '\u0003';

export const noteSearchHitSchema = z.object({
  noteId: z.number().int(),
  /** Set when the hit is in an addendum of the note. */
  addendumId: z.number().int().nullable(),
  clientId: z.number().int(),
  clientCode: z.string(),
  clientName: z.string().nullable(),
  template: z.enum(NOTE_TEMPLATES),
  status: z.enum(['draft', 'signed']),
  authorName: z.string(),
  writtenAt: z.string(),
  /** Text around the match; matched terms between SNIPPET_MARK_START and SNIPPET_MARK_END. */
  snippet: z.string(),
});
export type NoteSearchHit = z.infer<typeof noteSearchHitSchema>;

export const NOTE_SEARCH_PAGE_SIZE = 20;

export const homeSchema = z.object({
  /** The caller's unsigned notes, oldest first. */
  notesToSign: z.array(noteSummarySchema),
  /** Active risk flags of the caller's caseload whose review date has come. */
  reviewsDue: z.array(riskFlagSchema),
  /** Break-glass openings of notes in the caller's caseload, newest first (last 90 days). */
  breakGlass: z.array(breakGlassOpeningSchema),
  /** Full exports of the vault that held notes the caller wrote, newest first (last 90 days). */
  fullExports: z.array(fullExportNoticeSchema),
  /** New passphrases someone else gave the caller, newest first (last 90 days). */
  passphraseResets: z.array(passphraseResetNoticeSchema),
  /** Questionnaire alerts on the caller's cases not yet followed up, oldest first: the top of Home. */
  measureAlerts: z.array(measureAlertSchema),
  /** Measures the plans of the caller's open cases asked for at sessions that have taken place. */
  measuresOverdue: z.array(dueMeasureSchema),
});

export const attachmentSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  caseId: z.number().int().nullable(),
  kind: z.enum(ATTACHMENT_KINDS),
  /** The type found by reading the content, not the name. */
  mediaType: z.enum(ATTACHMENT_TYPES),
  title: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
  addedByName: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentAddSchema = z
  .object({
    clientId: entityId,
    caseId: entityId.nullable().default(null),
    kind: z.enum(ATTACHMENT_KINDS),
    /** A title for the list; defaults to the file's name without its folder. */
    title: z.string().trim().min(1, { message: 'title_required' }).max(200),
    /** The file's bytes, base64 (the contract carries JSON); the size limit is checked on the decoded bytes. */
    dataBase64: z.string().max(30 * 1024 * 1024, { message: 'attachment_too_large' }),
  })
  .strict();
