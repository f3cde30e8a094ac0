import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import type { ErrorCode } from '../../shared/errors';
import { errorCodeOf, isApiError } from '../api/api-error';
import { applyApiError } from '../forms/apply-api-error';

/** A refusal the form could not put under a field: the error code, or the service's own rule in words. */
export type FormProblem = { code: ErrorCode; rule: string | null } | null;

/** The session contract's and service's own rules: said in words even when no field of the form holds them. */
const SESSION_RULES: ReadonlySet<string> = new Set([
  'agency_required', 'capacity_required', 'case_required', 'client_not_of_agency', 'local_time_format', 'not_case_counsellor', 'not_case_issue',
  'not_group_session', 'outcome_before_start', 'over_room_capacity', 'range_too_long', 'reason_required', 'room_only_in_person', 'room_required',
  'time_format', 'topic_only_workshop', 'topic_required', 'unknown_room', 'url_format', 'video_link_required', 'workshop_has_no_case',
]);
const hasRule = (code: string) => SESSION_RULES.has(code) && i18n.exists(`validation.${code}`);

/**
 * Like applyApiError, but the session service's own rules ("the group is larger than the
 * room holds", "this session has not begun yet") are said in words: under their field
 * when the form has it, above the form otherwise.
 */
export function applySessionError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly Path<T>[]): FormProblem {
  const issues = isApiError(error) ? error.issues : [];
  const ruled = issues.filter((issue) => hasRule(issue.code) || hasRule(issue.message));
  if (ruled.length === 0) {
    const code = applyApiError(error, setError, fields);
    return code ? { code, rule: null } : null;
  }
  let leftover: string | null = null;
  let focused = false;
  for (const issue of ruled) {
    const rule = hasRule(issue.code) ? issue.code : issue.message;
    const field = fields.find((name) => name === issue.path);
    if (field) {
      setError(field, { type: 'server', message: rule }, { shouldFocus: !focused });
      focused = true;
    } else leftover ??= rule;
  }
  return leftover ? { code: errorCodeOf(error), rule: leftover } : null;
}

/** The service's own rule behind a refusal, when it has words in the calendar's messages. */
export function ruleOf(error: unknown): string | null {
  const issue = (isApiError(error) ? error.issues : []).find((candidate) => hasRule(candidate.code) || hasRule(candidate.message));
  if (!issue) return null;
  return hasRule(issue.code) ? issue.code : issue.message;
}

/** The alert for a FormProblem. */
export function SessionFormAlert({ problem }: { problem: FormProblem }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="alert alert--error" role="alert">
      {problem.rule ? t(`validation.${problem.rule}`, { field: '' }) : t(`errors.${problem.code}`)}
    </div>
  );
}
