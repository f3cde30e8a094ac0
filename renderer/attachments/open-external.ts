import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';

/**
 * Opening an attachment in the operating system's default program (a PDF reader, Word):
 * the main process writes a private temporary copy, removed when the vault locks or the
 * app closes, and hands it to the shell. Outside the desktop app (the browser build the
 * tests drive) there is no such path and the service answers OPEN_UNAVAILABLE.
 */
export type ExternalOpenResult = { outcome: 'opened' } | { outcome: 'unavailable' } | { outcome: 'failed'; code: ErrorCode };

export async function openAttachmentExternally(attachmentId: number): Promise<ExternalOpenResult> {
  try {
    await call('attachments.openCopy', { id: attachmentId });
    return { outcome: 'opened' };
  } catch (error) {
    const code = errorCodeOf(error);
    return code === 'OPEN_UNAVAILABLE' ? { outcome: 'unavailable' } : { outcome: 'failed', code };
  }
}
