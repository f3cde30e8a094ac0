/**
 * Pure pieces of the Electron main process's startup: where the vault lives, where the
 * Electron build of SQLCipher is looked for, and what the "cannot start" dialog says.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_NATIVE_DIR, electronNativeBindingPath, resolveVaultDir, VAULT_ENV } from '../../electron/main/locations';
import { describeStartupError, isNativeModuleMismatch } from '../../electron/main/startup-error';

describe('vault location', () => {
  const userData = path.join(path.sep, 'home', 'kim', '.config', 'Tenang');

  it('is <userData>/vault by default', () => {
    expect(resolveVaultDir({}, userData)).toBe(path.join(userData, 'vault'));
    expect(resolveVaultDir({ [VAULT_ENV]: '' }, userData)).toBe(path.join(userData, 'vault'));
    expect(resolveVaultDir({ [VAULT_ENV]: '   ' }, userData)).toBe(path.join(userData, 'vault'));
  });

  it('follows TENANG_VAULT, the variable the CLI reads', () => {
    expect(VAULT_ENV).toBe('TENANG_VAULT');
    const dir = path.join(path.sep, 'srv', 'clinic-vault');
    expect(resolveVaultDir({ TENANG_VAULT: dir }, userData)).toBe(dir);
    expect(resolveVaultDir({ TENANG_VAULT: 'relative/vault' }, userData)).toBe(path.resolve('relative/vault'));
  });
});

describe('Electron build of the native module', () => {
  it('lives in .electron-native/<electron version>/', () => {
    expect(electronNativeBindingPath('/repo', '45.5.0')).toBe(path.join('/repo', ELECTRON_NATIVE_DIR, '45.5.0', 'better_sqlite3.node'));
  });
});

describe('the cannot-start dialog', () => {
  const context = { vaultDir: '/home/kim/.config/Tenang/vault', isPackaged: false };
  const secret = 'Client Budi said he feels hopeless';

  it('recognises a native module built for the wrong runtime', () => {
    const abi = Object.assign(
      new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.'),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(isNativeModuleMismatch(abi)).toBe(true);
    const text = describeStartupError(abi, context);
    expect(text.message).toMatch(/database engine/);
    expect(text.detail).toMatch(/npm start/);
    expect(text.detail).toContain('ERR_DLOPEN_FAILED');
    expect(describeStartupError(abi, { ...context, isPackaged: true }).detail).toMatch(/reinstall/i);
  });

  it('names the folder on permission problems', () => {
    const text = describeStartupError(Object.assign(new Error(`EACCES: permission denied, open '${secret}'`), { code: 'EACCES' }), context);
    expect(text.detail).toContain(context.vaultDir);
    expect(text.detail).toContain('EACCES');
  });

  it('never repeats the error message (it could quote data), only a short code', () => {
    for (const err of [
      new Error(secret),
      Object.assign(new Error(secret), { code: 'INTERNAL' }),
      Object.assign(new Error(secret), { code: 'EACCES' }),
      Object.assign(new Error(secret), { code: 'ENOSPC' }),
      Object.assign(new Error(secret), { code: 'VAULT_TOO_NEW' }),
      Object.assign(new Error(secret), { code: secret }),
      secret,
      { code: 'ERR_DLOPEN_FAILED', message: secret },
      undefined,
    ]) {
      const text = describeStartupError(err, context);
      expect(`${text.title} ${text.message} ${text.detail}`).not.toContain('hopeless');
      expect(text.title).toBe('Tenang cannot start');
    }
  });
});
