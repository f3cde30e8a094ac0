import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The only place a document leaves the vault in plain text: a short-lived copy for the
 * operating system's viewer (a DOCX cannot be shown inside the app). Copies go in one
 * private folder beside the vault (0700, each file 0600), under a random name that says
 * nothing about the client, and the whole folder is removed when the vault locks, when
 * the app closes, and when it starts (after a crash or a power cut).
 */
export class OpenCopies {
  constructor(private readonly dir: string) {}

  write(bytes: Buffer, extension: string): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
    const path = join(this.dir, `tenang-document-${randomBytes(8).toString('hex')}.${extension}`);
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    return path;
  }

  /** Best effort: a viewer on Windows may still hold a file open; the next lock or start removes it. */
  removeAll(): void {
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Left for the next lock or start.
    }
  }
}

export const OPEN_COPIES_FOLDER = '.open-copies';
