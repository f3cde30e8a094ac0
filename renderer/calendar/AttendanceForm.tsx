import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { sessionAttendanceSchema, type SessionView } from '../../shared/contract/session-schemas';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { call, errorCodeOf } from '../api/client';
import { applySessionError, SessionFormAlert, type FormProblem } from './session-errors';
import { zodErrorMap } from '../forms/issue-messages';
import { clientName } from '../referrals/shared/client-text';
import { optionalNumber } from './booking-form';
import { FormField } from '../forms/FormField';

const attendance = sessionAttendanceSchema.shape;
const MODES = ['headCount', 'named'] as const;

/** Head count or named clients, as the person chose; piped into the contract's schema. */
const attendanceFormSchema = z
  .object({
    id: attendance.id,
    mode: z.enum(MODES),
    headCount: z.number().nullable(),
    clientIds: z.array(z.string()),
  })
  .superRefine((values, ctx) => {
    if (values.mode === 'headCount' && values.headCount === null) ctx.addIssue({ code: 'custom', path: ['headCount'], message: 'required' });
  })
  .transform(({ mode, headCount, clientIds, id }): z.input<typeof sessionAttendanceSchema> =>
    mode === 'headCount' ? { id, headCount, clientIds: [] } : { id, headCount: null, clientIds: clientIds.map(Number) },
  )
  .pipe(sessionAttendanceSchema);
type AttendanceValues = z.input<typeof attendanceFormSchema>;
type AttendanceRequest = z.output<typeof attendanceFormSchema>;

interface AttendanceFormProps {
  session: SessionView;
  attendees: ClientSummary[];
  /** Named attendees outside the caller's caseload: not shown, and kept as they are when the caller saves. */
  otherAttendees: number;
  onCancel: () => void;
  onSaved: (session: SessionView) => void;
}

/**
 * A group session's attendance: an anonymous head count (the usual for an agency
 * workshop), or the named clients of that agency who came. A counsellor finds and names
 * only their own clients; the others an admin named stay as they are (the service keeps them).
 */
export function AttendanceForm({ session, attendees, otherAttendees, onCancel, onSaved }: AttendanceFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<FormProblem>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ClientSummary[] | null>(null);
  const [known, setKnown] = useState<Map<number, ClientSummary>>(() => new Map(attendees.map((client) => [client.id, client])));
  const form = useForm<AttendanceValues, unknown, AttendanceRequest>({
    resolver: zodResolver(attendanceFormSchema, { error: zodErrorMap }),
    defaultValues: {
      id: session.id,
      mode: attendees.length > 0 || otherAttendees > 0 ? 'named' : 'headCount',
      headCount: session.headCount,
      clientIds: attendees.map((client) => String(client.id)),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [mode, chosen] = useWatch({ control: form.control, name: ['mode', 'clientIds'] });

  // The agency's clients matching what is typed (a counsellor finds only their own).
  useEffect(() => {
    if (mode !== 'named') return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      call('clients.search', { agencyId: session.agencyId, query: query.trim(), limit: 50 })
        .then(({ clients }) => {
          if (cancelled) return;
          setFound(clients);
          setKnown((current) => new Map([...current, ...clients.map((client) => [client.id, client] as const)]));
        })
        .catch((error: unknown) => {
          if (!cancelled) setFormError({ code: errorCodeOf(error), rule: null });
        });
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [mode, query, session.agencyId]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await call('sessions.setAttendance', values));
    } catch (error) {
      setFormError(applySessionError(error, form.setError, ['headCount', 'clientIds']));
    }
  });

  // Chosen clients stay listed even when the search no longer finds them.
  const listed = [...new Map([...(chosen ?? []).map((id) => known.get(Number(id))).filter((c): c is ClientSummary => !!c), ...(found ?? [])].map((c) => [c.id, c])).values()];

  return (
    <form className="session-action-form" onSubmit={(event) => void submit(event)} noValidate data-testid="attendance-form">
      <h3 className="session-action-form__title">{t('calendar.attendance.title')}</h3>
      <p className="dialog__text">{t('calendar.attendance.lead')}</p>
      <SessionFormAlert problem={formError} />
      <fieldset className="fieldset cal-choice-group">
        <legend className="field__label">{t('calendar.attendance.how')}</legend>
        <div className="cal-choice-row">
          {MODES.map((value) => (
            <label key={value} className="cal-choice">
              <input type="radio" value={value} {...form.register('mode')} />
              <span>{t(`calendar.attendance.mode.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'headCount' ? (
        <FormField id="attendance-head-count" label={t('calendar.attendance.headCount')} error={errors.headCount} hint={t('calendar.attendance.headCountHint')}>
          {(a11y) => <input {...a11y} className="input--short" type="number" inputMode="numeric" min={0} max={10_000} step={1} {...form.register('headCount', { setValueAs: optionalNumber })} />}
        </FormField>
      ) : (
        <div className="attendance-named">
          <div className="field">
            <label htmlFor="attendance-search" className="field__label">
              {t('calendar.attendance.search', { agency: session.agencyName })}
            </label>
            <input id="attendance-search" type="text" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
          </div>
          {found === null ? (
            <p className="muted">{t('common.loading')}</p>
          ) : listed.length === 0 ? (
            <p className="empty-state">{t('calendar.attendance.noClients')}</p>
          ) : (
            <fieldset className="fieldset attendance-list" aria-label={t('calendar.attendance.clients')}>
              {listed.map((client) => (
                <label key={client.id} className="cal-choice attendance-list__item">
                  <input type="checkbox" value={String(client.id)} {...form.register('clientIds')} />
                  <span>
                    <span className="monospace">{client.code}</span> {clientName(client)}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <p className="field__hint">{t('calendar.attendance.chosen', { count: chosen?.length ?? 0 })}</p>
          {otherAttendees > 0 && (
            <p className="field__hint" data-testid="attendance-others-kept">
              {t('calendar.attendance.othersKept', { count: otherAttendees })}
            </p>
          )}
          {errors.clientIds && <p className="field__error">{t('calendar.attendance.clientsInvalid')}</p>}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('calendar.attendance.submit')}
        </button>
      </div>
    </form>
  );
}
