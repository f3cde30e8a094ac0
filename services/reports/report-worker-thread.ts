/**
 * The report worker (issue 13: "reports are built in a worker thread"): a thread of the
 * app's process with its own read-only connection to the vault, so that reading a year of
 * an agency's records and the disclosure audit's linear programmes never hold up the main
 * process (the window, autosaves, the idle lock). It only reads; the app enters what it
 * returns in the register. Jobs run one at a time, each on one snapshot of the vault.
 *
 * The Electron build bundles this file as `out/main/report-worker.js`; the CLI and the
 * tests start it from source through `report-worker-from-source.mjs`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDataSource } from '../../db/data-source';
import { isAppError } from '../../shared/errors';
import { highsSolver } from './highs-solver';
import { runReportJob } from './report-job';
import type { FromReportWorker, ToReportWorker, ReportWorkerData } from './report-worker-messages';

const port = parentPort;
if (!port) throw new Error('The report worker runs only as a worker thread');
const data = workerData as ReportWorkerData;

const dataKey = Buffer.from(data.dataKey);
const opening = openReadOnlyDataSource({ databasePath: data.databasePath, dataKey, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
// Once the connection has it, the key leaves this thread's buffers (as far as a JS runtime allows).
void opening.finally(() => {
  dataKey.fill(0);
  data.dataKey.fill(0);
}).catch(() => undefined);
const solving = highsSolver();

const post = (message: FromReportWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToReportWorker) => {
  queue = queue.then(() => run(message));
});

async function run({ id, job }: ToReportWorker): Promise<void> {
  try {
    const dataSource = await opening;
    const solver = await solving;
    const result = await dataSource.transaction((m) => runReportJob(m, solver, job, (stage) => post({ type: 'progress', id, stage })));
    // The file's bytes are moved to the app, not copied.
    const bytes = result.file?.bytes;
    const transfer = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
    post({ type: 'done', id, result }, transfer);
  } catch (e) {
    // A refusal (REPORT_UNSAFE, PERIOD_NOT_STARTED…) goes back as it is; anything else only by its class and code, which is all the app logs.
    const errorCode = (e as { code?: unknown })?.code;
    post({ type: 'failed', id, error: isAppError(e) ? e.toShape() : null, errorName: e instanceof Error ? e.name : typeof e, errorCode: typeof errorCode === 'string' ? errorCode : null });
  }
}
