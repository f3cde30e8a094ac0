import '../styles/notes.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, NoteAddendum } from '../../shared/contract/note-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Dialog } from '../components/Dialog';
import { Notice } from '../components/Notice';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { BreakGlassStep } from './BreakGlassStep';
import { NoteEditor } from './NoteEditor';
import { NoteReadView } from './NoteReadView';
import { BreakGlassList, NoteStatusBadge, NoteSubject } from './note-parts';
import { lastSaveOf } from './useNoteAutosave';

interface NoteDialogProps {
  noteId: number;
  onClose(): void;
  /** The note was typed in, signed or given an addendum: lists behind the dialog reload. */
  onChanged?(): void;
}

type Step = 'reason' | 'loading' | 'ready' | 'failed';

/** Who the note is about, what kind, which session, who wrote it, and where it stands. */
function NoteFacts({ note }: { note: Note }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  return (
    <dl className="note-facts" data-testid="note-facts">
      <div className="note-facts__item">
        <dt>{t('notes.facts.client')}</dt>
        <dd>
          <span className="monospace">{note.clientCode}</span>
          {note.clientName && <span className="note-facts__aside">{note.clientName}</span>}
        </dd>
      </div>
      <div className="note-facts__item">
        <dt>{t('notes.facts.session')}</dt>
        <dd data-testid="note-session">
          <NoteSubject note={note} long />
        </dd>
      </div>
      <div className="note-facts__item">
        <dt>{t('notes.facts.author')}</dt>
        <dd>
          {note.authorName}
          <span className="note-facts__aside">{t('notes.facts.started', { date: date(note.createdAt) })}</span>
        </dd>
      </div>
      <div className="note-facts__item">
        <dt>{t('notes.facts.status')}</dt>
        <dd data-testid="note-status">
          <NoteStatusBadge status={note.status} />
        </dd>
      </div>
    </dl>
  );
}

/**
 * One case note, in a large modal. Its counsellor writes the draft (saved as it is typed)
 * and signs it; a signed note is read-only, with its signature check and addenda. An admin
 * first gives a break-glass reason, which is logged and shown to the note's counsellor.
 */
export function NoteDialog({ noteId, onClose, onChanged }: NoteDialogProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const isAdmin = session.user.role === 'admin';
  const [step, setStep] = useState<Step>(isAdmin ? 'reason' : 'loading');
  const [note, setNote] = useState<Note | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<'signed' | 'addendum' | 'foundSigned' | 'brokeGlass' | null>(null);
  const changed = useRef(false);

  const load = useCallback(async () => {
    // A save of this note still on its way (the dialog was closed mid-save): read after it.
    await lastSaveOf(noteId);
    try {
      setNote(await call('notes.get', { id: noteId }));
      setStep('ready');
    } catch (error) {
      const code = errorCodeOf(error);
      // Never shown as an error: it means "say why first".
      if (code === 'BREAK_GLASS_REQUIRED') {
        setStep('reason');
        return;
      }
      setLoadError(code);
      setStep('failed');
    }
  }, [noteId]);

  useEffect(() => {
    if (!isAdmin) void load();
  }, [isAdmin, load]);

  const markChanged = useCallback(() => {
    changed.current = true;
  }, []);

  const close = () => {
    if (changed.current) onChanged?.();
    onClose();
  };

  const foundSigned = useCallback(() => {
    setNotice('foundSigned');
    changed.current = true;
    void load();
  }, [load]);

  const signed = (next: Note) => {
    setNote(next);
    setNotice('signed');
    changed.current = true;
    onChanged?.();
  };

  const addendumAdded = (addendum: NoteAddendum) => {
    setNote((current) => (current ? { ...current, addenda: [...current.addenda, addendum], addendumCount: current.addendumCount + 1 } : current));
    setNotice('addendum');
    changed.current = true;
    onChanged?.();
  };

  const title =
    step === 'reason'
      ? t('notes.breakGlass.title')
      : note
        ? t('notes.dialog.title', { template: t(`notes.templates.${note.template}`), code: note.clientCode })
        : t('notes.dialog.titleLoading');

  return (
    <Dialog title={title} onClose={close}>
      <div className="note-dialog" data-testid="note-dialog" data-note-id={noteId}>
        {step === 'reason' && (
          <BreakGlassStep
            noteId={noteId}
            onCancel={close}
            onOpened={(opened) => {
              setNote(opened);
              setNotice('brokeGlass');
              setStep('ready');
            }}
          />
        )}
        {step === 'loading' && <p className="muted note-dialog__loading">{t('common.loading')}</p>}
        {step === 'failed' && (
          <>
            <FormAlert code={loadError} />
            <div className="form-actions">
              <button type="button" className="button button--secondary" onClick={close}>
                {t('notes.dialog.close')}
              </button>
            </div>
          </>
        )}
        {step === 'ready' && note && (
          <>
            <NoteFacts note={note} />
            {note.readForContinuity && (
              <Notice tone="info" testId="note-continuity">
                {t('notes.continuity.notice', { name: note.authorName })}
              </Notice>
            )}
            {notice && (
              <Notice tone={notice === 'foundSigned' ? 'warning' : notice === 'brokeGlass' ? 'info' : 'success'} testId="note-notice">
                {notice === 'foundSigned' ? t('errors.NOTE_SIGNED') : t(`notes.notice.${notice}`)}
              </Notice>
            )}
            {note.breakGlass.length > 0 && (
              <div className="alert alert--warning note-break-glass" role="status" data-testid="note-break-glass">
                <p className="note-break-glass__title">{t('notes.breakGlass.noticeTitle', { count: note.breakGlass.length })}</p>
                <BreakGlassList openings={note.breakGlass} />
              </div>
            )}
            {note.mayEdit && note.status === 'draft' ? (
              <NoteEditor key={note.id} note={note} onSigned={signed} onFoundSigned={foundSigned} onEdited={markChanged} onClose={close} />
            ) : (
              <NoteReadView note={note} onAddendum={addendumAdded} onClose={close} />
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
