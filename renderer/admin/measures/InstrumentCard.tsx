import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../../shared/contract/measure-schemas';
import { localeFor } from '../../format/dates';
import type { Language } from '../../../shared/settings';
import { bandRanges, type BandRange } from './band-ranges';

interface InstrumentCardProps {
  instrument: InstrumentView;
  enabled: boolean;
  /** While its switch is being saved. */
  busy: boolean;
  onSwitch: (enabled: boolean) => void;
}

/**
 * One instrument as an admin judges it: what it measures and how it is scored, where it
 * comes from and on what terms (the licence is always shown: the PSS-10's is non-commercial),
 * whose Indonesian text it is, and the switch that offers it to counsellors or not.
 */
export function InstrumentCard({ instrument, enabled, busy, onSwitch }: InstrumentCardProps) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  const number = (value: number) => value.toLocaleString(localeFor(language));
  const titleId = `measure-${instrument.id}-title`;
  const switchId = `measure-${instrument.id}-switch`;
  const bandEnd = (band: BandRange) =>
    band.end.kind === 'through'
      ? t('adminMeasures.bandThrough', { min: number(band.min), max: number(band.end.value) })
      : t('adminMeasures.bandBelow', { min: number(band.min), max: number(band.end.value) });

  return (
    <article className={enabled ? 'measure-card' : 'measure-card measure-card--off'} aria-labelledby={titleId} data-testid={`measure-${instrument.id}`}>
      <header className="measure-card__header">
        <div className="measure-card__heading">
          <h3 id={titleId} className="measure-card__title">
            <span className="measure-card__short">{instrument.shortName}</span> <span className="measure-card__name">{instrument.name}</span>
          </h3>
          <p className="measure-card__summary">
            {t('adminMeasures.summary', {
              items: t('adminMeasures.items', { count: instrument.items.length }),
              min: number(instrument.range.min),
              max: number(instrument.range.max),
              direction: t(`adminMeasures.direction.${instrument.direction}`),
            })}
          </p>
          <p className="measure-card__badges">
            <span className={instrument.bundled ? 'badge badge--muted' : 'badge measure-card__added'}>{t(instrument.bundled ? 'adminMeasures.bundled' : 'adminMeasures.added')}</span>
            {!enabled && <span className="badge badge--warning">{t('adminMeasures.off')}</span>}
          </p>
        </div>
        <label className="measure-switch" htmlFor={switchId}>
          <input id={switchId} type="checkbox" role="switch" checked={enabled} disabled={busy} onChange={(event) => onSwitch(event.target.checked)} />
          <span>{t('adminMeasures.use', { shortName: instrument.shortName })}</span>
        </label>
      </header>

      <dl className="measure-card__facts">
        <dt>{t('adminMeasures.fields.bands')}</dt>
        <dd>
          <ul className="measure-bands">
            {bandRanges(instrument).map((band) => (
              <li key={band.id} className="measure-bands__band">
                <span className="measure-bands__label">{band.label}</span> <span className="measure-bands__range">{bandEnd(band)}</span>
              </li>
            ))}
          </ul>
          {instrument.subscales && <p className="measure-card__note">{t('adminMeasures.subscalesNote', { list: instrument.subscales.map((subscale) => subscale.label).join(', ') })}</p>}
        </dd>
        {instrument.casenessAtLeast !== null && (
          <>
            <dt>{t('adminMeasures.fields.caseness')}</dt>
            <dd>{t('adminMeasures.casenessValue', { value: number(instrument.casenessAtLeast) })}</dd>
          </>
        )}
        {instrument.reliableChange !== null && (
          <>
            <dt>{t('adminMeasures.fields.reliableChange')}</dt>
            <dd>{t('adminMeasures.reliableChangeValue', { value: number(instrument.reliableChange) })}</dd>
          </>
        )}
        <dt>{t('adminMeasures.fields.licence')}</dt>
        <dd className="measure-card__licence" data-testid={`measure-${instrument.id}-licence`}>
          {instrument.licence}
        </dd>
        <dt>{t('adminMeasures.fields.citation')}</dt>
        <dd className="measure-card__citation">{instrument.citation}</dd>
        <dt>{t('adminMeasures.fields.indonesian')}</dt>
        <dd data-testid={`measure-${instrument.id}-indonesian`}>
          {instrument.indonesianCitation === null ? (
            <span className="measure-card__working">{t('adminMeasures.workingTranslation')}</span>
          ) : (
            t('adminMeasures.validatedTranslation', { citation: instrument.indonesianCitation })
          )}
        </dd>
      </dl>
    </article>
  );
}
