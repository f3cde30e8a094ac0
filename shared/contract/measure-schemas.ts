import { z } from 'zod';
import { localStartSchema } from './session-schemas';
import { MEASUREMENT_MODES, PLAN_EVERY_SESSIONS } from '../domain/measurement-plan';

/** Outcome measures as the channels carry them (issue 12). */

const entityId = z.number().int().positive();
const instrumentIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'instrument_identifier_format' });

/** An instrument in one language: what a form needs to ask it, and what a reader needs to trust it. */
export const instrumentViewSchema = z.object({
  id: z.string(),
  version: z.string(),
  shortName: z.string(),
  name: z.string(),
  instructions: z.string(),
  recallPeriod: z.string(),
  items: z.array(z.object({ number: z.number().int(), text: z.string(), options: z.array(z.object({ value: z.number().int(), label: z.string() })) })),
  range: z.object({ min: z.number(), max: z.number() }),
  direction: z.enum(['higher_is_worse', 'higher_is_better']),
  bands: z.array(z.object({ id: z.string(), min: z.number(), label: z.string() })),
  subscales: z.array(z.object({ id: z.string(), label: z.string() })).nullable(),
  casenessAtLeast: z.number().nullable(),
  reliableChange: z.number().nullable(),
  /** The answers that raise an alert: which item, above which value. */
  alerts: z.array(z.object({ id: z.string(), item: z.number().int(), above: z.number(), label: z.string() })),
  citation: z.string(),
  licence: z.string(),
  /** The Indonesian text's source: a validated translation's citation, or null for a working translation of our own. */
  indonesianCitation: z.string().nullable(),
  bundled: z.boolean(),
});
export type InstrumentView = z.infer<typeof instrumentViewSchema>;

export const instrumentCatalogueEntrySchema = z.object({ instrument: instrumentViewSchema, enabled: z.boolean() });

export const scoreSchema = z.object({
  total: z.number().nullable(),
  band: z.string().nullable(),
  caseness: z.boolean().nullable(),
  subscales: z.record(z.string(), z.object({ score: z.number().nullable(), band: z.string().nullable() })).nullable(),
});

export const measureRecordSchema = z
  .object({
    caseId: entityId,
    sessionId: entityId.optional(),
    instrumentId: instrumentIdSchema,
    /** The clinic's wall-clock time, as `sessions.book` takes it. */
    administeredAt: localStartSchema,
    mode: z.enum(MEASUREMENT_MODES),
    /** Option values in item order (for the CBI, the option's index 0–4 as printed); null for an unanswered item. */
    responses: z.array(z.number().int().min(0).max(1000).nullable()).min(1).max(200),
  })
  .strict();

export const administrationSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  clientId: z.number().int(),
  sessionId: z.number().int().nullable(),
  instrumentId: z.string(),
  instrumentVersion: z.string(),
  administeredAt: z.string(),
  mode: z.enum(MEASUREMENT_MODES),
  /** Item-level answers: for the case's counsellors only; null for admins, who see scores and outcomes. */
  responses: z.array(z.number().nullable()).nullable(),
  complete: z.boolean(),
  score: scoreSchema,
  alerts: z.array(z.string()),
  recordedByName: z.string(),
});
export type Administration = z.infer<typeof administrationSchema>;

export const measureListSchema = z.union([z.object({ caseId: entityId }).strict(), z.object({ clientId: entityId }).strict()]);

const totalAtSchema = z.object({ administrationId: z.number().int(), administeredAt: z.string(), total: z.number() }).nullable();

export const caseOutcomeSchema = z.object({
  caseId: z.number().int(),
  finished: z.boolean(),
  attendedTreatmentSessions: z.number().int(),
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      first: totalAtSchema,
      last: totalAtSchema,
      change: z.number().nullable(),
      reliableChange: z.enum(['improved', 'deteriorated', 'none']).nullable(),
    }),
  ),
  paired: z.object({
    casenessAtStart: z.boolean().nullable(),
    recovered: z.boolean().nullable(),
    reliableImprovement: z.boolean().nullable(),
    reliableDeterioration: z.boolean().nullable(),
    reliableRecovery: z.boolean().nullable(),
  }),
});
export type CaseOutcome = z.infer<typeof caseOutcomeSchema>;

export const measurementPlanSchema = z
  .object({
    instruments: z.array(instrumentIdSchema).max(10).refine((ids) => new Set(ids).size === ids.length, { message: 'instruments_repeated' }),
    atIntake: z.boolean(),
    /** Every this many sessions of the case (2: every second session); null for none between intake and closure. */
    everySessions: z.number().int().min(PLAN_EVERY_SESSIONS.min).max(PLAN_EVERY_SESSIONS.max).nullable(),
    atClosure: z.boolean(),
  })
  .strict();

export const casePlanSchema = z.object({ caseId: z.number().int(), plan: measurementPlanSchema, clinicDefault: z.boolean() });

export const dueMeasureSchema = z.object({
  caseId: z.number().int(),
  clientId: z.number().int(),
  clientCode: z.string(),
  clientName: z.string().nullable(),
  instrumentId: z.string(),
  shortName: z.string(),
  reason: z.enum(['intake', 'session', 'closure']),
  /** The session it is due at (null: at closure); its number among the case's sessions and when it starts. */
  sessionId: z.number().int().nullable(),
  sessionNumber: z.number().int().nullable(),
  sessionStartsAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type DueMeasure = z.infer<typeof dueMeasureSchema>;

export const measureAlertSchema = z.object({
  id: z.number().int(),
  alert: z.string(),
  administrationId: z.number().int(),
  instrumentId: z.string(),
  caseId: z.number().int(),
  clientId: z.number().int(),
  clientCode: z.string(),
  clientName: z.string().nullable(),
  administeredAt: z.string(),
  raisedAt: z.string(),
  /** How it was followed up: a risk flag raised, or a signed note deciding not to raise one. */
  followUp: z.object({ kind: z.enum(['risk_flag', 'note']), at: z.string(), byName: z.string() }).nullable(),
});
export type MeasureAlert = z.infer<typeof measureAlertSchema>;

export const alertFollowUpSchema = z
  .object({
    alertId: entityId,
    /** Why no risk flag is raised: saved as a signed note on the case. */
    note: z.string().trim().min(15, { message: 'follow_up_note_required' }).max(5000),
  })
  .strict();
