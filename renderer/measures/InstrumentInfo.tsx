import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';

/**
 * Where a questionnaire comes from and on what terms it is used: its citation and licence
 * behind a disclosure, and, in Indonesian, whether the text is a validated translation or a
 * working translation of our own (which the clinic must know before trusting a score).
 */
export function InstrumentInfo({ instrument }: { instrument: InstrumentView }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const workingTranslation = language === 'id' && instrument.indonesianCitation === null;
  return (
    <div className="instrument-info" data-testid="instrument-info">
      {workingTranslation && (
        <p className="instrument-info__translation" data-testid="working-translation">
          {t('measures.info.workingTranslation')}
        </p>
      )}
      <details className="instrument-info__details">
        <summary>{t('measures.info.summary', { name: instrument.shortName })}</summary>
        <dl className="instrument-info__list">
          <dt>{t('measures.info.name')}</dt>
          <dd>{instrument.name}</dd>
          <dt>{t('measures.info.citation')}</dt>
          <dd>{instrument.citation}</dd>
          {language === 'id' && (
            <>
              <dt>{t('measures.info.indonesianText')}</dt>
              <dd>{instrument.indonesianCitation ?? t('measures.info.workingTranslation')}</dd>
            </>
          )}
          <dt>{t('measures.info.licence')}</dt>
          <dd>{instrument.licence}</dd>
        </dl>
      </details>
    </div>
  );
}
