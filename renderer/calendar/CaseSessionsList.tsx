import '../styles/calendar.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { SessionView } from '../../shared/contract/session-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { useFormatters } from '../session/useFormatters';
import { shortDateTimeText, spanText } from './calendar-time';
import { ModalityIcon, SessionStatusBadge } from './SessionBadges';
import { SessionDialog } from './SessionDialog';

/** The service lists at most 62 days at a time: four weeks back and the weeks ahead. */
const WEEKS_BACK = 4;
const DAYS_SPAN = 62;

interface CaseSessionsListProps {
  caseIds: number[];
  /** Changes when something was booked elsewhere on the page, so the list reloads. */
  reloadKey: number;
}

/** A client's sessions around today, across their cases: when, what, where, how it went; each opens. */
export function CaseSessionsList({ caseIds, reloadKey }: CaseSessionsListProps) {
  const { t } = useTranslation();
  const { zone, language, calendarDate } = useFormatters();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [changed, setChanged] = useState(0);
  const span = useMemo(() => {
    const from = DateTime.now().setZone(zone).startOf('day').minus({ weeks: WEEKS_BACK });
    const to = from.plus({ days: DAYS_SPAN });
    return { fromMs: from.toMillis(), toMs: to.toMillis(), fromDate: from.toISODate() ?? '', toDate: to.minus({ days: 1 }).toISODate() ?? '' };
  }, [zone]);
  const key = caseIds.join(',');

  useEffect(() => {
    let cancelled = false;
    const ids = key === '' ? [] : key.split(',').map(Number);
    Promise.all(ids.map((caseId) => call('sessions.list', { caseId, fromMs: span.fromMs, toMs: span.toMs })))
      .then((lists) => {
        if (cancelled) return;
        setSessions(lists.flatMap((list) => list.sessions).sort((a, b) => a.startMs - b.startMs));
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorCodeOf(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [key, span, reloadKey, changed]);

  return (
    <>
      <p className="card-text">{t('calendar.caseSessions.lead', { from: calendarDate(span.fromDate), to: calendarDate(span.toDate) })}</p>
      <FormAlert code={error} />
      {sessions === null && !error ? (
        <p className="muted">{t('common.loading')}</p>
      ) : sessions && sessions.length === 0 ? (
        <p className="empty-state">{t('calendar.caseSessions.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="client-sessions">
            <thead>
              <tr>
                <th scope="col">{t('calendar.caseSessions.when')}</th>
                <th scope="col">{t('calendar.fields.sessionType')}</th>
                <th scope="col">{t('calendar.caseSessions.where')}</th>
                <th scope="col">{t('calendar.fields.counsellor')}</th>
                <th scope="col">{t('calendar.details.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('calendar.caseSessions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(sessions ?? []).map((session) => (
                <tr key={session.id} data-session-id={session.id}>
                  <td className="nowrap">
                    <div className="cell-primary">{shortDateTimeText(session.startMs, zone, language)}</div>
                    <div className="cell-secondary">{spanText(session.startMs, session.endMs, zone, language)}</div>
                  </td>
                  <td>{t(`calendar.vocab.sessionType.${session.sessionType}`)}</td>
                  <td>
                    <span className="session-modality">
                      <ModalityIcon modality={session.modality} />
                      {session.roomName ?? t(`calendar.vocab.modality.${session.modality}`)}
                    </span>
                  </td>
                  <td>{session.counsellorName}</td>
                  <td>
                    <SessionStatusBadge status={session.status} />
                  </td>
                  <td className="table__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setOpen(session.id)}>
                      {t('calendar.caseSessions.open')}
                      <span className="visually-hidden"> {shortDateTimeText(session.startMs, zone, language)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open !== null && <SessionDialog sessionId={open} onClose={() => setOpen(null)} onChanged={() => setChanged((n) => n + 1)} />}
    </>
  );
}
