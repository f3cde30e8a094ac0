/**
 * The words of the "Tenang cannot start" dialog, shown when the vault cannot be opened in
 * a way the window could display (the database engine does not load, the folder cannot be
 * read). Pure, so it is unit-tested.
 *
 * Never includes the raw error message: it could quote a path inside the vault or SQL.
 * Only a short, stable error code (ERR_DLOPEN_FAILED, EACCES, INTERNAL …) and the vault
 * folder's location are shown. No record data can reach this text.
 */

export interface StartupErrorText {
  title: string;
  message: string;
  detail: string;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : '';
}

/** The native SQLCipher module was built for another runtime (Node's ABI instead of Electron's). */
export function isNativeModuleMismatch(err: unknown): boolean {
  const code = errorCode(err);
  const text = errorText(err);
  return (
    code === 'ERR_DLOPEN_FAILED' ||
    /NODE_MODULE_VERSION|compiled against a different Node\.js version|better_sqlite3\.node|Could not locate the bindings file/i.test(
      text,
    )
  );
}

export function describeStartupError(err: unknown, context: { vaultDir: string; isPackaged: boolean }): StartupErrorText {
  const code = errorCode(err);
  const suffix = code ? `\n\nError code: ${code}` : '';
  const title = 'Tenang cannot start';

  if (isNativeModuleMismatch(err)) {
    return {
      title,
      message: 'The encrypted database engine could not be loaded.',
      detail: context.isPackaged
        ? 'This installation is incomplete or damaged. Please reinstall Tenang.' + suffix
        : 'The SQLCipher module has not been built for Electron. Run `npm start`, which builds it into .electron-native/ before starting the app.' +
          suffix,
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return {
      title,
      message: 'Tenang is not allowed to use its data folder.',
      detail: `Folder: ${context.vaultDir}\n\nCheck that your account may read and write this folder.${suffix}`,
    };
  }
  if (code === 'ENOSPC') {
    return {
      title,
      message: 'The disk is full.',
      detail: `Tenang needs free space beside its data folder (${context.vaultDir}). Free some space and start Tenang again.${suffix}`,
    };
  }
  if (code === 'VAULT_TOO_NEW') {
    return {
      title,
      message: 'This vault was written by a newer version of Tenang.',
      detail: `Install the newer version to open it. The vault has not been changed.\n\nFolder: ${context.vaultDir}`,
    };
  }
  return {
    title,
    message: 'Tenang could not open its data folder.',
    detail: `Folder: ${context.vaultDir}\n\nNo data has been changed. If this keeps happening, contact your administrator.${suffix}`,
  };
}
