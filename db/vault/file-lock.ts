import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { AppError } from '../../shared/errors';

/**
 * An exclusive lock between processes (the app and the `tenang` CLI on one vault): a
 * file created with O_EXCL holding the owner's pid. A lock left by a process that has
 * died is taken over. Re-entrant within one process, so a locked section may call
 * another that locks the same file.
 */
const held = new Map<string, number>();
const RETRY_MS = 50;

/** Whether a process with this id is running (one of another OS account's counts too). */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerIsAlive(lockPath: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(lockPath, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return true; // Being written or removed right now: treat as held, look again shortly.
  }
  return processIsAlive(pid);
}

function tryAcquire(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx', 0o600);
    writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if (!ownerIsAlive(lockPath)) {
      try {
        unlinkSync(lockPath);
      } catch {
        // Someone else removed it first; the next try decides.
      }
    }
    return false;
  }
}

export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const depth = held.get(lockPath) ?? 0;
  if (depth === 0) {
    const deadline = Date.now() + timeoutMs;
    while (!tryAcquire(lockPath)) {
      if (Date.now() > deadline) throw new AppError('VAULT_BUSY', 'Another Tenang program is changing this vault. Try again in a moment.');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  held.set(lockPath, depth + 1);
  try {
    return await work();
  } finally {
    const left = (held.get(lockPath) ?? 1) - 1;
    if (left === 0) {
      held.delete(lockPath);
      unlinkSync(lockPath);
    } else {
      held.set(lockPath, left);
    }
  }
}
