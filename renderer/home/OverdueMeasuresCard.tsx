import { useTranslation } from 'react-i18next';
import type { DueMeasure } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';
import { wallClockDate } from '../measures/alerts/wall-clock';

/**
 * Questionnaires the plans of the counsellor's cases asked for at sessions that have taken
 * place: "GAD-7 for TN-2026-0003, due at session 1 on 30 Nov 2026", each opening the record.
 */
export function OverdueMeasuresCard({ overdue, onOpenClient }: { overdue: DueMeasure[]; onOpenClient: (clientId: number) => void }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  return (
    <section className="card home-card" aria-labelledby="home-measures-overdue-title" data-testid="home-measures-overdue">
      <h2 id="home-measures-overdue-title" className="card-heading home-card__heading">
        {t('home.measuresOverdue.title')}
        {overdue.length > 0 && <span className="home-card__count home-card__count--warning">{overdue.length}</span>}
      </h2>
      <p className="card-text">{t('home.measuresOverdue.lead')}</p>
      {overdue.length === 0 ? (
        <p className="empty-state home-empty">{t('home.measuresOverdue.empty')}</p>
      ) : (
        <ul className="home-list">
          {overdue.map((measure) => (
            <li key={`${measure.caseId}-${measure.instrumentId}-${measure.sessionId ?? 'closure'}`} className="home-list__item" data-testid="home-measure-overdue">
              <div className="home-list__main">
                <p className="home-list__title">
                  {t('home.measuresOverdue.item', { instrument: measure.shortName, code: measure.clientCode })}
                  {measure.clientName && <span className="home-list__meta"> · {measure.clientName}</span>}
                </p>
                <p className="home-list__due home-list__due--late">
                  {measure.sessionNumber !== null && measure.sessionStartsAt !== null
                    ? t('home.measuresOverdue.dueAtSession', { number: measure.sessionNumber, date: wallClockDate(measure.sessionStartsAt, zone, language) })
                    : t('home.measuresOverdue.dueAtClosure')}
                </p>
              </div>
              <button type="button" className="button button--ghost button--small" onClick={() => onOpenClient(measure.clientId)}>
                {t('home.measuresOverdue.open')}
                <span className="visually-hidden"> {measure.clientCode}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
