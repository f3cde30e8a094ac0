/**
 * The stages of building a report, in order, as the report worker announces them
 * (event `reports.progress`): reading the counts, the disclosure audit, writing the
 * published tables and metrics, and (for an export) making and signing the file.
 */
export const REPORT_STAGES = ['reading', 'protecting', 'assembling', 'signing'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

/** The stages one build goes through: a preview is not signed. */
export function stagesOf(kind: 'preview' | 'export'): readonly ReportStage[] {
  return kind === 'export' ? REPORT_STAGES : REPORT_STAGES.filter((s) => s !== 'signing');
}
