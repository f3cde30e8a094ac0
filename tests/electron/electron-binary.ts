/**
 * Is the Electron binary installed, and where? The same rules as
 * scripts/prepare-electron-native.mjs (which prints the same reason for `npm start`).
 *
 * Deliberately does not `require('electron')`: when the binary is missing that call starts
 * a download from GitHub, which hangs or fails on machines without internet access.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { ok: true; version: string; binary: string } | { ok: false; reason: string };

export function findElectronBinary(projectRoot: string): ElectronBinary {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  let pkgJson: string;
  try {
    pkgJson = require.resolve('electron/package.json');
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run `npm install`).' };
  }
  const dir = path.dirname(pkgJson);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const pathFile = path.join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, executable || 'electron') : executable ? path.join(dir, 'dist', executable) : '';
  if (binary && existsSync(binary)) return { ok: true, version, binary };
  return {
    ok: false,
    reason:
      `the Electron ${version} binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or could not reach GitHub). ` +
      'Install it with `node node_modules/electron/install.js` on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH.',
  };
}
