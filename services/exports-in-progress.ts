import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { processIsAlive } from '../db/vault/file-lock';

/**
 * A full export is written to a temp file beside the file asked for, then renamed into
 * place. A crash, a kill or a power cut in between would leave that temp file (the whole
 * vault, perhaps in plain text) outside the vault, forgotten. So before the first byte is
 * written, the temp file's path is noted in the vault folder, with the writing process's
 * id; the note goes once the file is renamed or removed. Every start of the app or the CLI
 * removes the temp files of exports whose process is gone.
 */
export const EXPORTS_IN_PROGRESS_FOLDER = '.exports-in-progress';

interface Entry {
  pid: number;
  tempPath: string;
}

/** Notes of exports this process is writing now: the others with this process's id are leftovers of a dead process that had it. */
const ours = new Set<string>();

/** The temp files an export writes: `.NAME.<12 hex digits>.tmp` (only such files are ever removed). */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

export class ExportsInProgress {
  constructor(private readonly dir: string) {}

  /** Notes a temp file about to be written; returns what `end` takes. */
  begin(tempPath: string): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const notePath = join(this.dir, `${randomBytes(8).toString('hex')}.json`);
    writeFileSync(notePath, JSON.stringify({ pid: process.pid, tempPath } satisfies Entry), { mode: 0o600, flag: 'wx' });
    ours.add(notePath);
    return notePath;
  }

  /** The temp file is renamed into place or removed: forget it. */
  end(notePath: string): void {
    rmSync(notePath, { force: true });
    ours.delete(notePath);
  }

  /** Removes the temp files of interrupted exports (their process is gone) and their notes. Returns how many. */
  removeInterrupted(): number {
    let entries: string[];
    try {
      entries = readdirSync(this.dir);
    } catch {
      return 0; // No export was ever started here.
    }
    let removed = 0;
    for (const name of entries) {
      const notePath = join(this.dir, name);
      const entry = readEntry(notePath);
      if (ours.has(notePath) || (entry && entry.pid !== process.pid && processIsAlive(entry.pid))) continue;
      if (entry) rmSync(entry.tempPath, { force: true });
      rmSync(notePath, { force: true });
      removed += entry ? 1 : 0;
    }
    return removed;
  }
}

function readEntry(path: string): Entry | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Entry>;
    return typeof parsed.pid === 'number' && typeof parsed.tempPath === 'string' && TEMP_NAME.test(basename(parsed.tempPath)) ? { pid: parsed.pid, tempPath: parsed.tempPath } : null;
  } catch {
    return null;
  }
}
