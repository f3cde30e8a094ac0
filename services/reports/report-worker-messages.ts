import type { AppErrorShape } from '../../shared/errors';
import type { ReportStage } from '../../shared/reports/report-progress';
import type { ReportJob, ReportJobResult } from './report-job';

/** What the app hands the report worker as it starts: where the vault is and its data key (moved, not copied). */
export interface ReportWorkerData {
  databasePath: string;
  dataKey: Uint8Array;
  nativeBinding: string | null;
}

export type ToReportWorker = { type: 'job'; id: number; job: ReportJob };

export type FromReportWorker =
  | { type: 'progress'; id: number; stage: ReportStage }
  | { type: 'done'; id: number; result: ReportJobResult }
  /** `error` is the refusal to pass on (an AppError's shape); null for a failure whose details stay in the worker. */
  | { type: 'failed'; id: number; error: AppErrorShape | null; errorName: string; errorCode: string | null };
