import { useTranslation } from 'react-i18next';
import type { DueMeasure } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';
import { wallClockText } from './measure-text';

/** What the case's plan still asks for: at which session (and when), overdue ones said in words as well as colour. */
export function DueList({ due }: { due: DueMeasure[] }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  if (due.length === 0) {
    return (
      <p className="measure-due__none" data-testid="measure-due-none">
        {t('measures.due.none')}
      </p>
    );
  }
  return (
    <ul className="measure-due" aria-label={t('measures.due.label')} data-testid="measure-due">
      {due.map((item) => (
        <li key={`${item.instrumentId}-${item.reason}-${item.sessionId ?? 'closure'}`} className={item.overdue ? 'measure-due__item measure-due__item--overdue' : 'measure-due__item'} data-testid="measure-due-item">
          {item.overdue && <span className="badge badge--danger">{t('measures.due.overdue')}</span>}
          <span>
            {item.reason === 'closure' || item.sessionNumber === null || item.sessionStartsAt === null
              ? t('measures.due.atClosure', { name: item.shortName })
              : t(item.reason === 'intake' ? 'measures.due.atIntake' : 'measures.due.atSession', {
                  name: item.shortName,
                  number: item.sessionNumber,
                  when: wallClockText(item.sessionStartsAt, zone, language),
                })}
          </span>
        </li>
      ))}
    </ul>
  );
}
