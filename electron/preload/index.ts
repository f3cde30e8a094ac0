/**
 * The preload: the page's only way out. Checklist 20 (do not expose Electron APIs to
 * untrusted content): the page gets `window.tenang` with two functions and nothing else,
 * never `ipcRenderer`, never an IPC event object. No logic beyond the allowlists.
 *
 * Bundled into one CommonJS file (out/preload/index.cjs): sandboxed preloads cannot load
 * ES modules or anything from node_modules at run time.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, CHANNEL_NAMES, EVENT_NAMES, type TenangBridge } from '../../shared/contract/names';
import type { Result } from '../../shared/errors';
import { IPC_EVENT, IPC_INVOKE } from '../ipc-names';

const channelNames: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

const bridge: TenangBridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !channelNames.has(channel)) {
      const refused: Result<never> = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, input);
  },

  on(event: string, listener: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || !eventNames.has(event) || typeof listener !== 'function') {
      return () => undefined;
    }
    // The IPC event object (which carries `sender`, i.e. ipcRenderer) stays here.
    const forward = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
