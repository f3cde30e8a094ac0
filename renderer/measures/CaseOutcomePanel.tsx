import { useTranslation } from 'react-i18next';
import type { CaseOutcome, InstrumentView } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';
import { scoreText, shortNameOf, wallClockText } from './measure-text';

interface CaseOutcomePanelProps {
  outcome: CaseOutcome;
  instruments: ReadonlyMap<string, InstrumentView>;
}

type PairedKey = keyof CaseOutcome['paired'];
const PAIRED: PairedKey[] = ['casenessAtStart', 'recovered', 'reliableImprovement', 'reliableDeterioration', 'reliableRecovery'];

/**
 * The case's change and recovery by the published rules (NHS Talking Therapies), worked out
 * by the service: each instrument from first to last, then the paired outcome. Each number
 * stands next to the rule that gives it, so nobody has to guess what "recovered" means here;
 * "—" is "cannot be known yet", never "no".
 */
export function CaseOutcomePanel({ outcome, instruments }: CaseOutcomePanelProps) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? t('measures.outcome.yes') : t('measures.outcome.no'));
  const withScores = outcome.instruments.filter((change) => change.first !== null);
  return (
    <section className="measure-outcome" aria-labelledby={`measure-outcome-${outcome.caseId}`} data-testid="measure-outcome">
      <h4 id={`measure-outcome-${outcome.caseId}`} className="measure-subheading">
        {t('measures.outcome.title')}
      </h4>
      <p className="measure-outcome__finished" data-testid="measure-outcome-finished">
        {outcome.finished ? t('measures.outcome.finished', { count: outcome.attendedTreatmentSessions }) : t('measures.outcome.notFinished', { count: outcome.attendedTreatmentSessions })}
      </p>
      {withScores.length === 0 ? (
        <p className="empty-state">{t('measures.outcome.noScores')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--dense measure-outcome__table" data-testid="measure-change">
            <thead>
              <tr>
                <th scope="col">{t('measures.table.instrument')}</th>
                <th scope="col">{t('measures.outcome.first')}</th>
                <th scope="col">{t('measures.outcome.last')}</th>
                <th scope="col">{t('measures.outcome.change')}</th>
                <th scope="col">{t('measures.outcome.reliableChange')}</th>
              </tr>
            </thead>
            <tbody>
              {withScores.map((change) => {
                const instrument = instruments.get(change.instrumentId);
                return (
                  <tr key={change.instrumentId} data-testid="measure-change-row" data-instrument={change.instrumentId}>
                    <td className="cell-primary">{shortNameOf(instruments, change.instrumentId)}</td>
                    <td>
                      {scoreText(change.first?.total ?? null)}
                      {change.first && <span className="cell-secondary measure-outcome__date">{wallClockText(change.first.administeredAt, zone, language)}</span>}
                    </td>
                    <td>
                      {scoreText(change.last?.total ?? null)}
                      {change.last && <span className="cell-secondary measure-outcome__date">{wallClockText(change.last.administeredAt, zone, language)}</span>}
                    </td>
                    <td>{change.change === null ? '—' : change.change > 0 ? `+${scoreText(change.change)}` : scoreText(change.change)}</td>
                    <td data-testid="measure-reliable-change">
                      {change.reliableChange === null
                        ? instrument?.reliableChange === null
                          ? t('measures.outcome.noReliableValue')
                          : t('measures.outcome.tooFew')
                        : t(`measures.outcome.reliable.${change.reliableChange}`, { value: instrument?.reliableChange ?? '' })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h5 className="measure-outcome__paired-title">{t('measures.outcome.pairedTitle')}</h5>
      <dl className="measure-outcome__paired" data-testid="measure-paired">
        {PAIRED.map((key) => (
          <div key={key} className="measure-outcome__pair" data-testid={`paired-${key}`}>
            <dt>{t(`measures.outcome.paired.${key}`)}</dt>
            <dd className="measure-outcome__value">{yesNo(outcome.paired[key])}</dd>
            <dd className="measure-outcome__definition">{t(`measures.outcome.definitions.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <details className="measure-outcome__how">
        <summary>{t('measures.outcome.how')}</summary>
        <ul>
          <li>{t('measures.outcome.rules.complete')}</li>
          <li>{t('measures.outcome.rules.reliableChange')}</li>
          <li>{t('measures.outcome.rules.finished')}</li>
          <li>{t('measures.outcome.rules.unknown')}</li>
          <li>{t('measures.outcome.rules.source')}</li>
        </ul>
      </details>
    </section>
  );
}
