import { z } from 'zod';
import { channels, isChannelName, type ChannelName, type EventName } from '../shared/contract';
import { AppError, isAppError, type Result } from '../shared/errors';
import { fieldIssues } from './field-issues';
import { AccessDenied } from './access-denied';
import { roleMayCall } from '../shared/roles';
import type { LockReason } from '../shared/audit-actions';
import { VaultFolder } from '../db/vault/vault-folder';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { isoAt, systemClock, type Clock } from './clock';
import { assertAllowedInClientMode } from './client-mode';
import { handlers, type HandlerContext } from './handlers';
import { closeSession, type OpenSession } from './session';
import { logError } from './log';
import { OPEN_COPIES_FOLDER, OpenCopies } from './open-copies';
import { EXPORTS_IN_PROGRESS_FOLDER, ExportsInProgress } from './exports-in-progress';
import { exportVault, type ExportOptions, type ExportSummary } from './data-export';
import { join } from 'node:path';
import type { SystemClipboard } from './clipboard';
import { RequestQueue, type GiveWayWhile } from './request-queue';

export type { Clock } from './clock';

export interface TenangAppOptions {
  vaultDir: string;
  clock?: Clock;
  /** Path to a better_sqlite3.node built for Electron's ABI (the app, not the CLI or tests). */
  nativeBinding?: string;
  /** Opens a file with the operating system's default program (Electron's shell.openPath); absent in the CLI and tests. */
  openExternally?: (path: string) => Promise<void>;
  /** Asks where to save a file (Electron's save dialog): a path, or null when the person cancelled; absent in the CLI. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** The system clipboard (Electron's, from the main process); absent in the CLI and tests. */
  clipboard?: SystemClipboard;
}

export type EventListener = (event: EventName, payload: unknown) => void;

/**
 * The one dispatcher behind every door: the Electron main process (after its sender
 * check), the CLI's `call`, and the test bridge. For each request it checks the
 * channel, the session and the caller's role, parses the input with the contract's
 * schema, runs the use case, and shapes the reply. It never throws.
 */
export interface TenangApp {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: EventListener): () => void;
  /** Lock when idle for longer than the clinic's auto-lock minutes. */
  checkIdle(): Promise<void>;
  lock(reason: LockReason): Promise<void>;
  /**
   * Ask the window to save what is being typed (event `drafts.flush`), give it `graceMs` to
   * send the saves, and wait until every request that came in meanwhile has run. Called
   * before a lock the user did not ask for and before the window closes, so a note being
   * typed loses nothing.
   */
  flushDrafts(graceMs?: number): Promise<void>;
  close(): Promise<void>;
  /**
   * For in-process callers only (the CLI), never reachable over IPC: run work too large
   * for a channel reply (full export, restore, demo data) with the open session, in the
   * same queue as every request. Only a signed-in admin may; a refusal is audited.
   */
  runAdminTask<T>(task: string, work: (session: OpenSession, clock: Clock) => Promise<T>): Promise<T>;
  /** For in-process callers only (the CLI): the full export to a file, as an admin task. */
  exportVault(options: Omit<ExportOptions, 'inProgress'>): Promise<ExportSummary>;
}

/** How long the window gets to send its last saves before a lock or a close goes ahead. */
export const DRAFT_FLUSH_GRACE_MS = 400;

/** Channels that do not count as the user being active (the UI may call them on its own). */
const NOT_ACTIVITY = new Set<ChannelName>(['app.status', 'clipboard.clearRecoveryKey']);

export function createTenangApp(options: TenangAppOptions): TenangApp {
  const clock = options.clock ?? systemClock;
  const folder = new VaultFolder(options.vaultDir, options.nativeBinding);
  // Plain copies of documents opened outside the app: none may outlive a lock, a close or a crash.
  const copies = new OpenCopies(join(options.vaultDir, OPEN_COPIES_FOLDER));
  copies.removeAll();
  // Nor may the temp file of an export cut short by a crash (the whole vault, outside it).
  const exportsInProgress = new ExportsInProgress(join(options.vaultDir, EXPORTS_IN_PROGRESS_FOLDER));
  exportsInProgress.removeInterrupted();
  const listeners = new Set<EventListener>();
  let session: OpenSession | null = null;
  const queue = new RequestQueue();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => queue.run(work);

  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners) listener(event, payload);
  };

  async function lockNow(reason: LockReason): Promise<void> {
    if (!session) return;
    const closing = session;
    session = null;
    try {
      await inWriteTransaction(closing.dataSource, (m) =>
        appendAudit(m, { at: isoAt(clock), actorUserId: closing.user.id, actorUsername: closing.user.username, action: 'session.lock', recordType: 'user', recordId: String(closing.user.id), outcome: 'success', detail: { reason } }),
      );
    } catch (e) {
      logError('lock.audit', e);
    } finally {
      copies.removeAll();
      await closeSession(closing);
      emit('session.locked', { reason });
    }
  }

  const context = (giveWayWhile: GiveWayWhile): HandlerContext => ({
    folder,
    clock,
    session,
    whileOthersRun: async (elsewhere) => {
      const before = session;
      const result = await giveWayWhile(elsewhere);
      if (session !== before) throw new AppError('NOT_SIGNED_IN', 'The vault was locked meanwhile. Nothing was changed.');
      return result;
    },
    notify: emit,
    openSession: async (opened) => {
      session = opened;
    },
    lock: lockNow,
    exportsInProgress,
    chooseSavePath: options.chooseSavePath ?? null,
    openCopy: options.openExternally
      ? async (bytes, extension) => {
          const open = options.openExternally!;
          await open(copies.write(bytes, extension));
        }
      : null,
    clipboard: options.clipboard ?? null,
  });

  /** An `access.denied` entry for a refused channel or record, in a transaction of its own. */
  async function auditDenied(channel: string, record: { type: string; id: string } = { type: 'channel', id: channel }): Promise<void> {
    const s = session;
    if (!s) return;
    await inWriteTransaction(s.dataSource, (m) =>
      appendAudit(m, { at: isoAt(clock), actorUserId: s.user.id, actorUsername: s.user.username, action: 'access.denied', recordType: record.type, recordId: record.id, outcome: 'denied', detail: { role: s.user.role } }),
    );
  }

  async function handle(channel: string, input: unknown, giveWayWhile: GiveWayWhile): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return failure(new AppError('UNKNOWN_CHANNEL', 'There is no such channel.'));
    const spec = channels[channel];
    if (spec.access !== 'public') {
      if (!session) return failure(new AppError('NOT_SIGNED_IN', 'The vault is locked. Sign in first.'));
      if (!roleMayCall(spec.access, session.user.role)) {
        await auditDenied(channel);
        return failure(new AppError('FORBIDDEN', 'Your role may not do this.'));
      }
    }
    const parsed = (spec.input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) return failure(new AppError('VALIDATION', 'Some fields are not valid.', { issues: fieldIssues(parsed.error) }));
    if (session) assertAllowedInClientMode(session, channel, parsed.data);
    if (session && !NOT_ACTIVITY.has(channel)) session.lastActivityMs = clock.now();
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const value = await handler(parsed.data, context(giveWayWhile));
    // Parsing the reply strips anything the contract does not declare from leaving.
    return { ok: true, value: (spec.output as z.ZodType).parse(value) };
  }

  function runAdminTask<T>(task: string, work: (session: OpenSession, clock: Clock) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      if (!session) throw new AppError('NOT_SIGNED_IN', 'The vault is locked. Sign in first.');
      if (session.user.role !== 'admin') {
        await auditDenied(task);
        throw new AppError('FORBIDDEN', 'Your role may not do this.');
      }
      session.lastActivityMs = clock.now();
      return work(session, clock);
    });
  }

  return {
    dispatch: (channel, input) =>
      queue.run(async (giveWayWhile) => {
        try {
          return await handle(channel, input, giveWayWhile);
        } catch (e) {
          if (e instanceof AccessDenied) await auditDenied(channel, { type: e.record.type, id: String(e.record.id) });
          if (isAppError(e)) return failure(e);
          logError(`dispatch ${typeof channel === 'string' && isChannelName(channel) ? channel : '?'}`, e);
          return failure(new AppError('INTERNAL', 'Something went wrong. Nothing was changed.'));
        }
      }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkIdle: () =>
      exclusive(async () => {
        // A client answering questionnaires may take their time: the idle lock waits for client mode to end.
        if (session && !session.clientMode && clock.now() - session.lastActivityMs >= session.settings.autoLockMinutes * 60_000) await lockNow('idle');
      }),
    lock: (reason) => exclusive(() => lockNow(reason)),
    flushDrafts: async (graceMs = DRAFT_FLUSH_GRACE_MS) => {
      if (!session) return;
      emit('drafts.flush', {});
      await new Promise((resolve) => setTimeout(resolve, graceMs));
      await exclusive(async () => undefined);
    },
    runAdminTask,
    exportVault: (exportOptions) => runAdminTask('data.export', (open, now) => exportVault(open, now, { ...exportOptions, inProgress: exportsInProgress })),
    close: () => exclusive(() => lockNow('shutdown')),
  };
}

function failure(e: AppError): Result<never> {
  return { ok: false, error: e.toShape() };
}
