import i18n, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/errors';
import { serverIssueCode, translateIssue } from '../../forms/issue-messages';
import { readablePath } from './readable-path';

/**
 * zod's own codes (a missing field, a wrong type, an unknown field) are worded for form
 * fields under `validation.*` ("choose one of the options"); an instrument file gets its own
 * wording for them. The instrument rules' codes (`bands_not_rising` …) are `validation.*`.
 */
function fileIssueMessage(t: TFunction, issue: FieldIssue): string {
  const code = serverIssueCode(issue);
  const ownWording = `adminMeasures.fileIssues.${code}`;
  if (i18n.exists(ownWording)) return t(ownWording);
  return translateIssue(t, code, t('adminMeasures.thisField'));
}

/** Every problem the check found in an added instrument file, each under its field's path. */
export function InstrumentFileIssues({ issues }: { issues: readonly FieldIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="alert alert--error measure-file-issues" role="alert" data-testid="instrument-file-issues">
      <p className="measure-file-issues__title">{t('adminMeasures.add.issuesTitle', { count: issues.length })}</p>
      <ul className="measure-file-issues__list">
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.code}`}>
            <span className="measure-file-issues__path">{readablePath(t, issue.path)}</span>
            <span className="measure-file-issues__message">{fileIssueMessage(t, issue)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
