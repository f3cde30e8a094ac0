import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '../../shared/passphrase-policy';
import type { FieldIssue } from '../../shared/errors';

/**
 * Form errors carry a message code, not prose: `passphrase_common`, `too_short:2`,
 * `required`. The field component translates the code with the field's label, so every
 * message names its field and changes language with the rest of the screen.
 */

interface ZodIssueLike {
  code: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
}

/** A zod 4 error map for zodResolver: built-in issues become message codes. */
export function zodIssueCode(issue: ZodIssueLike): string {
  const blank = issue.input === undefined || issue.input === null || issue.input === '' || Number.isNaN(issue.input);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 || blank ? 'required' : `too_short:${String(issue.minimum)}`;
      if (issue.origin === 'number') return `too_small_number:${String(issue.minimum)}`;
      return 'required';
    case 'too_big':
      if (issue.origin === 'string') return `too_long:${String(issue.maximum)}`;
      if (issue.origin === 'number') return `too_big_number:${String(issue.maximum)}`;
      return 'too_big';
    case 'invalid_type':
      if (blank) return 'required';
      return issue.expected === 'int' ? 'not_integer' : 'invalid_type';
    case 'invalid_value':
      return blank ? 'required' : 'invalid_value';
    case 'invalid_format':
      return 'invalid_format';
    default:
      return 'invalid';
  }
}

export const zodErrorMap = (issue: ZodIssueLike): string => zodIssueCode(issue);

/** The message code to show for one issue the server returned. */
export function serverIssueCode(issue: FieldIssue): string {
  for (const candidate of [issue.message, issue.code]) {
    if (typeof candidate === 'string' && /^[a-z_]+$/.test(candidate) && i18n.exists(`validation.${candidate}`)) {
      return candidate;
    }
  }
  return 'invalid';
}

/** Translates a message code for the field labelled `fieldLabel`. */
export function translateIssue(t: TFunction, messageCode: string | undefined, fieldLabel: string): string {
  if (messageCode?.startsWith('error:')) return t(`errors.${messageCode.slice('error:'.length)}`);
  const [rawKey = 'invalid', param] = (messageCode ?? 'invalid').split(':');
  const key = i18n.exists(`validation.${rawKey}`) ? rawKey : 'invalid';
  return t(`validation.${key}`, {
    field: fieldLabel,
    min: key.startsWith('passphrase_') ? PASSPHRASE_MIN_LENGTH : param,
    max: key.startsWith('passphrase_') ? PASSPHRASE_MAX_LENGTH : param,
  });
}
