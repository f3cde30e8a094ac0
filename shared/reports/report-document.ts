import { z } from 'zod';

/**
 * The agency report as it leaves the clinic (issue 13): one fixed JSON shape, so that
 * agencies and auditors can read it without Tenang. `null` always means "hidden by
 * disclosure control"; the reason is shown to the admin in the preview, never
 * published. The CSV and the PDF are written from this same document.
 */
export const REPORT_SCHEMA = 'tenang.agency-report/1';

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const count = z.number().int().min(0);
const hiddenCount = count.nullable();

export const reportTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  rowLabels: z.array(z.string()),
  colLabels: z.array(z.string()),
  cells: z.array(z.array(hiddenCount)),
  rowTotals: z.array(hiddenCount),
  colTotals: z.array(hiddenCount),
  total: hiddenCount,
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportMetricSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  numerator: hiddenCount,
  denominator: hiddenCount,
});
export type ReportMetric = z.infer<typeof reportMetricSchema>;

export const insightRowSchema = z.object({
  stressor: z.string(),
  /** The stressor's share of the scope's referrals, 0–1; null when hidden. */
  share: z.number().min(0).max(1).nullable(),
  /** The same share in the sector; null when hidden or when the sector has too few agencies. */
  sectorShare: z.number().min(0).max(1).nullable(),
  actions: z.array(z.string()),
  /** The rule that suggested the actions, written out in the report's language. */
  rule: z.string().nullable(),
});
export type InsightRow = z.infer<typeof insightRowSchema>;

export const reportSignatureSchema = z.object({
  algorithm: z.literal('Ed25519'),
  /** The clinic's public key, the line agencies keep. */
  publicKey: z.string(),
  /** Base64 signature over the canonical JSON of the document without `signature`. */
  value: z.string(),
});

export const SCOPE_KINDS = ['agency', 'sector', 'all'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export const reportDocumentSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  clinic: z.string(),
  language: z.enum(['en', 'id']),
  minCellSize: z.number().int().min(2),
  period: z.object({ from: yearMonth, to: yearMonth }),
  scope: z.object({ kind: z.enum(SCOPE_KINDS), name: z.string() }),
  generatedAt: yearMonth,
  definitions: z.record(z.string(), z.string()),
  tables: z.array(reportTableSchema),
  metrics: z.array(reportMetricSchema),
  insight: z.array(insightRowSchema),
  signature: reportSignatureSchema.nullable(),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** Why the preview hides a value (never published; the admin sees it on hover and in the list). */
export const HIDDEN_REASONS = [
  /** A count from 1 to k−1. */
  'small_count',
  /** Hidden so that a hidden count cannot be worked out from totals, other tables or earlier reports. */
  'complementary',
  /** A rate, share or mean over fewer than k. */
  'small_denominator',
  /** A rate, share or mean made of a hidden count: with the other count, it would give the hidden one back. */
  'hidden_count',
  /** A sector comparison over fewer than 3 agencies. */
  'too_few_agencies',
  /** A comparison share whose group (the sector, or all agencies) has no report of its own for these months in the register yet. */
  'no_comparison_report',
  /** A figure that, subtracted from an earlier report's, would give away a number from 1 to k−1 (figure-differences.ts). */
  'earlier_report',
] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/** Where a hidden value sits in the document. */
export const hiddenPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), table: z.string(), row: z.number().int(), col: z.number().int() }),
  z.object({ kind: z.literal('rowTotal'), table: z.string(), row: z.number().int() }),
  z.object({ kind: z.literal('colTotal'), table: z.string(), col: z.number().int() }),
  z.object({ kind: z.literal('total'), table: z.string() }),
  z.object({ kind: z.literal('metric'), metric: z.string(), part: z.enum(['value', 'numerator', 'denominator']) }),
  z.object({ kind: z.literal('insight'), stressor: z.string(), part: z.enum(['share', 'sectorShare']) }),
]);
export type HiddenPlace = z.infer<typeof hiddenPlaceSchema>;
export const hiddenValueSchema = z.object({ place: hiddenPlaceSchema, reason: z.enum(HIDDEN_REASONS) });
export type HiddenValue = z.infer<typeof hiddenValueSchema>;
