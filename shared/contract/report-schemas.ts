import { z } from 'zod';
import { SECTORS } from '../domain/agencies';
import { parsePeriod } from '../reports/period';
import { hiddenValueSchema, reportDocumentSchema } from '../reports/report-document';

/** Agency reports (issue 13): what the admin asks for, and what the preview and the export answer. */
export const reportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agency'), agencyId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('sector'), sector: z.enum(SECTORS) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);

/** `2026-07`, `2026-Q3`, `2026` or `2026-01..2026-06`: whole months only. */
export const reportPeriodSchema = z
  .string()
  .max(20)
  .refine((text) => parsePeriod(text) !== null, { message: 'invalid_period' });

export const REPORT_FORMATS = ['pdf', 'csv', 'json'] as const;

export const reportRequestSchema = z
  .object({
    scope: reportScopeSchema,
    period: reportPeriodSchema,
    language: z.enum(['en', 'id']),
  })
  .strict();

export const reportPreviewSchema = z.object({
  document: reportDocumentSchema,
  hidden: z.array(hiddenValueSchema),
  /** Small counts the earlier reports alone already pin (see disclosure/problem.ts); normally 0. */
  pinnedBeforeThisReport: z.number().int().min(0),
  /** How many earlier reports of the same agencies this one was checked against. */
  checkedAgainst: z.number().int().min(0),
});

export const reportExportSchema = reportRequestSchema.extend({ format: z.enum(REPORT_FORMATS) }).strict();

export const reportExportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('cancelled') }),
  z.object({
    outcome: z.literal('exported'),
    path: z.string(),
    sha256: z.string(),
    registerId: z.number().int(),
    /** The signature beside a PDF or CSV; null for JSON, which carries its own. */
    signaturePath: z.string().nullable(),
  }),
]);

export const registerEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['agency_report', 'referral_letter']),
  madeAt: z.string(),
  madeBy: z.string(),
  scopeKind: z.enum(['agency', 'sector', 'all']).nullable(),
  scopeName: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  referralId: z.number().int().nullable(),
  format: z.enum(REPORT_FORMATS),
  language: z.enum(['en', 'id']),
  sha256: z.string(),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const reportOptionsSchema = z.object({
  agencies: z.array(z.object({ id: z.number().int(), name: z.string(), sector: z.enum(SECTORS) })),
  /** The clinic's current month: the latest a period may reach. */
  currentMonth: z.string(),
});
