import { BRIDGE_GLOBAL, type TenangBridge } from '../../shared/contract/channels';

/** The API the preload (or the test bridge) puts on `window`; absent in a plain browser tab. */
export function findBridge(): TenangBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (candidate && typeof candidate === 'object' && 'invoke' in candidate && 'on' in candidate) {
    return candidate as TenangBridge;
  }
  return null;
}

export function bridge(): TenangBridge {
  const found = findBridge();
  if (!found) throw new Error('The Tenang bridge is missing: open Tenang from the desktop app.');
  return found;
}
