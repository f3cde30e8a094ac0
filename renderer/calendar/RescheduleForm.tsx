import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { sessionRescheduleSchema, type ScheduleProblem, type SessionView } from '../../shared/contract/session-schemas';
import { applySessionError, SessionFormAlert, type FormProblem } from './session-errors';
import { zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { DURATION, optionalId, placingLocalStart } from './booking-form';
import { dateAndTime, minutesBetween } from './calendar-time';
import { ConfirmBookingStep, type Confirmation } from './ConfirmBookingStep';
import { rescheduleSession } from './reschedule';
import { ConflictAlert } from './ScheduleProblemList';
import { FormField } from '../forms/FormField';
import { useActiveRooms } from './useSchedulingData';

type RescheduleValues = { id: number; date: string; time: string; durationMinutes: number; roomId: number | null; reason: string };

/** The reschedule form: a date and a time for the contract's wall-clock start; every rule is the contract's. */
const rescheduleFormSchema = z
  .custom<RescheduleValues>(() => true)
  .transform(({ date, time, roomId, ...rest }): z.input<typeof sessionRescheduleSchema> => ({ ...rest, localStart: `${date}T${time}`, ...(roomId === null ? {} : { roomId }) }))
  .pipe(sessionRescheduleSchema);
type RescheduleRequest = z.output<typeof rescheduleFormSchema>;
const rescheduleResolver = placingLocalStart<RescheduleValues, RescheduleRequest>(zodResolver(rescheduleFormSchema, { error: zodErrorMap }));
const FIELDS = ['date', 'time', 'durationMinutes', 'roomId', 'reason'] as const;

interface RescheduleFormProps {
  session: SessionView;
  onCancel: () => void;
  onMoved: () => void;
}

/**
 * Moves a scheduled session to another time (and, in person, maybe another room): the
 * keyboard's way to do what dragging does in the calendar, through the same checks.
 */
export function RescheduleForm({ session, onCancel, onMoved }: RescheduleFormProps) {
  const { t } = useTranslation();
  const { zone } = useFormatters();
  const rooms = useActiveRooms();
  const [formError, setFormError] = useState<FormProblem>(null);
  const [conflict, setConflict] = useState<ScheduleProblem[] | null>(null);
  const [pending, setPending] = useState<{ request: RescheduleRequest; confirmation: Confirmation } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const start = dateAndTime(session.startMs, zone);
  const form = useForm<RescheduleValues, unknown, RescheduleRequest>({
    resolver: rescheduleResolver,
    defaultValues: {
      id: session.id,
      date: start.date,
      time: start.time,
      durationMinutes: minutesBetween(session.startMs, session.endMs),
      roomId: session.roomId,
      reason: '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const send = async (request: RescheduleRequest, overrideReason: string | null) => {
    setFormError(null);
    setConflict(null);
    try {
      const outcome = await rescheduleSession(overrideReason === null ? request : { ...request, overrideReason });
      if (outcome.kind === 'moved') onMoved();
      else if (outcome.kind === 'confirm') setPending({ request, confirmation: { overrides: outcome.confirmation.overrides, allowance: null } });
      else {
        setPending(null);
        setConflict(outcome.problems);
      }
    } catch (error) {
      setPending(null);
      setFormError(applySessionError(error, form.setError, FIELDS));
    }
  };
  const submit = form.handleSubmit(async (request) => send(request, null));

  if (pending) {
    return (
      <div className="session-action-form">
        <h3 className="session-action-form__title">{t('calendar.confirm.title')}</h3>
        <SessionFormAlert problem={formError} />
        <ConfirmBookingStep
          confirmation={pending.confirmation}
          series={false}
          move
          idPrefix="reschedule"
          busy={confirming}
          submitLabel={t('calendar.reschedule.submitAnyway')}
          onBack={() => setPending(null)}
          onConfirm={async (reasons) => {
            setConfirming(true);
            try {
              await send(pending.request, reasons.overrideReason);
            } finally {
              setConfirming(false);
            }
          }}
        />
      </div>
    );
  }

  return (
    <form className="session-action-form" onSubmit={(event) => void submit(event)} noValidate data-testid="reschedule-form">
      <h3 className="session-action-form__title">{t('calendar.reschedule.title')}</h3>
      <SessionFormAlert problem={formError} />
      {conflict && <ConflictAlert problems={conflict} series={false} lead={t('calendar.reschedule.notMoved')} focus />}
      <div className="booking-when">
        <FormField id="reschedule-date" label={t('calendar.fields.date')} error={errors.date}>
          {(a11y) => <input {...a11y} type="date" {...form.register('date')} />}
        </FormField>
        <FormField id="reschedule-time" label={t('calendar.fields.time')} error={errors.time}>
          {(a11y) => <input {...a11y} type="time" step={300} {...form.register('time')} />}
        </FormField>
        <FormField id="reschedule-duration" label={t('calendar.fields.duration')} error={errors.durationMinutes}>
          {(a11y) => <input {...a11y} className="input--short" type="number" inputMode="numeric" min={DURATION.min} max={DURATION.max} step={5} {...form.register('durationMinutes', { valueAsNumber: true })} />}
        </FormField>
      </div>
      {session.modality === 'in_person' && (
        <FormField id="reschedule-room" label={t('calendar.fields.room')} error={errors.roomId}>
          {(a11y) => (
            <select {...a11y} {...form.register('roomId', { setValueAs: optionalId })}>
              {session.roomId !== null && !(rooms.data ?? []).some((room) => room.id === session.roomId) && <option value={session.roomId}>{session.roomName}</option>}
              {(rooms.data ?? []).map((room) => (
                <option key={room.id} value={room.id}>
                  {t('calendar.book.roomOption', { name: room.name, count: room.capacity })}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField id="reschedule-reason" label={t('calendar.reschedule.reason')} error={errors.reason} hint={t('calendar.reschedule.reasonHint')}>
        {(a11y) => <textarea {...a11y} rows={2} maxLength={500} {...form.register('reason')} />}
      </FormField>
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('calendar.reschedule.submit')}
        </button>
      </div>
    </form>
  );
}
