// electron-builder afterPack hook: flip Electron's fuses in the packaged binary.
//
// Checklist 19 ("check which fuses you can change"). Runs after the app.asar and its
// integrity hash are in place and before code signing (electron-builder signs after this
// hook; flipping a fuse after signing would break the signature). Fails the build if a
// fuse did not take.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** Electron's executable (or the .app bundle on macOS) inside the packed output folder. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

const FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 Tenang` would turn the signed app into a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  // Encrypt the cookie store with an OS-held key (the page keeps no cookies, but still).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process (and the vault key).
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Refuse an app.asar whose hash differs from the one embedded at build time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar, never from a loose app/ folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No alternative V8 snapshot for the browser process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// gets no extra privileges (the app uses app:// anyway; checklist 18).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

exports.default = async function afterPack(context) {
  const binary = electronBinaryPath(context);
  if (!fs.existsSync(binary)) throw new Error(`after-pack: Electron binary not found at ${binary}`);

  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature of an unsigned macOS build
    // (fatal on Apple silicon); re-sign ad hoc. A real identity signs after this hook.
    resetAdHocDarwinSignature: isMac,
    ...FUSES,
  });

  // Read the wire back: a fuse that did not take must fail the build, not ship.
  const wire = await getCurrentFuseWire(binary);
  const ENABLE = 49; // FuseState.ENABLE ('1')
  const DISABLE = 48; // FuseState.DISABLE ('0')
  for (const [index, wanted] of Object.entries(FUSES)) {
    const actual = wire[index];
    if (actual !== (wanted ? ENABLE : DISABLE)) {
      throw new Error(`after-pack: fuse ${FuseV1Options[index]} is ${actual}, expected ${wanted ? 'enabled' : 'disabled'}`);
    }
  }
  console.log(`  • fuses flipped and verified  binary=${path.relative(context.outDir, binary)}`);
};
