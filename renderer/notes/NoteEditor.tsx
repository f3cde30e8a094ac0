import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../shared/contract/note-schemas';
import { hasAnyText, NOTE_TEXT_MAX, TEMPLATE_SECTIONS, type NoteContent } from '../../shared/domain/notes';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf, isApiError } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { serverIssueCode, translateIssue } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { useNoteAutosave, type NoteAutosave } from './useNoteAutosave';

interface NoteEditorProps {
  note: Note;
  onSigned: (note: Note) => void;
  /** The note turned out to be signed already (another window): reload it read-only. */
  onFoundSigned: () => void;
  /** Something was typed and saved: the lists behind the dialog are out of date. */
  onEdited: () => void;
  onClose: () => void;
}

/** "Saved 10:42" / "Saving…" / "Not saved — retrying", said politely to screen readers. */
function SaveStatus({ autosave }: { autosave: NoteAutosave }) {
  const { t } = useTranslation();
  const { time } = useFormatters();
  const text =
    autosave.status === 'saving' ? t('notes.save.saving') : autosave.status === 'retrying' ? t('notes.save.retrying') : t('notes.save.saved', { time: time(autosave.savedAt) });
  return (
    <p className={`note-save-status note-save-status--${autosave.status}`} aria-live="polite" data-testid="note-save-status" data-status={autosave.status}>
      <span className="note-save-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

/**
 * A draft being written: one labelled box per section of the template, saved as it is
 * typed, and signed after a confirmation that says what signing means.
 */
export function NoteEditor({ note, onSigned, onFoundSigned, onEdited, onClose }: NoteEditorProps) {
  const { t } = useTranslation();
  const sections = TEMPLATE_SECTIONS[note.template];
  const [content, setContent] = useState<NoteContent>(() => Object.fromEntries(sections.map((s) => [s, note.content[s] ?? ''])));
  const autosave = useNoteAutosave(note.id, content, note.updatedAt, onFoundSigned);
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [signProblem, setSignProblem] = useState<string | null>(null);
  const firstBox = useRef<HTMLTextAreaElement>(null);
  const signButton = useRef<HTMLButtonElement>(null);

  const type = (section: string, text: string) => {
    const next = { ...content, [section]: text };
    setContent(next);
    autosave.changed(next);
    setSignProblem(null);
    onEdited();
  };

  const askToSign = () => {
    setFormError(null);
    if (!hasAnyText(content)) {
      setSignProblem(translateIssue(t, 'note_empty', t('notes.dialog.noteLabel')));
      firstBox.current?.focus();
      return;
    }
    void autosave.flush();
    setConfirming(true);
  };

  const sign = async () => {
    setSigning(true);
    setFormError(null);
    await autosave.pause();
    try {
      onSigned(await call('notes.sign', { id: note.id, content }));
    } catch (error) {
      const code = errorCodeOf(error);
      setSigning(false);
      setConfirming(false);
      if (code === 'NOTE_SIGNED') {
        onFoundSigned();
        return;
      }
      autosave.resume();
      const issue = isApiError(error) ? error.issues[0] : undefined;
      if (code === 'VALIDATION' && issue) setSignProblem(translateIssue(t, serverIssueCode(issue), t('notes.dialog.noteLabel')));
      else setFormError(code);
    }
  };

  return (
    <div className="note-editor" data-testid="note-editor">
      <p className="note-editor__lead">{t('notes.dialog.draftLead')}</p>
      <div className="note-sections">
        {sections.map((section, index) => {
          const id = `note-${note.id}-${section}`;
          return (
            <div key={section} className="field note-field">
              <label htmlFor={id} className="field__label note-field__label">
                {t(`notes.sections.${section}`)}
              </label>
              <p id={`${id}-hint`} className="field__hint note-field__hint">
                {t(`notes.hints.${section}`)}
              </p>
              <textarea
                id={id}
                ref={index === 0 ? firstBox : undefined}
                className="note-field__box"
                aria-describedby={`${id}-hint`}
                rows={note.template === 'free_text' ? 12 : 4}
                maxLength={NOTE_TEXT_MAX}
                value={content[section] ?? ''}
                autoFocus={index === 0}
                spellCheck
                readOnly={confirming}
                data-section={section}
                onChange={(event) => type(section, event.target.value)}
                onBlur={() => void autosave.flush()}
              />
            </div>
          );
        })}
      </div>
      <FormAlert code={formError} />
      {signProblem && (
        <div className="alert alert--error" role="alert" data-testid="note-sign-problem">
          {signProblem}
        </div>
      )}
      {confirming ? (
        <div className="note-confirm" role="group" aria-labelledby={`note-confirm-${note.id}`} data-testid="note-sign-confirm">
          <h3 id={`note-confirm-${note.id}`} className="note-confirm__title">
            {t('notes.sign.confirmTitle')}
          </h3>
          <p className="note-confirm__text">{t('notes.sign.confirmText')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--ghost"
              disabled={signing}
              onClick={() => {
                setConfirming(false);
                signButton.current?.focus();
              }}
            >
              {t('notes.sign.back')}
            </button>
            <button type="button" className="button button--primary" disabled={signing} aria-busy={signing} autoFocus onClick={() => void sign()}>
              {signing ? t('notes.sign.signing') : t('notes.sign.confirm')}
            </button>
          </div>
        </div>
      ) : (
        <div className="note-dialog__footer">
          <SaveStatus autosave={autosave} />
          <div className="note-dialog__footer-actions">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('notes.dialog.close')}
            </button>
            <button type="button" ref={signButton} className="button button--primary" onClick={askToSign}>
              {t('notes.sign.button')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
