import { useTranslation } from 'react-i18next';
import type { BreakGlassOpening, NoteSummary } from '../../shared/contract/note-schemas';
import { longDayText, shortDateTimeText, timeText } from '../calendar/calendar-time';
import { useFormatters } from '../session/useFormatters';

/** Draft or Signed: the word in a tinted pill (the colour only repeats the word). */
export function NoteStatusBadge({ status }: { status: NoteSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${status === 'signed' ? 'badge--success' : 'badge--warning'}`} data-note-status={status}>
      {t(`notes.status.${status}`)}
    </span>
  );
}

/** "Tue 9 Dec 10:00" for a session note, "On the case" for a note about the case as a whole. */
export function NoteSubject({ note, long = false }: { note: Pick<NoteSummary, 'sessionStartMs'>; long?: boolean }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  if (note.sessionStartMs === null) return <span className="muted">{t('notes.subject.case')}</span>;
  const ms = note.sessionStartMs;
  return <>{long ? `${longDayText(ms, zone, language)}, ${timeText(ms, zone, language)}` : shortDateTimeText(ms, zone, language)}</>;
}

/** Who opened a note by break-glass, when and why: told to the note's counsellor. */
export function BreakGlassList({ openings, showClient = false }: { openings: BreakGlassOpening[]; showClient?: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <ul className="break-glass-list">
      {openings.map((opening, index) => (
        <li key={`${opening.noteId}-${opening.openedAt}-${index}`} className="break-glass-list__item" data-testid="break-glass-opening">
          <span className="break-glass-list__who">
            {showClient
              ? t('notes.breakGlass.openedClient', { name: opening.userName, code: opening.clientCode, when: dateTime(opening.openedAt) })
              : t('notes.breakGlass.opened', { name: opening.userName, when: dateTime(opening.openedAt) })}
          </span>
          <span className="break-glass-list__reason">
            {opening.category && <span className="badge badge--warning break-glass-list__category">{t(`notes.breakGlass.categories.${opening.category}`)}</span>}
            {t('notes.breakGlass.reasonLabel')} <q>{opening.reason}</q>
          </span>
        </li>
      ))}
    </ul>
  );
}
