import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { events } from '../../shared/contract/channels';
import { stagesOf, type ReportStage } from '../../shared/reports/report-progress';
import { findBridge } from '../api/bridge';

type BuildKind = 'preview' | 'export';

/**
 * The stage the report being built has reached, as the report worker announces it (event
 * `reports.progress`); null before the first word of a build, and whenever none runs.
 */
export function useReportStage(building: BuildKind | null): ReportStage | null {
  const [stage, setStage] = useState<ReportStage | null>(null);
  useEffect(() => {
    setStage(null);
    if (building === null) return;
    const bridge = findBridge();
    if (!bridge) return;
    return bridge.on('reports.progress', (payload) => {
      const parsed = events['reports.progress'].safeParse(payload);
      if (parsed.success && parsed.data.kind === building) setStage(parsed.data.stage);
    });
  }, [building]);
  return stage;
}

/** What a build has done and is doing: a bar and its steps, announced to screen readers as they change. */
export function ReportProgress({ kind, stage }: { kind: BuildKind; stage: ReportStage }) {
  const { t } = useTranslation();
  const stages = stagesOf(kind);
  const current = stages.indexOf(stage);
  return (
    <div className="report-progress" role="status" aria-live="polite" data-testid={`report-progress-${kind}`}>
      <p className="report-progress__step">
        {t('reports.progress.step', { step: current + 1, steps: stages.length })}: {t(`reports.progress.stage.${stages[current]}`)}
      </p>
      <progress className="progress-bar" max={stages.length} value={current} aria-label={t('reports.progress.label')} />
      <ol className="report-progress__stages">
        {stages.map((s, i) => (
          <li key={s} className={i < current ? 'report-progress__done' : i === current ? 'report-progress__current' : undefined}>
            {t(`reports.progress.stage.${s}`)}
          </li>
        ))}
      </ol>
    </div>
  );
}
