import '../styles/calendar.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import { canMoveSession, SESSION_STATUSES, type SessionStatus } from '../../shared/domain/sessions';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Dialog } from '../components/Dialog';
import { Notice } from '../components/Notice';
import { FormAlert } from '../forms/FormAlert';
import { NoteDialog } from '../notes/NoteDialog';
import { useSession } from '../session/SessionContext';
import { SessionMeasuresDue } from '../client-mode/SessionMeasuresDue';
import { AttendanceForm } from './AttendanceForm';
import { RescheduleForm } from './RescheduleForm';
import { SessionDetails } from './SessionDetails';
import { SessionHistory } from './SessionHistory';
import { SessionStatusForm } from './SessionStatusForm';

type Loaded = ChannelOutput<'sessions.get'>;
const OUTCOMES_AFTER_START: readonly SessionStatus[] = ['attended', 'did_not_attend'];
type Action = { kind: 'status'; status: SessionStatus } | { kind: 'reschedule' } | { kind: 'attendance' };
type Done = 'status' | 'rescheduled' | 'attendance';

interface SessionDialogProps {
  sessionId: number;
  onClose: () => void;
  /** Something was saved: the calendar reloads. */
  onChanged: () => void;
}

/**
 * One session: its details and history (who changed what, when and why), and what can be
 * done next: record the outcome, cancel with a reason, reschedule, or record a group's
 * attendance. Opened by clicking (or Enter on) a session in the calendar.
 */
export function SessionDialog({ sessionId, onClose, onChanged }: SessionDialogProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const { session: signedIn } = useSession();
  const [noteId, setNoteId] = useState<number | null>(null);
  const [startingNote, setStartingNote] = useState(false);
  const [noteError, setNoteError] = useState<ErrorCode | null>(null);

  const load = useCallback(async () => {
    try {
      setLoaded(await call('sessions.get', { id: sessionId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [sessionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const finished = (what: Done) => {
    setAction(null);
    setDone(what);
    onChanged();
    void load();
  };

  const session = loaded?.session ?? null;
  const title = session
    ? session.clientCode
      ? t('calendar.session.title', { code: session.clientCode })
      : t('calendar.session.titleGroup', { type: t(`calendar.vocab.sessionType.${session.sessionType}`) })
    : t('calendar.session.loading');
  // Whether the client came is known only once the session has begun.
  const begun = session !== null && session.startMs <= Date.now();
  // The case's counsellor writes its session notes (the client's name is told to the case's counsellor only).
  const writesNote = session !== null && session.caseId !== null && signedIn.user.role === 'counsellor' && session.counsellorId === signedIn.user.id && session.clientName !== null;

  /** Opens the session's note, starting it (SOAP) when there is none yet. */
  const openNote = async () => {
    if (!session || session.caseId === null) return;
    if (session.noteId !== null) {
      setNoteId(session.noteId);
      return;
    }
    setStartingNote(true);
    setNoteError(null);
    try {
      const note = await call('notes.create', { caseId: session.caseId, sessionId: session.id, template: session.sessionType === 'intake_assessment' ? 'intake_assessment' : 'soap' });
      setNoteId(note.id);
      onChanged();
      void load();
    } catch (error) {
      setNoteError(errorCodeOf(error));
    } finally {
      setStartingNote(false);
    }
  };

  const nextStatuses = session ? SESSION_STATUSES.filter((status) => canMoveSession(session.status, status) && (begun || !OUTCOMES_AFTER_START.includes(status))) : [];

  return (
    <>
      <Dialog title={title} onClose={onClose}>
        <div className="session-dialog" data-testid="session-dialog">
          <FormAlert code={loadError} />
          {!loaded && !loadError && <p className="muted">{t('common.loading')}</p>}
          {done && !action && (
            <Notice tone="success" testId="session-notice">
              {t(`calendar.session.done.${done}`)}
            </Notice>
          )}
          {session && loaded && (
            <>
              <SessionDetails session={session} attendees={loaded.attendees} otherAttendees={loaded.otherAttendees} />
              {writesNote && (
                <div className="session-note" data-testid="session-note">
                  <div className="session-note__text">
                    <p className="session-note__title">{t('notes.session.title')}</p>
                    <p className="session-note__state">
                      {session.noteStatus === 'signed' ? t('notes.session.signed') : session.noteStatus === 'draft' ? t('notes.session.draft') : t('notes.session.none')}
                    </p>
                  </div>
                  <button
                    type="button"
                    className={session.noteStatus === 'signed' ? 'button button--secondary button--small' : 'button button--primary button--small'}
                    disabled={startingNote}
                    aria-busy={startingNote}
                    onClick={() => void openNote()}
                  >
                    {session.noteStatus === 'signed' ? t('notes.session.open') : session.noteStatus === 'draft' ? t('notes.session.continue') : t('notes.session.write')}
                  </button>
                </div>
              )}
              <FormAlert code={noteError} />
              <SessionMeasuresDue session={session} />
              {action?.kind === 'status' && (
                <SessionStatusForm session={session} status={action.status} onCancel={() => setAction(null)} onSaved={() => finished('status')} />
              )}
              {action?.kind === 'reschedule' && <RescheduleForm session={session} onCancel={() => setAction(null)} onMoved={() => finished('rescheduled')} />}
              {action?.kind === 'attendance' && (
                <AttendanceForm session={session} attendees={loaded.attendees} otherAttendees={loaded.otherAttendees} onCancel={() => setAction(null)} onSaved={() => finished('attendance')} />
              )}
              {!action && (
                <div className="session-actions" role="group" aria-label={t('calendar.session.actions')}>
                  {session.status === 'scheduled' && (
                    <button type="button" className="button button--secondary button--small" onClick={() => setAction({ kind: 'reschedule' })}>
                      {t('calendar.session.reschedule')}
                    </button>
                  )}
                  {session.sessionType === 'group_workshop' && (session.status === 'scheduled' || session.status === 'attended') && (
                    <button type="button" className="button button--secondary button--small" onClick={() => setAction({ kind: 'attendance' })}>
                      {t('calendar.session.recordAttendance')}
                    </button>
                  )}
                  {nextStatuses.map((status) => (
                    <button
                      key={status}
                      type="button"
                      className={status === 'attended' ? 'button button--primary button--small' : 'button button--ghost button--small'}
                      onClick={() => setAction({ kind: 'status', status })}
                    >
                      {t(`calendar.session.mark.${status}`)}
                    </button>
                  ))}
                  {!begun && session.status === 'scheduled' && <p className="field__hint session-actions__note">{t('calendar.session.notYet')}</p>}
                </div>
              )}
              <h3 className="session-dialog__heading">{t('calendar.history.title')}</h3>
              <SessionHistory history={loaded.history} />
            </>
          )}
          <div className="form-actions session-dialog__close">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('calendar.session.close')}
            </button>
          </div>
        </div>
      </Dialog>
      {/* Beside the session's dialog, not in it: Escape closes only the note. */}
      {noteId !== null && (
        <NoteDialog
          noteId={noteId}
          onClose={() => setNoteId(null)}
          onChanged={() => {
            onChanged();
            void load();
          }}
        />
      )}
    </>
  );
}
