import type { ScheduleProblem } from './contract/session-schemas';

/**
 * Stable error codes every door (UI, CLI, test bridge) receives. The UI translates the
 * code; `message` is a plain English fallback that never carries confidential data.
 */
export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'VALIDATION',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'LOCKED_OUT',
  'WEAK_PASSPHRASE',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'VAULT_BUSY',
  'KEYRING_UNREADABLE',
  'USER_NOT_FOUND',
  'USER_DISABLED',
  'KEY_NOT_RECORDED',
  'ADMIN_KEY_NOT_RECORDED',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'CANNOT_DISABLE_SELF',
  'CANNOT_RESET_OWN_PASSPHRASE',
  'NOT_FOUND',
  'CONTRACT_OVERLAP',
  'ILLEGAL_TRANSITION',
  'COUNSELLOR_UNAVAILABLE',
  'CASE_CLOSED',
  /** The case has a questionnaire alert (PHQ-9 item 9) not yet followed up. */
  'RISK_FOLLOW_UP_NEEDED',
  'INSTRUMENT_EXISTS',
  /** The desktop is handed to a client: only the questionnaire answers (issue 12). */
  'CLIENT_MODE',
  /** A report's scope has no contract in force in its period, so no minimum cell size to protect it with. */
  'NO_CONTRACT_IN_PERIOD',
  /** A report's period has not begun yet. */
  'PERIOD_NOT_STARTED',
  /** Earlier reports would let a small count of this report be worked out, whatever it hides. */
  'REPORT_UNSAFE',
  'EXPORT_UNREADABLE',
  'VAULT_NOT_EMPTY',
  'ROOM_NAME_TAKEN',
  'HOLIDAY_EXISTS',
  'SCHEDULE_CONFLICT',
  'ALLOWANCE_EXCEEDED',
  'NOTE_SIGNED',
  'BREAK_GLASS_REQUIRED',
  'OPEN_UNAVAILABLE',
  'SAVE_UNAVAILABLE',
  /** A letter to a referrer is refused (issue 13): not a formal referral, no consent, consent without its dates, or expired. */
  'LETTER_NOT_FORMAL',
  'LETTER_NO_CONSENT',
  'LETTER_CONSENT_INCOMPLETE',
  'LETTER_CONSENT_EXPIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input, by its path (for example `admin.passphrase`). */
export interface FieldIssue {
  path: string;
  /** A stable code (`too_small`, `invalid_format`, `passphrase_common`, …) the UI translates. */
  code: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** For VALIDATION and WEAK_PASSPHRASE: which fields, and why. */
  issues?: FieldIssue[];
  /** For LOCKED_OUT and WRONG_PASSPHRASE: how long until the next attempt is allowed. */
  retryAfterMs?: number;
  /** For SCHEDULE_CONFLICT: each occurrence that cannot be booked, and the time and room in its way. */
  problems?: ScheduleProblem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly retryAfterMs?: number;
  readonly problems?: ScheduleProblem[];

  constructor(code: ErrorCode, message: string, extra: { issues?: FieldIssue[]; retryAfterMs?: number; problems?: ScheduleProblem[] } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.issues) this.issues = extra.issues;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.problems) this.problems = extra.problems;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.issues) shape.issues = this.issues;
    if (this.retryAfterMs !== undefined) shape.retryAfterMs = this.retryAfterMs;
    if (this.problems) shape.problems = this.problems;
    return shape;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
