import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ErrorCode } from '../../shared/errors';
import { errorCodeOf, isApiError } from '../api/api-error';
import { serverIssueCode } from './issue-messages';

/**
 * Puts a refused request's problems where the person will look: each field issue under its
 * field, codes that belong to one field (a wrong passphrase, a taken username) under that
 * field. Returns the code to show above the form when something is left over, else null.
 */
export function applyApiError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  fieldForCode: Partial<Record<ErrorCode, Path<T>>> = {},
): ErrorCode | null {
  const code = errorCodeOf(error);
  let focused = false;
  const place = (field: Path<T>, message: string) => {
    setError(field, { type: 'server', message }, { shouldFocus: !focused });
    focused = true;
  };

  const ownField = fieldForCode[code];
  if (ownField) {
    place(ownField, `error:${code}`);
    return null;
  }

  const issues = isApiError(error) ? error.issues : [];
  if (issues.length === 0) return code;
  let unplaced = false;
  for (const issue of issues) {
    const field = fields.find((name) => name === issue.path);
    if (field) place(field, serverIssueCode(issue));
    else unplaced = true;
  }
  return unplaced ? code : null;
}
