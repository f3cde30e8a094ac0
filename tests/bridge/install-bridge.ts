import type { Page } from '@playwright/test';
import { BRIDGE_GLOBAL, CHANNEL_NAMES, EVENT_NAMES } from '../../shared/contract/channels';
import type { TenangApp } from '../../services/tenang-app';

const INVOKE_BINDING = '__tenangInvoke';
const DELIVER_FUNCTION = '__tenangDeliverEvent';

interface BridgeNames {
  global: string;
  invoke: string;
  deliver: string;
  channels: string[];
  events: string[];
}

/**
 * Runs in the page before any of its scripts: defines `window.tenang` exactly as the
 * Electron preload does (same allowlists, same refusal for an unknown channel), but
 * carried by a Playwright binding instead of IPC.
 */
function defineBridgeInPage(names: BridgeNames): void {
  const w = window as unknown as Record<string, unknown>;
  const channels = new Set(names.channels);
  const events = new Set(names.events);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  Object.defineProperty(window, names.deliver, {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  });

  const bridge = Object.freeze({
    invoke(channel: string, input: unknown): Promise<unknown> {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel.' } });
      }
      const invokeBinding = w[names.invoke] as (channel: string, input: unknown) => Promise<unknown>;
      return invokeBinding(channel, input);
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') return () => undefined;
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  });
  Object.defineProperty(window, names.global, { value: bridge });
}

/**
 * Connects a page to a TenangApp: requests go to `app.dispatch` (the very dispatcher the
 * Electron main process uses), and the app's events reach the page's listeners.
 * Call before the first `page.goto`.
 */
export async function installBridge(page: Page, app: TenangApp, onInvoke?: (channel: string) => void): Promise<() => void> {
  await page.exposeBinding(INVOKE_BINDING, (_source, channel: unknown, input: unknown) => {
    onInvoke?.(String(channel));
    return app.dispatch(String(channel), input);
  });
  await page.addInitScript(defineBridgeInPage, {
    global: BRIDGE_GLOBAL,
    invoke: INVOKE_BINDING,
    deliver: DELIVER_FUNCTION,
    channels: [...CHANNEL_NAMES],
    events: [...EVENT_NAMES],
  } satisfies BridgeNames);
  return app.onEvent((event, payload) => {
    page
      .evaluate(
        ([deliver, name, data]) => {
          const fn = (window as unknown as Record<string, unknown>)[deliver];
          if (typeof fn === 'function') (fn as (event: string, payload: unknown) => void)(name, data);
        },
        [DELIVER_FUNCTION, event, payload] as const,
      )
      .catch(() => {
        // The page may be closing or navigating; an event for a page that is gone is dropped.
      });
  });
}

/** Calls `window.tenang.invoke` inside the page, as the renderer (or an attacker in it) would. */
export async function invokeFromPage(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ([global, name, data]) => {
      const bridge = (window as unknown as Record<string, { invoke(channel: string, input: unknown): Promise<unknown> }>)[global];
      return bridge!.invoke(name, data);
    },
    [BRIDGE_GLOBAL, channel, input] as const,
  );
}
