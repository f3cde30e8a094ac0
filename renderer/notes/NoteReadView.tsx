import { useTranslation } from 'react-i18next';
import type { Note, NoteAddendum } from '../../shared/contract/note-schemas';
import { TEMPLATE_SECTIONS } from '../../shared/domain/notes';
import { useFormatters } from '../session/useFormatters';
import { AddendumForm } from './AddendumForm';

/** Whether the signed text still matches its SHA-256: said in words, with the start of the hash. */
function Signature({ note }: { note: Note }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const verified = note.hashVerified === true;
  return (
    <div className={`verify-banner ${verified ? 'verify-banner--success' : 'verify-banner--error'} note-signature`} data-testid="note-signature">
      <span className="verify-banner__symbol" aria-hidden="true">
        {verified ? '✓' : '!'}
      </span>
      <div className="verify-banner__text">
        <p className="note-signature__who">{t('notes.signature.signedBy', { name: note.signedByName ?? note.authorName, when: note.signedAt ? dateTime(note.signedAt) : '' })}</p>
        <p className="note-signature__check" data-testid="note-signature-check">
          {verified ? t('notes.signature.verified') : t('notes.signature.notVerified')}
        </p>
      </div>
      {note.contentSha256 && (
        <span className="note-signature__hash monospace" title={note.contentSha256}>
          SHA-256 {note.contentSha256.slice(0, 12)}…
        </span>
      )}
    </div>
  );
}

function Addendum({ addendum }: { addendum: NoteAddendum }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <li className="note-addendum" data-testid="note-addendum">
      <p className="note-addendum__text">{addendum.text}</p>
      <p className="note-addendum__meta">
        <span>{t('notes.addenda.by', { name: addendum.signedByName, when: dateTime(addendum.signedAt) })}</span>
        {addendum.hashVerified ? (
          <span className="badge badge--success" data-testid="addendum-verified">
            ✓ {t('notes.addenda.verified')}
          </span>
        ) : (
          <span className="badge badge--danger" data-testid="addendum-verified">
            ! {t('notes.addenda.notVerified')}
          </span>
        )}
      </p>
    </li>
  );
}

interface NoteReadViewProps {
  note: Note;
  onAddendum: (addendum: NoteAddendum) => void;
  onClose: () => void;
}

/** A note as it stands: its sections read-only, the signature and its check, and the addenda under it. */
export function NoteReadView({ note, onAddendum, onClose }: NoteReadViewProps) {
  const { t } = useTranslation();
  const sections = TEMPLATE_SECTIONS[note.template];
  const signed = note.status === 'signed';
  return (
    <div className="note-read" data-testid="note-read">
      {signed ? <Signature note={note} /> : <p className="note-read__draft muted">{t('notes.dialog.draftOfAnother')}</p>}
      <div className="note-sections note-sections--read">
        {sections.map((section) => {
          const text = note.content[section] ?? '';
          return (
            <section key={section} className="note-section" aria-labelledby={`note-${note.id}-${section}-label`} data-testid={`note-section-${section}`}>
              <h3 id={`note-${note.id}-${section}-label`} className="note-section__label">
                {t(`notes.sections.${section}`)}
              </h3>
              {text.trim() === '' ? <p className="note-section__text muted">{t('notes.dialog.emptySection')}</p> : <p className="note-section__text">{text}</p>}
            </section>
          );
        })}
      </div>
      {signed && (
        <section className="note-addenda" aria-labelledby={`note-${note.id}-addenda`} data-testid="note-addenda">
          <h3 id={`note-${note.id}-addenda`} className="note-addenda__title">
            {t('notes.addenda.title')}
            {note.addenda.length > 0 && <span className="note-addenda__count">{note.addenda.length}</span>}
          </h3>
          {note.addenda.length === 0 ? (
            <p className="note-addenda__empty muted">{t('notes.addenda.empty')}</p>
          ) : (
            <ol className="note-addenda__list">
              {note.addenda.map((addendum) => (
                <Addendum key={addendum.id} addendum={addendum} />
              ))}
            </ol>
          )}
          {note.mayAddAddendum && <AddendumForm noteId={note.id} onAdded={onAddendum} />}
        </section>
      )}
      <div className="note-dialog__footer">
        {signed && note.mayAddAddendum && <p className="note-read__hint muted">{t('notes.dialog.signedHint')}</p>}
        <div className="note-dialog__footer-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('notes.dialog.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
