import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../shared/contract/measure-schemas';
import type { MeasurementPlan } from '../../shared/domain/measurement-plan';
import { shortNameOf } from './measure-text';

/** A plan in one line: "PHQ-9, GAD-7, WHO-5 — at intake, every 2 sessions, at closure". */
export function PlanSummary({ plan, instruments }: { plan: MeasurementPlan; instruments: ReadonlyMap<string, InstrumentView> }) {
  const { t } = useTranslation();
  if (plan.instruments.length === 0) return <span data-testid="plan-summary">{t('measures.plan.nothing')}</span>;
  const when = [
    plan.atIntake ? t('measures.plan.summaryIntake') : null,
    plan.everySessions !== null ? t('measures.plan.summaryEvery', { count: plan.everySessions }) : null,
    plan.atClosure ? t('measures.plan.summaryClosure') : null,
  ].filter((part): part is string => part !== null);
  return (
    <span data-testid="plan-summary">
      <strong>{plan.instruments.map((id) => shortNameOf(instruments, id)).join(', ')}</strong>
      {' — '}
      {when.length > 0 ? when.join(', ') : t('measures.plan.summaryNever')}
    </span>
  );
}
