import { useTranslation } from 'react-i18next';
import type { DueMeasure } from '../../shared/contract/measure-schemas';
import { useFormatters } from '../session/useFormatters';
import { wallClockText } from './measure-text';

/** Due measures of one moment (a session, or closure): said in one line. */
interface DueGroup {
  key: string;
  reason: DueMeasure['reason'];
  sessionNumber: number | null;
  sessionStartsAt: string | null;
  overdue: boolean;
  names: string[];
}

function groupByMoment(due: DueMeasure[]): DueGroup[] {
  const groups = new Map<string, DueGroup>();
  for (const item of due) {
    const key = `${item.reason}-${item.sessionId ?? 'closure'}-${item.overdue}`;
    const group = groups.get(key) ?? { key, reason: item.reason, sessionNumber: item.sessionNumber, sessionStartsAt: item.sessionStartsAt, overdue: item.overdue, names: [] };
    group.names.push(item.shortName);
    groups.set(key, group);
  }
  // Overdue first, then in the order they fall due (closure last).
  return [...groups.values()].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.sessionStartsAt ?? '9999').localeCompare(b.sessionStartsAt ?? '9999'));
}

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
      {groupByMoment(due).map((group) => {
        const names = group.names.join(', ');
        return (
          <li key={group.key} className={group.overdue ? 'measure-due__item measure-due__item--overdue' : 'measure-due__item'} data-testid="measure-due-item">
            {group.overdue && <span className="badge badge--danger">{t('measures.due.overdue')}</span>}
            <span>
              {group.reason === 'closure' || group.sessionNumber === null || group.sessionStartsAt === null
                ? t('measures.due.atClosure', { names })
                : t(group.reason === 'intake' ? 'measures.due.atIntake' : 'measures.due.atSession', {
                    names,
                    number: group.sessionNumber,
                    when: wallClockText(group.sessionStartsAt, zone, language),
                  })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
