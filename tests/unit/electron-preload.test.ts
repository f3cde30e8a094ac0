/**
 * The preload (electron/preload/index.ts) with `electron` replaced by fakes: what exactly
 * the page receives as `window.tenang`, and that only contract names pass through it.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, CHANNEL_NAMES, EVENT_NAMES } from '../../shared/contract/channels';
import { IPC_EVENT, IPC_INVOKE } from '../../electron/ipc-names';

type Listener = (...args: unknown[]) => void;

const fakes = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' })),
  listeners: new Map<string, Set<Listener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fakes.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fakes.invoke,
    on: (channel: string, fn: Listener) => {
      if (!fakes.listeners.has(channel)) fakes.listeners.set(channel, new Set());
      fakes.listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: Listener) => fakes.listeners.get(channel)?.delete(fn),
  },
}));

interface Bridge {
  invoke(channel: unknown, input: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
}
let bridge: Bridge;

/** What the main process would send: webContents.send(IPC_EVENT, name, payload). */
function sendFromMain(name: string, payload: unknown): void {
  const ipcEvent = { sender: { invoke: fakes.invoke }, senderId: 0 };
  for (const fn of fakes.listeners.get(IPC_EVENT) ?? []) fn(ipcEvent, name, payload);
}

beforeAll(async () => {
  await import('../../electron/preload/index');
  bridge = fakes.exposed.get(BRIDGE_GLOBAL) as Bridge;
});
beforeEach(() => fakes.invoke.mockClear());

describe('window.tenang', () => {
  it('is the only thing exposed, with exactly invoke and on', () => {
    expect([...fakes.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('forwards every contract channel, and only through the one IPC channel', async () => {
    for (const channel of CHANNEL_NAMES) {
      await expect(bridge.invoke(channel, { a: 1 })).resolves.toEqual({ ok: true, value: 'from main' });
      expect(fakes.invoke).toHaveBeenLastCalledWith(IPC_INVOKE, channel, { a: 1 });
    }
    expect(fakes.invoke).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
  });

  it.each([['nope'], ['tenang:invoke'], ['__proto__'], ['toString'], [''], [42], [undefined], [{}]])(
    'answers UNKNOWN_CHANNEL for %s without any IPC',
    async (channel) => {
      await expect(bridge.invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(fakes.invoke).not.toHaveBeenCalled();
    },
  );

  it('delivers contract events with the payload only (never the IPC event object)', () => {
    const seen: unknown[][] = [];
    const off = bridge.on('session.locked', (...args: unknown[]) => seen.push(args));
    sendFromMain('session.locked', { reason: 'idle' });
    sendFromMain('something.else', { secret: true });
    expect(seen).toEqual([[{ reason: 'idle' }]]);
    off();
    sendFromMain('session.locked', { reason: 'manual' });
    expect(seen).toHaveLength(1);
    expect(fakes.listeners.get(IPC_EVENT)?.size ?? 0).toBe(0);
  });

  it('subscribes to nothing for names outside the contract', () => {
    expect(EVENT_NAMES).toContain('session.locked');
    for (const name of ['nope', 'tenang:event', '__proto__', 42, undefined]) {
      const off = bridge.on(name, () => undefined);
      expect(typeof off).toBe('function');
      off();
    }
    expect(bridge.on('session.locked', 'not a function')).toBeTypeOf('function');
    expect(fakes.listeners.get(IPC_EVENT)?.size ?? 0).toBe(0);
  });
});
