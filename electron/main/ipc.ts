/**
 * The IPC boundary. Exactly one handler (`tenang:invoke`) for every contract channel and
 * one outgoing channel (`tenang:event`) for events. No IPC input or output is ever logged.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isChannelName } from '../../shared/contract/names';
import type { Result } from '../../shared/errors';
import type { TenangApp } from '../../services/tenang-app';
import { IPC_EVENT, IPC_INVOKE, isAppUrl, isTrustedSender } from './policy';

type WindowGetter = () => BrowserWindow | null;

function senderIsTrusted(event: IpcMainInvokeEvent, getWindow: WindowGetter): boolean {
  const frame = event.senderFrame;
  const win = getWindow();
  const ours = win !== null && !win.isDestroyed() ? win.webContents : null;
  return isTrustedSender({
    hasFrame: frame !== null && !frame.detached,
    frameUrl: frame?.url,
    frameOrigin: frame?.origin,
    isMainFrame: frame !== null && frame.parent === null,
    isOurWindow:
      ours !== null &&
      event.sender.id === ours.id &&
      frame !== null &&
      frame.processId === ours.mainFrame.processId &&
      frame.routingId === ours.mainFrame.routingId,
  });
}

/**
 * Checklist 17 (validate every IPC sender): the sender must be the main frame of our own
 * window, currently showing app://tenang. Then the channel must be a contract channel.
 * Everything else (session, role, zod input) is the dispatcher's job, shared with the CLI
 * and the test bridge.
 */
export function registerIpc(app: TenangApp, getWindow: WindowGetter): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderIsTrusted(event, getWindow)) {
      return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'This request did not come from the Tenang window.' } };
    }
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } };
    }
    try {
      return await app.dispatch(channel, input);
    } catch {
      // dispatch() promises never to throw; if it does anyway, say nothing about why here
      // (the error could quote the input).
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } };
    }
  });

  const stopEvents = app.onEvent((name, payload) => {
    const win = getWindow();
    if (win === null || win.isDestroyed() || win.webContents.isDestroyed()) return;
    // Only to our own page: never to whatever else the window might (impossibly) show.
    if (!isAppUrl(win.webContents.getURL())) return;
    win.webContents.send(IPC_EVENT, name, payload);
  });

  return () => {
    stopEvents();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
