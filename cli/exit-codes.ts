import type { ErrorCode } from '../shared/errors';

/** 0 success, 2 invalid input or usage, 3 wrong passphrase or locked out, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'UNKNOWN_CHANNEL':
    case 'WEAK_PASSPHRASE':
    case 'USERNAME_TAKEN':
    case 'VAULT_EXISTS':
    case 'VAULT_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'LAST_ADMIN':
    case 'CANNOT_DISABLE_SELF':
    case 'CANNOT_RESET_OWN_PASSPHRASE':
    case 'VAULT_NOT_EMPTY':
    case 'EXPORT_UNREADABLE':
    case 'VAULT_TOO_NEW':
      return EXIT.usage;
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_KEY':
    case 'LOCKED_OUT':
    case 'USER_DISABLED':
    case 'KEY_NOT_RECORDED':
    case 'ADMIN_KEY_NOT_RECORDED':
    case 'NOT_SIGNED_IN':
    case 'FORBIDDEN':
      return EXIT.auth;
    default:
      return EXIT.failure;
  }
}
