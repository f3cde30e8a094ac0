import '../styles/measure-alerts.css';
import { useTranslation } from 'react-i18next';
import type { DueMeasure } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';

interface OverdueGroup {
  key: string;
  first: DueMeasure;
  shortNames: string[];
}

/** One line per client and session: "PHQ-9, GAD-7, WHO-5 for TN-…" reads better than three lines saying the same. */
function bySession(overdue: DueMeasure[]): OverdueGroup[] {
  const groups = new Map<string, OverdueGroup>();
  for (const measure of overdue) {
    const key = `${measure.caseId}-${measure.sessionId ?? 'closure'}`;
    const group = groups.get(key);
    if (group) group.shortNames.push(measure.shortName);
    else groups.set(key, { key, first: measure, shortNames: [measure.shortName] });
  }
  return [...groups.values()];
}

/**
 * Questionnaires the plans of the counsellor's cases asked for at sessions that have taken
 * place: "GAD-7 for TN-2026-000003, due at session 1 on 30 Nov 2026", each opening the record.
 */
export function OverdueMeasuresCard({ overdue, onOpenClient }: { overdue: DueMeasure[]; onOpenClient: (clientId: number) => void }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const groups = bySession(overdue);
  return (
    <section className="card home-card" aria-labelledby="home-measures-overdue-title" data-testid="home-measures-overdue">
      <h2 id="home-measures-overdue-title" className="card-heading home-card__heading">
        {t('home.measuresOverdue.title')}
        {overdue.length > 0 && <span className="home-card__count home-card__count--warning">{overdue.length}</span>}
      </h2>
      <p className="card-text">{t('home.measuresOverdue.lead')}</p>
      {groups.length === 0 ? (
        <p className="empty-state home-empty">{t('home.measuresOverdue.empty')}</p>
      ) : (
        <ul className="home-list">
          {groups.map(({ key, first, shortNames }) => (
            <li key={key} className="home-list__item home-list__item--stacked" data-testid="home-measure-overdue">
              <div className="home-list__main">
                <p className="home-overdue__what">{t('home.measuresOverdue.item', { instrument: shortNames.join(', '), code: first.clientCode })}</p>
                {first.clientName && <p className="home-list__meta">{first.clientName}</p>}
                <p className="home-list__due home-list__due--late">
                  {first.sessionNumber !== null && first.sessionStartsAt !== null
                    ? t('home.measuresOverdue.dueAtSession', { number: first.sessionNumber, date: calendarDate(first.sessionStartsAt.slice(0, 10)) })
                    : t('home.measuresOverdue.dueAtClosure')}
                </p>
              </div>
              <button type="button" className="button button--ghost button--small home-overdue__open" onClick={() => onOpenClient(first.clientId)}>
                {t('home.measuresOverdue.open')}
                <span className="visually-hidden"> {first.clientCode}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
