import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Administration, CaseOutcome, DueMeasure, InstrumentView } from '../../shared/contract/measure-schemas';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { AdministrationsTable } from './AdministrationsTable';
import { CaseOutcomePanel } from './CaseOutcomePanel';
import { DueList } from './DueList';
import { EditPlanDialog } from './EditPlanDialog';
import { HandToClientButton } from './HandToClientButton';
import { PlanSummary } from './PlanSummary';
import { RecordMeasureDialog } from './RecordMeasureDialog';
import { TrajectoryChart } from './TrajectoryChart';
import { mayWriteMeasures } from './measure-text';

interface CaseMeasuresProps {
  clientCase: Case;
  instruments: ReadonlyMap<string, InstrumentView>;
  /** The case's administrations, oldest first. */
  administrations: Administration[];
  /** Changes whenever something was recorded, so what is due and the outcome are asked again. */
  reloadKey: number;
  onChanged: () => void;
}

interface CaseData {
  due: DueMeasure[];
  plan: ChannelOutput<'measures.plan'>;
  outcome: CaseOutcome;
}

/** One case's measures: what is due, its plan, the questionnaires given, their trajectory and the outcome. */
export function CaseMeasures({ clientCase, instruments, administrations, reloadKey, onChanged }: CaseMeasuresProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { calendarDate } = useFormatters();
  const [data, setData] = useState<CaseData | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [recording, setRecording] = useState(false);
  const [editingPlan, setEditingPlan] = useState(false);
  const [planChanged, setPlanChanged] = useState(0);
  const caseId = clientCase.id;
  const mayWrite = mayWriteMeasures(clientCase, session.user);

  const load = useCallback(async () => {
    try {
      const [due, plan, outcome] = await Promise.all([call('measures.due', { caseId }), call('measures.plan', { caseId }), call('measures.caseOutcome', { caseId })]);
      setData({ due: due.due, plan, outcome });
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load, reloadKey, planChanged]);

  const dueIds = [...new Set((data?.due ?? []).map((item) => item.instrumentId))];
  const handOver = dueIds.length > 0 ? dueIds : (data?.plan.plan.instruments ?? []);
  const charted = [...new Set(administrations.map((administration) => administration.instrumentId))].flatMap((id) => {
    const instrument = instruments.get(id);
    return instrument ? [instrument] : [];
  });
  const headingId = `measure-case-${caseId}`;

  return (
    <article className="measure-case" aria-labelledby={headingId} data-testid="measure-case" data-case-id={caseId}>
      <div className="measure-case__head">
        <h3 id={headingId} className="measure-case__title">
          {t('measures.case.heading', { date: calendarDate(clientCase.openedDate), counsellor: clientCase.counsellorName })}
          {clientCase.closedDate !== null && <span className="badge badge--muted measure-case__closed">{t('measures.case.closed', { date: calendarDate(clientCase.closedDate) })}</span>}
        </h3>
        {mayWrite && (
          <div className="measure-case__actions">
            <HandToClientButton caseId={caseId} instrumentIds={handOver} onFinished={onChanged} />
            <button type="button" className="button button--primary button--small" onClick={() => setRecording(true)} disabled={instruments.size === 0}>
              {t('measures.case.record')}
            </button>
          </div>
        )}
      </div>
      <FormAlert code={error} />
      {data === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <div className="measure-case__overview">
            <div className="measure-case__due">
              <h4 className="measure-subheading">{t('measures.due.title')}</h4>
              <DueList due={data.due} />
            </div>
            <div className="measure-case__plan" data-testid="measure-plan">
              <h4 className="measure-subheading">{t('measures.plan.title')}</h4>
              <p className="measure-plan__kind">
                <span className={data.plan.clinicDefault ? 'badge badge--muted' : 'badge badge--success'} data-testid="plan-kind">
                  {data.plan.clinicDefault ? t('measures.plan.clinicDefault') : t('measures.plan.ownPlan')}
                </span>
              </p>
              <p className="measure-plan__summary">
                <PlanSummary plan={data.plan.plan} instruments={instruments} />
              </p>
              {mayWrite && (
                <button type="button" className="button button--ghost button--small" onClick={() => setEditingPlan(true)}>
                  {t('measures.plan.edit')}
                </button>
              )}
            </div>
          </div>
          <h4 className="measure-subheading">{t('measures.case.given')}</h4>
          {administrations.length === 0 ? (
            <p className="empty-state" data-testid="measure-none">
              {t('measures.case.none')}
            </p>
          ) : (
            <>
              <AdministrationsTable administrations={administrations} instruments={instruments} />
              {charted.length > 0 && (
                <>
                  <h4 className="measure-subheading">{t('measures.chart.heading')}</h4>
                  <div className="measure-charts">
                    {charted.map((instrument) => (
                      <TrajectoryChart key={instrument.id} instrument={instrument} administrations={administrations} />
                    ))}
                  </div>
                </>
              )}
              <CaseOutcomePanel outcome={data.outcome} instruments={instruments} />
            </>
          )}
        </>
      )}
      {recording && (
        <RecordMeasureDialog
          caseId={caseId}
          instruments={[...instruments.values()]}
          suggestedInstrumentId={dueIds.find((id) => instruments.has(id))}
          onClose={() => setRecording(false)}
          onRecorded={onChanged}
        />
      )}
      {editingPlan && data && (
        <EditPlanDialog
          caseId={caseId}
          plan={data.plan.plan}
          clinicDefault={data.plan.clinicDefault}
          instruments={instruments}
          onClose={() => setEditingPlan(false)}
          onSaved={() => {
            setEditingPlan(false);
            setPlanChanged((n) => n + 1);
          }}
        />
      )}
    </article>
  );
}
