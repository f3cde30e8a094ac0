import '../styles/notes.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { NewNoteDialog } from './NewNoteDialog';
import { NoteDialog } from './NoteDialog';
import { NoteStatusBadge, NoteSubject } from './note-parts';

/**
 * A client's case notes on their record: newest first, never their content in the list.
 * A counsellor opens their caseload's notes and starts new ones in their own open cases;
 * an admin sees the list and opens a note only through break-glass.
 */
export function ClientNotesSection({ clientId, cases }: { clientId: number; cases: Case[] }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { date } = useFormatters();
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const isAdmin = session.user.role === 'admin';
  // Only the counsellor of an open case writes in it.
  const ownOpenCases = session.user.role === 'counsellor' ? cases.filter((c) => c.counsellorId === session.user.id && c.closedDate === null) : [];
  // A counsellor lists another counsellor's case only through continuity of care: say so on the row.
  const counsellorOf = new Map(cases.map((c) => [c.id, c.counsellorId]));
  const fromEarlierCase = (note: NoteSummary) => !isAdmin && counsellorOf.get(note.caseId) !== session.user.id;

  const load = useCallback(async () => {
    try {
      setNotes((await call('notes.list', { clientId })).notes);
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card client-notes" aria-labelledby="client-notes-title" data-testid="client-notes">
      <div className="card-heading-row">
        <h2 id="client-notes-title" className="card-heading">
          {t('notes.list.title')}
        </h2>
        {ownOpenCases.length > 0 && (
          <button type="button" className="button button--secondary button--small" onClick={() => setStarting(true)}>
            {t('notes.list.new')}
          </button>
        )}
      </div>
      <p className="card-text">{isAdmin ? t('notes.list.leadAdmin') : t('notes.list.lead')}</p>
      <FormAlert code={error} />
      {notes === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : notes.length === 0 ? (
        <p className="empty-state" data-testid="client-notes-empty">
          {t('notes.list.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="client-notes-table">
            <thead>
              <tr>
                <th scope="col">{t('notes.list.written')}</th>
                <th scope="col">{t('notes.list.template')}</th>
                <th scope="col">{t('notes.list.session')}</th>
                <th scope="col">{t('notes.list.author')}</th>
                <th scope="col">{t('notes.list.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('notes.list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {notes.map((note) => (
                <tr key={note.id} data-note-id={note.id} className="client-notes__row" onClick={() => setOpen(note.id)}>
                  <td className="nowrap">
                    <div className="cell-primary">{date(note.createdAt)}</div>
                    {note.signedAt && <div className="cell-secondary">{t('notes.list.signedOn', { date: date(note.signedAt) })}</div>}
                  </td>
                  <td>{t(`notes.templates.${note.template}`)}</td>
                  <td className="nowrap">
                    <NoteSubject note={note} />
                  </td>
                  <td>
                    <div className="cell-primary">{note.authorName}</div>
                    {fromEarlierCase(note) && (
                      <div className="cell-secondary" data-testid="note-earlier-case">
                        {t('notes.list.earlierCase')}
                      </div>
                    )}
                  </td>
                  <td className="nowrap">
                    <NoteStatusBadge status={note.status} />
                    {note.addendumCount > 0 && (
                      <span className="note-addendum-count" data-testid="note-addendum-count">
                        {t('notes.list.addenda', { count: note.addendumCount })}
                      </span>
                    )}
                  </td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={(event) => {
                        event.stopPropagation();
                        setOpen(note.id);
                      }}
                    >
                      {isAdmin ? t('notes.list.openAdmin') : note.status === 'draft' ? t('notes.list.continue') : t('notes.list.open')}
                      <span className="visually-hidden">
                        {' '}
                        {t(`notes.templates.${note.template}`)} {date(note.createdAt)}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {starting && (
        <NewNoteDialog
          cases={ownOpenCases}
          onClose={() => setStarting(false)}
          onCreated={(note) => {
            setStarting(false);
            setOpen(note.id);
            void load();
          }}
        />
      )}
      {open !== null && <NoteDialog noteId={open} onClose={() => setOpen(null)} onChanged={() => void load()} />}
    </section>
  );
}
