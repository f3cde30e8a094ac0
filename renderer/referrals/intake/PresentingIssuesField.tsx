import { useTranslation } from 'react-i18next';
import { PRESENTING_ISSUES } from '../../../shared/domain/referrals';
import { ChoiceGroup } from '../../forms/ChoiceGroup';
import type { IntakeForm } from './intake-form';

/** The taxonomy's presenting issues as checkboxes: a referral names at least one. */
export function PresentingIssuesField({ form }: { form: IntakeForm }) {
  const { t } = useTranslation();
  const error = form.formState.errors.presentingIssues;
  return (
    <ChoiceGroup
      id="intake-issues"
      legend={t('referrals.fields.presentingIssues')}
      type="checkbox"
      columns
      options={PRESENTING_ISSUES.map((issue) => ({ value: issue, label: t(`vocab.presentingIssue.${issue}`) }))}
      registration={form.register('presentingIssues')}
      // An array field's own problem (none chosen) sits on the array, not on an item.
      error={error?.message !== undefined ? { type: error.type ?? 'validate', message: error.message } : undefined}
      hint={t('referrals.hints.presentingIssues')}
    />
  );
}
