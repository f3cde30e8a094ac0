import { useTranslation } from 'react-i18next';
import type { Administration, InstrumentView } from '../../shared/contract/measure-schemas';
import { bandLabel, scoreText, subscaleScores } from './measure-text';

interface ScoreProps {
  administration: Administration;
  instrument: InstrumentView | undefined;
}

/** The score in words: a total ("12"), or the CBI's subscales, or "incomplete" when too much was left out. */
export function ScoreValue({ administration, instrument }: ScoreProps) {
  const { t } = useTranslation();
  const subscales = subscaleScores(instrument, administration);
  if (subscales.length > 0) {
    return (
      <ul className="measure-subscales">
        {subscales.map((subscale) => (
          <li key={subscale.id}>
            <span className="measure-subscales__label">{subscale.label}</span> <strong>{scoreText(subscale.score)}</strong>
            {subscale.band && <span className="measure-subscales__band"> · {bandLabel(instrument, subscale.band)}</span>}
          </li>
        ))}
      </ul>
    );
  }
  if (!administration.complete || administration.score.total === null) {
    return (
      <span className="badge badge--muted" data-testid="measure-incomplete">
        {t('measures.score.incomplete')}
      </span>
    );
  }
  return <strong className="measure-total">{scoreText(administration.score.total)}</strong>;
}

/** The severity band as the instrument names it, coloured by where it sits in the range (the words carry the meaning). */
export function BandBadge({ administration, instrument }: ScoreProps) {
  const label = bandLabel(instrument, administration.score.band);
  if (!label || !instrument) return null;
  const index = instrument.bands.findIndex((band) => band.id === administration.score.band);
  return <span className={`measure-band measure-band--${severityStep(instrument, index)}`}>{label}</span>;
}

/** 0 (best) … 4 (worst): one of five colours for a band, whatever the instrument's direction and number of bands. */
export function severityStep(instrument: InstrumentView, bandIndex: number): number {
  const count = instrument.bands.length;
  if (count <= 1 || bandIndex < 0) return 0;
  const worseness = instrument.direction === 'higher_is_worse' ? bandIndex : count - 1 - bandIndex;
  return Math.round((worseness / (count - 1)) * 4);
}

/** What a just-recorded questionnaire came to, and any alert it raised, said at once. */
export function AdministrationResult({ administration, instrument }: ScoreProps) {
  const { t, i18n } = useTranslation();
  const name = instrument?.shortName ?? administration.instrumentId;
  return (
    <div className="measure-result" data-testid="measure-result">
      <p className="measure-result__line">
        <span className="measure-result__name">{name}</span>
        <ScoreValue administration={administration} instrument={instrument} />
        {instrument && administration.score.total !== null && <span className="measure-result__range">{t('measures.score.outOf', { min: instrument.range.min, max: instrument.range.max })}</span>}
        <BandBadge administration={administration} instrument={instrument} />
      </p>
      {!administration.complete && <p className="measure-result__note">{t('measures.score.incompleteExplained')}</p>}
      {administration.score.caseness === true && <p className="measure-result__note">{t('measures.score.aboveCaseness', { threshold: instrument?.casenessAtLeast ?? '' })}</p>}
      {administration.alerts.map((alert) => (
        <div key={alert} className="alert alert--error" role="alert" data-testid="measure-alert">
          <strong>{i18n.exists(`measures.alerts.${alert}`) ? t(`measures.alerts.${alert}`) : t('measures.alerts.other', { name })}</strong> {t('measures.alerts.pointer')}
        </div>
      ))}
    </div>
  );
}
