import type { EntityManager } from 'typeorm';
import type { LinearSolver } from '../../shared/reports/disclosure/linear-solver';
import { buildReport, type BuiltReport, type ReportRequest, type StageListener } from './report-builder';
import { makeReportFile, type ReportFile, type ReportFileFormat } from './report-files';
import { latestReportEntryId } from './report-register';
import { storedSigner } from './signing-key';

/**
 * One report build as the report worker runs it (issue 13): the report, on one snapshot of
 * the vault, and for an export its signed file. It only reads, so it runs on the worker's
 * read-only connection; the register entry and the audit are the app's (report-app.ts).
 */
export interface ReportJob {
  /** The instant the request came in: the report's "now" (which months have begun). */
  nowIso: string;
  request: ReportRequest;
  /** The file to make and sign; null for a preview. */
  format: ReportFileFormat | null;
}

export interface ReportJobResult {
  built: BuiltReport;
  file: ReportFile | null;
  /** The register as this build saw it (its newest report entry), for the app to check before it enters the file. */
  registerSeenUpTo: number;
}

/** Runs in one read transaction, so the counts, the earlier reports and the register mark are one snapshot. */
export async function runReportJob(m: EntityManager, solver: LinearSolver, job: ReportJob, onStage: StageListener): Promise<ReportJobResult> {
  const registerSeenUpTo = await latestReportEntryId(m);
  const built = await buildReport(m, solver, job.nowIso, job.request, onStage);
  if (job.format === null) return { built, file: null, registerSeenUpTo };
  onStage('signing');
  const file = await makeReportFile(built.document, job.format, await storedSigner(m));
  return { built, file, registerSeenUpTo };
}
