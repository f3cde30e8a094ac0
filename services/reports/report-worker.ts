import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { ReportStage } from '../../shared/reports/report-progress';
import { logError } from '../log';
import type { OpenSession } from '../session';
import type { ReportJob, ReportJobResult } from './report-job';
import type { FromReportWorker, ReportWorkerData, ToReportWorker } from './report-worker-messages';

/**
 * The app's side of the report worker (report-worker-thread.ts). One worker per open
 * session, started at its first report and stopped with the session: it holds the data
 * key, so a lock, a rekey or a close ends it, and a build under way ends with it.
 */

// A name, not a literal in `new URL(…)`: bundlers would otherwise copy the file as an asset.
const SOURCE_BOOTSTRAP = './report-worker-from-source.mjs';
let workerScript: string | null = null;

/** Where the worker's script is: the Electron main process names its bundled copy; elsewhere it runs from source (report-worker-from-source.mjs). */
export function useReportWorkerScript(path: string): void {
  workerScript = path;
}

function scriptPath(): string {
  return workerScript ?? fileURLToPath(new URL(SOURCE_BOOTSTRAP, import.meta.url));
}

interface Pending {
  resolve(result: ReportJobResult): void;
  reject(error: Error): void;
  onStage(stage: ReportStage): void;
}

export class ReportWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ended: AppError | null = null;

  constructor(database: { databasePath: string; dataKey: Buffer; nativeBinding: string | null }) {
    // A copy of the key, moved to the worker: none stays behind on this side.
    const dataKey = new Uint8Array(database.dataKey);
    const data: ReportWorkerData = { databasePath: database.databasePath, dataKey, nativeBinding: database.nativeBinding };
    this.worker = new Worker(scriptPath(), { workerData: data, transferList: [dataKey.buffer] });
    this.worker.unref();
    this.worker.on('message', (message: FromReportWorker) => this.receive(message));
    this.worker.on('error', (e) => {
      logError('report worker', e);
      this.end(new AppError('INTERNAL', 'Something went wrong while the report was built. Nothing was exported.'));
    });
    this.worker.on('exit', () => this.end(new AppError('INTERNAL', 'The report could not be finished. Nothing was exported.')));
  }

  /** False once the worker has stopped or failed: the session then starts a new one. */
  get usable(): boolean {
    return this.ended === null;
  }

  /** Builds a report in the worker; `onStage` hears each stage as it begins. */
  run(job: ReportJob, onStage: (stage: ReportStage) => void): Promise<ReportJobResult> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    // While a job is under way the worker keeps the process alive; idle, it does not (a CLI exits when done).
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<ReportJobResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStage });
      this.worker.postMessage({ type: 'job', id, job } satisfies ToReportWorker);
    });
  }

  /** Ends the worker; a build under way is refused as "the vault is locked". */
  async stop(): Promise<void> {
    this.end(new AppError('NOT_SIGNED_IN', 'The vault was locked before the report was finished. Nothing was exported.'));
    await this.worker.terminate();
  }

  private receive(message: FromReportWorker): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onStage(message.stage);
      return;
    }
    this.settle(message.id);
    if (message.type === 'done') {
      const { file } = message.result;
      // A Buffer arrives as a plain Uint8Array.
      pending.resolve(file ? { ...message.result, file: { ...file, bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) } } : message.result);
    } else if (message.error) {
      pending.reject(new AppError(message.error.code, message.error.message, message.error));
    } else {
      logError('report worker job', Object.assign(new Error(), { name: message.errorName, code: message.errorCode ?? undefined }));
      pending.reject(new AppError('INTERNAL', 'Something went wrong while the report was built. Nothing was exported.'));
    }
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private end(reason: AppError): void {
    this.ended ??= reason;
    for (const [id, pending] of this.pending) {
      this.settle(id);
      pending.reject(this.ended);
    }
  }
}

const workers = new WeakMap<OpenSession, ReportWorker>();

/** The session's report worker, started now if it has none. */
export function reportWorkerOf(session: OpenSession): ReportWorker {
  let worker = workers.get(session);
  if (!worker?.usable) {
    const options = session.dataSource.options as { database: string; nativeBinding?: string };
    worker = new ReportWorker({ databasePath: options.database, dataKey: session.dataKey, nativeBinding: options.nativeBinding ?? null });
    workers.set(session, worker);
  }
  return worker;
}

/** Stops the session's report worker, if it has one (before its connection closes or its key changes). */
export async function stopReportWorker(session: OpenSession): Promise<void> {
  const worker = workers.get(session);
  if (!worker) return;
  workers.delete(session);
  await worker.stop();
}
