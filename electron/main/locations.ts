/**
 * Where things live on disk. Pure (no `electron` import) so it is unit-tested.
 */
import path from 'node:path';

/** The same variable the CLI reads, so `tenang … ` and the app open the same vault. */
export const VAULT_ENV = 'TENANG_VAULT';

/** `$TENANG_VAULT` when set, else `<userData>/vault`. */
export function resolveVaultDir(env: Readonly<Record<string, string | undefined>>, userDataDir: string): string {
  const fromEnv = env[VAULT_ENV]?.trim();
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(userDataDir, 'vault');
}

/** Folder of the better-sqlite3 build for Electron's ABI, made by `scripts/prepare-electron-native.mjs`. */
export const ELECTRON_NATIVE_DIR = '.electron-native';

export function electronNativeBindingPath(projectRoot: string, electronVersion: string): string {
  return path.join(projectRoot, ELECTRON_NATIVE_DIR, electronVersion, 'better_sqlite3.node');
}
