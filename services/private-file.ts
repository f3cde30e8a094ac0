import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../shared/errors';

/**
 * Files that leave the vault (letters): readable by their owner only (0600), written
 * whole or not at all, never over an existing file unless asked.
 */

/** Refused as a validation problem of the output path, so the UI and the CLI can name it. */
export function fileExistsError(): AppError {
  return new AppError('VALIDATION', 'The file already exists; choose to replace it or another name.', { issues: [{ path: 'out', code: 'file_exists', message: 'The file already exists.' }] });
}

export function assertMayWrite(path: string, replace: boolean): void {
  if (!replace && existsSync(path)) throw fileExistsError();
  if (!existsSync(dirname(path))) throw new AppError('VALIDATION', 'The folder for the file does not exist.', { issues: [{ path: 'out', code: 'folder_missing', message: 'The folder does not exist.' }] });
}

/**
 * Through a new temp file beside it (created 0600, never following an existing name),
 * flushed, then renamed into place: a replaced file does not keep its old permissions
 * and a failed write leaves no half file.
 */
export function writePrivateFile(path: string, bytes: Buffer, replace: boolean): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again: the file may have appeared meanwhile.
    if (!replace && existsSync(path)) throw fileExistsError();
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
