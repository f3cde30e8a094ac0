/**
 * Which better-sqlite3 binary the app loads.
 *
 * node_modules holds a build for Node's ABI (Vitest and the CLI use it). Electron needs one
 * for its own ABI: in development `scripts/prepare-electron-native.mjs` (run by `npm start`)
 * puts it in `.electron-native/<electron version>/`; a packaged app has node_modules rebuilt
 * for Electron by electron-builder (`npmRebuild: true`) and needs no override.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { electronNativeBindingPath } from './locations';

export function resolveNativeBinding(options: {
  isPackaged: boolean;
  projectRoot: string;
  electronVersion: string;
}): string | undefined {
  if (options.isPackaged) return undefined;
  const candidate = electronNativeBindingPath(options.projectRoot, options.electronVersion);
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Load the SQLCipher engine once at startup (an in-memory database, no vault involved), so
 * a binary built for the wrong ABI is reported by a clear dialog now rather than as an
 * unexplained failure at the first unlock. Throws what the loader threw.
 */
export function assertNativeModuleLoads(nativeBinding: string | undefined): void {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    db.prepare('select 1').get();
  } finally {
    db.close();
  }
}
