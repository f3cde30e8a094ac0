#!/usr/bin/env node
/**
 * Run by `npm start` before electron-vite. Two jobs:
 *
 * 1. Make sure the Electron binary is installed. On machines that installed with
 *    ELECTRON_SKIP_BINARY_DOWNLOAD=1 (or could not reach GitHub) it is not, and no window
 *    can open: say so in one line, say how to fix it, exit non-zero.
 * 2. Build better-sqlite3-multiple-ciphers for Electron's ABI into
 *    .electron-native/<electron version>/better_sqlite3.node when it is missing. The copy
 *    in node_modules stays built for Node's ABI (Vitest and the CLI use it), so `npm test`
 *    and `npm start` work in either order. The main process passes this file to the driver
 *    as `nativeBinding` (electron/main/native-binding.ts).
 *
 * The build happens in a temporary copy of the package: first `prebuild-install` (a
 * prebuilt binary for Electron), then node-gyp against Electron's headers.
 *
 *   node scripts/prepare-electron-native.mjs              # check + build when missing
 *   node scripts/prepare-electron-native.mjs --native-only # build only, no binary check
 *   node scripts/prepare-electron-native.mjs --force       # rebuild even if present
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(PROJECT_ROOT, 'package.json'));
const NATIVE_PACKAGE = 'better-sqlite3-multiple-ciphers';
const BINARY_NAME = 'better_sqlite3.node';

const args = new Set(process.argv.slice(2));

class PrepareError extends Error {}

/** Stop with one clear line (printed by main(), after temporary files are removed). */
function fail(line) {
  throw new PrepareError(line);
}

/**
 * Where the Electron binary is, or why it is not there. Deliberately does NOT
 * `require('electron')`: in this Electron version that call starts a download when the
 * binary is missing, which hangs or fails on machines without access to GitHub. The same
 * rules as electron/index.js: node_modules/electron/path.txt names the executable inside
 * dist/, or ELECTRON_OVERRIDE_DIST_PATH points at an unpacked Electron.
 */
export function findElectronBinary() {
  let pkgJson;
  try {
    pkgJson = require.resolve('electron/package.json');
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run `npm install`).' };
  }
  const dir = path.dirname(pkgJson);
  const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  const pathFile = path.join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, executable || 'electron')
    : executable
      ? path.join(dir, 'dist', executable)
      : '';
  if (binary && existsSync(binary)) return { ok: true, version, binary };
  const how =
    'Fix: on a machine with internet access run `node node_modules/electron/install.js` ' +
    '(or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ' +
    `${version}. Everything else (npm test, the CLI, the browser tests) works without it.`;
  return {
    ok: false,
    version,
    reason:
      `the Electron ${version} binary is not installed (${binary ? `${path.relative(PROJECT_ROOT, binary)} is missing` : 'node_modules/electron/path.txt is missing'}), ` +
      `so \`npm start\` cannot open a window: npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or could not download it from GitHub. ${how}`,
  };
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    fail('the electron package is not installed (run `npm install`).');
  }
}

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function nodeGypCommand() {
  // npm sets npm_config_node_gyp to the node-gyp it bundles; otherwise use the project's.
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return null;
  }
}

function buildForElectron(version, target) {
  const packageDir = path.dirname(require.resolve(`${NATIVE_PACKAGE}/package.json`));
  const packageRequire = createRequire(path.join(packageDir, 'package.json'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'tenang-native-'));
  const copy = path.join(work, NATIVE_PACKAGE);
  try {
    // Everything but the Node build in build/ (a fresh one is made for Electron).
    cpSync(packageDir, copy, {
      recursive: true,
      filter: (src) => path.relative(packageDir, src).split(path.sep)[0] !== 'build',
    });
    const built = path.join(copy, 'build', 'Release', BINARY_NAME);
    const common = [`--arch=${process.arch}`, `--platform=${process.platform}`];

    console.log(`prepare-electron-native: building ${NATIVE_PACKAGE} for Electron ${version} (once; a few minutes when it has to compile)…`);
    let ok = false;
    try {
      const prebuild = packageRequire.resolve('prebuild-install/bin.js');
      ok = run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, ...common], copy) && existsSync(built);
    } catch {
      ok = false;
    }
    if (!ok) {
      const gyp = nodeGypCommand();
      if (!gyp) fail('neither prebuild-install nor node-gyp could build the module (node-gyp not found).');
      console.log('prepare-electron-native: no prebuilt binary; compiling with node-gyp against Electron headers…');
      const gypArgs = ['rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`];
      ok = (gyp.endsWith('.js') ? run(process.execPath, [gyp, ...gypArgs], copy) : run(gyp, gypArgs, copy)) && existsSync(built);
    }
    if (!ok) {
      fail(
        `could not build ${NATIVE_PACKAGE} for Electron ${version} (no prebuilt binary and node-gyp failed; it needs a C++ toolchain and ` +
          'https://electronjs.org/headers). The app cannot open its vault without it.',
      );
    }
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(built, target);
    console.log(`prepare-electron-native: ${path.relative(PROJECT_ROOT, target)} is ready.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  try {
    if (!args.has('--native-only')) {
      const electron = findElectronBinary();
      if (!electron.ok) fail(electron.reason);
    }
    const version = electronVersion();
    const target = path.join(PROJECT_ROOT, '.electron-native', version, BINARY_NAME);
    if (existsSync(target) && !args.has('--force')) return;
    buildForElectron(version, target);
  } catch (err) {
    if (!(err instanceof PrepareError)) throw err;
    console.error(`prepare-electron-native: ${err.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
