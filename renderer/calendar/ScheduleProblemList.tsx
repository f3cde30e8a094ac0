import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScheduleProblem } from '../../shared/contract/session-schemas';
import { useFormatters } from '../session/useFormatters';
import { shortDateTimeText, spanText } from './calendar-time';
import type { Language } from '../../shared/settings';

/**
 * One problem in words: "Occurrence 3, Tue 9 Dec 10:00: the counsellor already has a session
 * 09:30–10:20 in Ruang Melati". The other session is named by its time and room only, as
 * the service gives it: never its client, never its counsellor.
 */
export function problemText(t: TFunction, problem: ScheduleProblem, zone: string, language: Language, series: boolean): string {
  const when = shortDateTimeText(problem.occurrenceStartMs, zone, language);
  const where = series ? t('calendar.problems.occurrence', { number: problem.occurrence + 1, when }) : when;
  const other = problem.other;
  const span = other ? spanText(other.startMs, other.endMs, zone, language) : '';
  let what: string;
  switch (problem.kind) {
    case 'counsellor_busy':
      what = other?.roomName ? t('calendar.problems.counsellorBusyInRoom', { span, room: other.roomName }) : t('calendar.problems.counsellorBusy', { span });
      break;
    case 'room_busy':
      what = other?.roomName ? t('calendar.problems.roomBusy', { span, room: other.roomName }) : t('calendar.problems.roomBusyUnnamed', { span });
      break;
    default:
      what = t(`calendar.problems.kind.${problem.kind}`);
  }
  return t('calendar.problems.line', { where, what });
}

/** Every occurrence that cannot be booked as asked, one line each, in order. */
export function ScheduleProblemList({ problems, series, testId }: { problems: ScheduleProblem[]; series: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const sorted = [...problems].sort((a, b) => a.occurrence - b.occurrence || a.occurrenceStartMs - b.occurrenceStartMs);
  return (
    <ul className="schedule-problems" data-testid={testId}>
      {sorted.map((problem, index) => (
        <li key={`${problem.occurrence}-${problem.kind}-${index}`} data-kind={problem.kind} data-occurrence={problem.occurrence}>
          {problemText(t, problem, zone, language, series)}
        </li>
      ))}
    </ul>
  );
}

/** The SCHEDULE_CONFLICT alert: nothing was saved, and why, occurrence by occurrence. */
export function ConflictAlert({ problems, series, lead, focus = false }: { problems: ScheduleProblem[]; series: boolean; lead?: string; focus?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // In a long form the alert may be out of sight: bring it into view where the person is.
  useEffect(() => {
    if (!focus) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, [focus, problems]);
  return (
    <div ref={ref} className="alert alert--error schedule-conflict" role="alert" data-testid="schedule-conflict" tabIndex={-1}>
      <p className="schedule-conflict__lead">
        {lead ?? (series ? t('calendar.problems.seriesLead', { count: new Set(problems.map((p) => p.occurrence)).size }) : t('calendar.problems.singleLead'))}
      </p>
      <ScheduleProblemList problems={problems} series={series} />
    </div>
  );
}
