import '../styles/calendar.css';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ScheduleProblem, SessionView } from '../../shared/contract/session-schemas';
import { ALLOWANCE_TYPES, CASELESS_TYPES, MODALITIES, SESSION_TYPES, WORKSHOP_TOPICS, type SessionType } from '../../shared/domain/sessions';
import { call, isApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { todayIn } from '../format/dates';
import { applySessionError, SessionFormAlert, type FormProblem } from './session-errors';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { AllowanceLine } from './AllowanceLine';
import {
  BOOKING_FIELDS,
  bookingResolver,
  CAPACITY,
  DEFAULT_DURATION_MINUTES,
  DURATION,
  optionalChoice,
  optionalId,
  optionalNumber,
  REPEAT_CHOICES,
  REPEAT_COUNT,
  type BookingFormValues,
  type BookingRequest,
} from './booking-form';
import { ConfirmBookingStep, type Confirmation, type ConfirmReasons } from './ConfirmBookingStep';
import { ConflictAlert } from './ScheduleProblemList';
import { FormField } from '../forms/FormField';
import { useActiveAgencies, useActiveRooms, useCounsellors, useOpenCases } from './useSchedulingData';

/** What the place the dialog was opened from already knows. */
export interface BookingPreset {
  caseId?: number;
  sessionType?: SessionType;
  counsellorId?: number;
  modality?: BookingFormValues['modality'];
  roomId?: number | null;
  date?: string;
  time?: string;
  durationMinutes?: number;
}

interface BookSessionDialogProps {
  preset?: BookingPreset;
  /** From a case or a referral: the case is fixed. */
  lockCase?: boolean;
  onClose: () => void;
  onBooked: (sessions: SessionView[]) => void;
}

/**
 * "New session": a client's session for one of the open cases, or a group session,
 * workshop, consultation or debrief for an agency. The contract's schema checks the form;
 * the service checks every occurrence. A conflict is listed by occurrence, naming the time
 * and room in the way (never whose session it is); outside hours, leave, a holiday or a
 * full allowance ask for a reason first.
 */
export function BookSessionDialog({ preset = {}, lockCase = false, onClose, onBooked }: BookSessionDialogProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { zone } = useFormatters();
  const isAdmin = session.user.role === 'admin';
  const cases = useOpenCases();
  const rooms = useActiveRooms();
  const agencies = useActiveAgencies();
  const counsellors = useCounsellors();
  const [formError, setFormError] = useState<FormProblem>(null);
  const [conflict, setConflict] = useState<ScheduleProblem[] | null>(null);
  const [pending, setPending] = useState<{ request: BookingRequest; confirmation: Confirmation } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const form = useForm<BookingFormValues, unknown, BookingRequest>({
    resolver: bookingResolver,
    defaultValues: {
      caseId: preset.caseId ?? null,
      agencyId: null,
      counsellorId: preset.counsellorId ?? (isAdmin ? Number.NaN : session.user.id),
      sessionType: preset.sessionType ?? 'counselling',
      modality: preset.modality ?? 'in_person',
      roomId: preset.roomId ?? null,
      videoLink: '',
      date: preset.date ?? todayIn(zone),
      time: preset.time ?? '09:00',
      durationMinutes: preset.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      presentingIssue: null,
      repeat: { recurrence: 'none', count: 6 },
      topic: null,
      capacity: null,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [sessionType, modality, caseId, recurrence] = useWatch({ control: form.control, name: ['sessionType', 'modality', 'caseId', 'repeat.recurrence'] });
  const workshop = sessionType === 'group_workshop';
  const caseless = CASELESS_TYPES.includes(sessionType);
  const clientCase = cases.data?.find((item) => item.id === caseId) ?? null;
  const withoutCase = workshop || (caseless && caseId === null);

  // The case decides the counsellor and the presenting issues the allowance counts against.
  useEffect(() => {
    if (clientCase) {
      form.setValue('counsellorId', clientCase.counsellorId);
      const issue = form.getValues('presentingIssue');
      if (issue === null || issue === undefined || !clientCase.presentingIssues.includes(issue)) form.setValue('presentingIssue', clientCase.presentingIssues[0] ?? null);
    } else {
      form.setValue('presentingIssue', null);
      if (!isAdmin) form.setValue('counsellorId', session.user.id);
    }
  }, [clientCase, form, isAdmin, session.user.id]);

  // A workshop has no case; other types have no topic or capacity.
  useEffect(() => {
    if (workshop) form.setValue('caseId', null);
    else {
      form.setValue('topic', null);
      form.setValue('capacity', null);
    }
  }, [workshop, form]);

  // A room only in person, a link only by video.
  useEffect(() => {
    if (modality !== 'in_person') form.setValue('roomId', null);
    if (modality !== 'video') form.setValue('videoLink', '');
  }, [modality, form]);

  const book = async (request: BookingRequest, reasons: ConfirmReasons | null) => {
    setFormError(null);
    setConflict(null);
    try {
      const result = await call('sessions.book', reasons ? { ...request, ...reasons } : request);
      if (result.outcome === 'booked') {
        onBooked(result.sessions);
        return;
      }
      setPending({ request, confirmation: { overrides: result.overrides, allowance: result.allowance } });
    } catch (error) {
      setPending(null);
      if (isApiError(error) && error.code === 'SCHEDULE_CONFLICT' && error.problems.length > 0) {
        setConflict(error.problems);
        return;
      }
      setFormError(applySessionError(error, form.setError, BOOKING_FIELDS));
    }
  };

  const submit = form.handleSubmit(async (request) => book(request, null));

  const series = recurrence !== 'none';
  const title = preset.sessionType === 'intake_assessment' && lockCase ? t('calendar.book.titleFirst') : t('calendar.book.title');
  const loadError = cases.error ?? rooms.error ?? agencies.error ?? counsellors.error;

  if (pending) {
    return (
      <Dialog title={t('calendar.confirm.title')} onClose={onClose}>
        <SessionFormAlert problem={formError} />
        <ConfirmBookingStep
          confirmation={pending.confirmation}
          series={pending.request.repeat !== null}
          idPrefix="book"
          busy={confirming}
          submitLabel={t('calendar.confirm.submit')}
          onBack={() => setPending(null)}
          onConfirm={async (reasons) => {
            setConfirming(true);
            try {
              await book(pending.request, reasons);
            } finally {
              setConfirming(false);
            }
          }}
        />
      </Dialog>
    );
  }

  const caseOptions = cases.data ?? [];
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="booking-form" onSubmit={(event) => void submit(event)} noValidate data-testid="booking-form">
        <SessionFormAlert problem={formError} />
        <FormAlert code={loadError} />
        {!workshop && !lockCase && (
          <FormField id="book-case" label={t('calendar.fields.case')} error={errors.caseId}>
            {(a11y) => (
              <select {...a11y} {...form.register('caseId', { setValueAs: optionalId })}>
                <option value="">{caseless ? t('calendar.book.noCase') : t('calendar.book.chooseCase')}</option>
                {caseOptions.map((item) => (
                  <option key={item.id} value={item.id}>
                    {isAdmin ? t('calendar.book.caseOptionAdmin', { code: item.clientCode, name: item.clientName, counsellor: item.counsellorName }) : `${item.clientCode} · ${item.clientName}`}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {cases.data === null && !cases.error && <p className="muted">{t('common.loading')}</p>}
        {clientCase && !workshop && (
          <div className="booking-case" data-testid="booking-case">
            <div>
              <span className="booking-case__code">{clientCase.clientCode}</span> <span>{clientCase.clientName}</span>
            </div>
            <div className="cell-secondary">
              {t('calendar.book.caseCounsellor', { name: clientCase.counsellorName })} · <AllowanceLine clientCase={clientCase} />
            </div>
          </div>
        )}
        <div className="form-grid">
          <FormField id="book-type" label={t('calendar.fields.sessionType')} error={errors.sessionType}>
            {(a11y) => (
              <select {...a11y} {...form.register('sessionType')}>
                {SESSION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`calendar.vocab.sessionType.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {clientCase && ALLOWANCE_TYPES.includes(sessionType) && clientCase.presentingIssues.length > 0 && (
            <FormField id="book-issue" label={t('calendar.fields.presentingIssue')} error={errors.presentingIssue} hint={t('calendar.book.issueHint')}>
              {(a11y) => (
                <select {...a11y} {...form.register('presentingIssue', { setValueAs: optionalChoice })}>
                  {clientCase.presentingIssues.map((issue) => (
                    <option key={issue} value={issue}>
                      {t(`vocab.presentingIssue.${issue}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {withoutCase && (
            <FormField id="book-agency" label={t('calendar.fields.agency')} error={errors.agencyId}>
              {(a11y) => (
                <select {...a11y} {...form.register('agencyId', { setValueAs: optionalId })}>
                  <option value="">{t('calendar.book.chooseAgency')}</option>
                  {(agencies.data ?? []).map((agency) => (
                    <option key={agency.id} value={agency.id}>
                      {agency.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {withoutCase && isAdmin && (
            <FormField id="book-counsellor" label={workshop ? t('calendar.fields.facilitator') : t('calendar.fields.counsellor')} error={errors.counsellorId}>
              {(a11y) => (
                <select {...a11y} {...form.register('counsellorId', { valueAsNumber: true })}>
                  <option value="">{t('calendar.book.chooseCounsellor')}</option>
                  {(counsellors.data ?? []).map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.displayName}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {workshop && (
            <>
              <FormField id="book-topic" label={t('calendar.fields.topic')} error={errors.topic}>
                {(a11y) => (
                  <select {...a11y} {...form.register('topic', { setValueAs: optionalChoice })}>
                    <option value="">{t('calendar.book.chooseTopic')}</option>
                    {WORKSHOP_TOPICS.map((topic) => (
                      <option key={topic} value={topic}>
                        {t(`calendar.vocab.topic.${topic}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField id="book-capacity" label={t('calendar.fields.capacity')} error={errors.capacity} hint={t('calendar.book.capacityHint')}>
                {(a11y) => <input {...a11y} className="input--short" type="number" inputMode="numeric" min={CAPACITY.min} max={CAPACITY.max} step={1} {...form.register('capacity', { setValueAs: optionalNumber })} />}
              </FormField>
            </>
          )}
        </div>

        <fieldset className="fieldset cal-choice-group">
          <legend className="field__label">{t('calendar.fields.modality')}</legend>
          <div className="cal-choice-row">
            {MODALITIES.map((value) => (
              <label key={value} className="cal-choice">
                <input type="radio" value={value} {...form.register('modality')} />
                <span>{t(`calendar.vocab.modality.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          {modality === 'in_person' && (
            <FormField id="book-room" label={t('calendar.fields.room')} error={errors.roomId}>
              {(a11y) => (
                <select {...a11y} {...form.register('roomId', { setValueAs: optionalId })}>
                  <option value="">{t('calendar.book.chooseRoom')}</option>
                  {(rooms.data ?? []).map((room) => (
                    <option key={room.id} value={room.id}>
                      {t('calendar.book.roomOption', { name: room.name, count: room.capacity })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {modality === 'video' && (
            <FormField id="book-video" label={t('calendar.fields.videoLink')} error={errors.videoLink} hint={t('calendar.book.videoHint')}>
              {(a11y) => <input {...a11y} type="text" inputMode="url" autoComplete="off" placeholder="https://" {...form.register('videoLink')} />}
            </FormField>
          )}
        </div>

        <div className="booking-when">
          <FormField id="book-date" label={t('calendar.fields.date')} error={errors.date}>
            {(a11y) => <input {...a11y} type="date" {...form.register('date')} />}
          </FormField>
          <FormField id="book-time" label={t('calendar.fields.time')} error={errors.time}>
            {(a11y) => <input {...a11y} type="time" step={300} {...form.register('time')} />}
          </FormField>
          <FormField id="book-duration" label={t('calendar.fields.duration')} error={errors.durationMinutes}>
            {(a11y) => <input {...a11y} className="input--short" type="number" inputMode="numeric" min={DURATION.min} max={DURATION.max} step={5} {...form.register('durationMinutes', { valueAsNumber: true })} />}
          </FormField>
        </div>
        <p className="field__hint booking-zone">{t('calendar.book.zoneHint', { zone })}</p>

        <div className="booking-repeat">
          <FormField id="book-repeat" label={t('calendar.fields.repeat')} error={errors.repeat?.recurrence}>
            {(a11y) => (
              <select {...a11y} {...form.register('repeat.recurrence')}>
                {REPEAT_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`calendar.vocab.repeat.${choice}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {recurrence !== 'none' && (
            <FormField id="book-repeat-count" label={t('calendar.fields.repeatCount')} error={errors.repeat?.count} hint={t('calendar.book.repeatHint', { min: REPEAT_COUNT.min, max: REPEAT_COUNT.max })}>
              {(a11y) => <input {...a11y} className="input--short" type="number" inputMode="numeric" min={REPEAT_COUNT.min} max={REPEAT_COUNT.max} step={1} {...form.register('repeat.count', { valueAsNumber: true })} />}
            </FormField>
          )}
        </div>

        {conflict && <ConflictAlert problems={conflict} series={series} focus />}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('calendar.book.booking') : series ? t('calendar.book.submitSeries') : t('calendar.book.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
