import { ERROR_CODES, type AppErrorShape, type ErrorCode, type FieldIssue } from '../../shared/errors';
import type { ScheduleProblem } from '../../shared/contract/session-schemas';

/** A refused request, as the dispatcher described it. The UI translates `code`, never `message`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly retryAfterMs: number | undefined;
  readonly problems: ScheduleProblem[];

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = (ERROR_CODES as readonly string[]).includes(shape.code) ? shape.code : 'INTERNAL';
    this.issues = Array.isArray(shape.issues) ? shape.issues : [];
    this.retryAfterMs = typeof shape.retryAfterMs === 'number' ? shape.retryAfterMs : undefined;
    this.problems = Array.isArray(shape.problems) ? shape.problems : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The error code to show for anything a call threw. */
export function errorCodeOf(error: unknown): ErrorCode {
  return isApiError(error) ? error.code : 'INTERNAL';
}
