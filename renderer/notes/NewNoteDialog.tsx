import '../styles/notes.css';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { noteCreateSchema, type Note } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { SessionView } from '../../shared/contract/session-schemas';
import { NOTE_TEMPLATES } from '../../shared/domain/notes';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { shortDateTimeText } from '../calendar/calendar-time';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';

/** The service lists at most 62 days at a time: the sessions a note is still written for. */
const SESSION_WINDOW_DAYS = 62;

/** What a note is about: one of the case's sessions, or the case as a whole (a phone contact, a supervisor consultation). */
const newNoteSchema = z
  .object({
    caseId: z.string().min(1),
    template: noteCreateSchema.shape.template,
    about: z.enum(['session', 'case']),
    sessionId: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.about === 'session' && values.sessionId === '') ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'required' });
  });
type NewNoteValues = z.input<typeof newNoteSchema>;
type NewNoteOutput = z.output<typeof newNoteSchema>;
const FIELDS = ['caseId', 'template', 'sessionId'] as const;

interface NewNoteDialogProps {
  /** The caller's open cases of this client (they are the counsellor of each). */
  cases: Case[];
  onClose: () => void;
  onCreated: (note: Note) => void;
}

/** Starts a note: which case, which template, and a session of the case or the case as a whole. */
export function NewNoteDialog({ cases, onClose, onCreated }: NewNoteDialogProps) {
  const { t } = useTranslation();
  const { zone, language, calendarDate } = useFormatters();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const form = useForm<NewNoteValues, unknown, NewNoteOutput>({
    resolver: zodResolver(newNoteSchema, { error: zodErrorMap }),
    defaultValues: { caseId: cases.length === 1 ? String(cases[0]!.id) : '', template: 'soap', about: 'session', sessionId: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const caseId = form.watch('caseId');
  const about = form.watch('about');

  const span = useMemo(() => {
    const to = DateTime.now().setZone(zone).startOf('day').plus({ days: 1 });
    return { fromMs: to.minus({ days: SESSION_WINDOW_DAYS }).toMillis(), toMs: to.toMillis() };
  }, [zone]);

  // The chosen case's sessions of the last weeks, newest first; cancelled ones are not written up.
  useEffect(() => {
    if (caseId === '') {
      setSessions(null);
      return;
    }
    let cancelled = false;
    setSessions(null);
    call('sessions.list', { caseId: Number(caseId), fromMs: span.fromMs, toMs: span.toMs, includeCancelled: false })
      .then((result) => {
        if (cancelled) return;
        const listed = [...result.sessions].sort((a, b) => b.startMs - a.startMs);
        setSessions(listed);
        form.setValue('sessionId', listed[0] ? String(listed[0].id) : '');
        if (listed.length === 0) form.setValue('about', 'case');
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setSessions([]);
          setFormError(errorCodeOf(error));
        }
      });
    return () => {
      cancelled = true;
    };
  }, [caseId, span, form]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const note = await call('notes.create', {
        caseId: Number(values.caseId),
        sessionId: values.about === 'session' ? Number(values.sessionId) : null,
        template: values.template,
      });
      onCreated(note);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS));
    }
  });

  const noSessions = sessions !== null && sessions.length === 0;
  const sessionLabel = (session: SessionView) =>
    [
      shortDateTimeText(session.startMs, zone, language),
      t(`calendar.vocab.sessionType.${session.sessionType}`),
      t(`calendar.vocab.status.${session.status}`),
      session.noteStatus ? t(`notes.newNote.hasNote.${session.noteStatus}`) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Dialog title={t('notes.newNote.title')} onClose={onClose}>
      <form className="new-note" data-testid="new-note-dialog" onSubmit={(event) => void submit(event)} noValidate>
        <p className="dialog__text">{t('notes.newNote.lead')}</p>
        <FormAlert code={formError} />
        {cases.length > 1 ? (
          <FormField id="new-note-case" label={t('notes.newNote.case')} error={errors.caseId}>
            {(a11y) => (
              <select {...a11y} {...form.register('caseId')}>
                <option value="">{t('notes.newNote.chooseCase')}</option>
                {cases.map((clientCase) => (
                  <option key={clientCase.id} value={clientCase.id}>
                    {t('notes.newNote.caseOption', {
                      date: calendarDate(clientCase.openedDate),
                      issues: clientCase.presentingIssues.map((issue) => t(`vocab.presentingIssue.${issue}`)).join(', '),
                    })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <dl className="details new-note__case">
            <div>
              <dt>{t('notes.newNote.case')}</dt>
              <dd>
                {t('notes.newNote.caseOption', {
                  date: calendarDate(cases[0]!.openedDate),
                  issues: cases[0]!.presentingIssues.map((issue) => t(`vocab.presentingIssue.${issue}`)).join(', '),
                })}
              </dd>
            </div>
          </dl>
        )}
        <FormField id="new-note-template" label={t('notes.newNote.template')} error={errors.template} hint={t('notes.newNote.templateHint')}>
          {(a11y) => (
            <select {...a11y} {...form.register('template')}>
              {NOTE_TEMPLATES.map((template) => (
                <option key={template} value={template}>
                  {t(`notes.templates.${template}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="new-note__about">
          <legend className="field__label">{t('notes.newNote.about')}</legend>
          <label className="new-note__choice">
            <input type="radio" value="session" disabled={noSessions} {...form.register('about')} />
            <span>{t('notes.newNote.aboutSession')}</span>
          </label>
          {about === 'session' && (
            <FormField id="new-note-session" label={t('notes.newNote.session')} error={errors.sessionId} className="new-note__session">
              {(a11y) => (
                <select {...a11y} disabled={sessions === null} {...form.register('sessionId')}>
                  {sessions === null && <option value="">{t('common.loading')}</option>}
                  {(sessions ?? []).map((session) => (
                    <option key={session.id} value={session.id}>
                      {sessionLabel(session)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {noSessions && <p className="field__hint new-note__none">{t('notes.newNote.noSessions', { days: SESSION_WINDOW_DAYS })}</p>}
          <label className="new-note__choice">
            <input type="radio" value="case" {...form.register('about')} />
            <span>
              {t('notes.newNote.aboutCase')}
              <span className="new-note__choice-hint">{t('notes.newNote.aboutCaseHint')}</span>
            </span>
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('notes.newNote.creating') : t('notes.newNote.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
