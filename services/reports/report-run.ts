import type { ReportStage } from '../../shared/reports/report-progress';
import type { GiveWayWhile } from '../request-queue';
import type { OpenSession } from '../session';
import type { ReportJob, ReportJobResult } from './report-job';
import { reportWorkerOf } from './report-worker';

/** How a caller waits for a report: giving way to other requests (the app's dispatcher), and hearing its stages. */
export interface ReportRunOptions {
  whileOthersRun?: GiveWayWhile;
  onStage?: (stage: ReportStage) => void;
}

/** Builds a report in the session's worker thread. */
export function runInReportWorker(session: OpenSession, job: ReportJob, options: ReportRunOptions = {}): Promise<ReportJobResult> {
  const run = () => reportWorkerOf(session).run(job, options.onStage ?? (() => undefined));
  return options.whileOthersRun ? options.whileOthersRun(run) : run();
}
