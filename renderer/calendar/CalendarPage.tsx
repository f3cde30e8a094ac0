import '../styles/calendar.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '@event-calendar/core';
import type { Availability, Holiday } from '../../shared/contract/availability-schemas';
import type { ChannelInput } from '../../shared/contract/channels';
import type { ScheduleProblem, SessionView } from '../../shared/contract/session-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { Notice } from '../components/Notice';
import { localeFor } from '../format/dates';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { BookSessionDialog, type BookingPreset } from './BookSessionDialog';
import { localStartOf, localStartToMs, minutesBetween, shortDateTimeText, wallDate, wallDateToMs } from './calendar-time';
import { DragConfirmDialog, type PendingDrag } from './DragConfirmDialog';
import { EventCalendar, type CalendarApi, type CalendarOptions } from './EventCalendar';
import { ExportIcsDialog } from './ExportIcsDialog';
import { rescheduleSession } from './reschedule';
import { ConflictAlert } from './ScheduleProblemList';
import { ruleOf } from './session-errors';
import { SessionStatusBadge } from './SessionBadges';
import { SessionDialog } from './SessionDialog';
import { availabilityEvents, backgroundContent, counsellorResource, parseResource, roomResource, sessionContent, sessionEvent, sessionOf } from './session-events';
import { useActiveRooms, useCounsellors } from './useSchedulingData';

/** Whose calendar: one counsellor's, or (admins) the whole clinic by counsellor and room. */
type Scope = { kind: 'counsellor'; id: number } | { kind: 'clinic' };

const SINGLE_VIEWS = 'timeGridDay,timeGridWeek,listWeek';
const CLINIC_VIEW = 'resourceTimeGridDay';
const SLOT_MIN = '06:00';
const SLOT_MAX = '21:00';
/** A click-and-drag shorter than this books the usual session length instead. */
const SHORT_SELECTION_MINUTES = 30;

type Outcome =
  | { kind: 'booked'; sessions: SessionView[] }
  | { kind: 'moved'; session: SessionView | null; startMs: number }
  | { kind: 'dragProblems'; problems: ScheduleProblem[] }
  | { kind: 'dragRefused'; reason: 'counsellor' | 'room' | ErrorCode; rule?: string | null };

/**
 * The calendar: a counsellor's own day, week and agenda; for admins any counsellor's, or
 * the clinic's day across counsellors and rooms. Sessions are loaded for the range shown;
 * clicking one opens it, selecting a free time books one, dragging one reschedules it
 * through the same checks as the Reschedule form.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { session: signedIn } = useSession();
  const { zone, language } = useFormatters();
  const isAdmin = signedIn.user.role === 'admin';
  const counsellors = useCounsellors();
  const rooms = useActiveRooms();
  const [scope, setScope] = useState<Scope>(isAdmin ? { kind: 'clinic' } : { kind: 'counsellor', id: signedIn.user.id });
  const [range, setRange] = useState<{ start: Date; end: Date } | null>(null);
  const [viewType, setViewType] = useState<string>(isAdmin ? CLINIC_VIEW : 'timeGridWeek');
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [holidays, setHolidays] = useState<Holiday[]>([]);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [reload, setReload] = useState(0);
  const [booking, setBooking] = useState<BookingPreset | null>(null);
  const [openSession, setOpenSession] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const [pendingDrag, setPendingDrag] = useState<PendingDrag | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const api = useRef<CalendarApi | null>(null);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  const counsellorId = scope.kind === 'counsellor' ? scope.id : null;

  // The sessions of the range shown (the service keeps a counsellor to their own).
  useEffect(() => {
    if (!range) return;
    let cancelled = false;
    const input: ChannelInput<'sessions.list'> = {
      fromMs: wallDateToMs(range.start, zone),
      toMs: wallDateToMs(range.end, zone),
      ...(isAdmin && counsellorId !== null ? { counsellorId } : {}),
    };
    call('sessions.list', input)
      .then(({ sessions: listed }) => {
        if (cancelled) return;
        setSessions(listed);
        setLoadError(null);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(errorCodeOf(error));
      });
    return () => {
      cancelled = true;
    };
  }, [range, counsellorId, isAdmin, zone, reload]);

  // The counsellor's hours and leave, and the clinic's holidays, to shade the grid.
  useEffect(() => {
    let cancelled = false;
    setAvailability(null);
    if (counsellorId === null) return;
    call('availability.get', { userId: counsellorId })
      .then((loaded) => {
        if (!cancelled) setAvailability(loaded);
      })
      .catch(() => {
        // Shading is a help, not a need: the calendar works without it.
      });
    return () => {
      cancelled = true;
    };
  }, [counsellorId]);
  useEffect(() => {
    let cancelled = false;
    call('holidays.list', {})
      .then(({ holidays: listed }) => {
        if (!cancelled) setHolidays(listed);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  // The handlers the component calls: always the latest, without recreating its options.
  const handlers = useRef({
    datesSet: (_info: Calendar.DatesSetInfo) => undefined as void,
    viewDidMount: (_info: { view: Calendar.View }) => undefined as void,
    eventClick: (_info: Calendar.EventClickInfo) => undefined as void,
    select: (_info: Calendar.SelectInfo) => undefined as void,
    eventDrop: (_info: Calendar.EventDropInfo) => undefined as void,
    eventResize: (_info: Calendar.EventResizeInfo) => undefined as void,
  });

  const moved = useCallback(
    async (session: SessionView, request: ChannelInput<'sessions.reschedule'>, revert: () => void) => {
      setOutcome(null);
      try {
        const result = await rescheduleSession(request);
        if (result.kind === 'moved') {
          setOutcome({ kind: 'moved', session: result.session, startMs: result.session?.startMs ?? session.startMs });
          refresh();
        } else if (result.kind === 'conflict') {
          revert();
          setOutcome({ kind: 'dragProblems', problems: result.problems });
        } else {
          setPendingDrag({ request, overrides: result.confirmation.overrides, revert, title: t('calendar.drag.confirmTitle', { code: session.clientCode ?? t(`calendar.vocab.sessionType.${session.sessionType}`) }) });
        }
      } catch (error) {
        revert();
        setOutcome({ kind: 'dragRefused', reason: errorCodeOf(error), rule: ruleOf(error) });
      }
    },
    [refresh, t],
  );

  handlers.current = {
    datesSet: (info) => {
      setRange({ start: info.start, end: info.end });
      setViewType(info.view.type);
    },
    viewDidMount: (info) => setViewType(info.view.type),
    eventClick: (info) => {
      const session = sessionOf(info.event);
      if (!session) return;
      // From the keyboard, open once the key has done its work: the Enter that opened the
      // dialog must not also press the button that gets the focus in it.
      if (info.jsEvent instanceof KeyboardEvent) window.setTimeout(() => setOpenSession(session.id), 0);
      else setOpenSession(session.id);
    },
    select: (info) => {
      api.current?.unselect();
      const minutes = minutesBetween(info.start.getTime(), info.end.getTime());
      const [date, time] = localStartOf(info.start).split('T');
      const resource = parseResource(info.resource?.id);
      setBooking({
        date: date!,
        time: time!,
        ...(minutes > SHORT_SELECTION_MINUTES ? { durationMinutes: minutes } : {}),
        ...(resource?.kind === 'counsellor' ? { counsellorId: resource.id } : counsellorId !== null ? { counsellorId } : {}),
        ...(resource?.kind === 'room' ? { roomId: resource.id, modality: 'in_person' as const } : {}),
      });
    },
    eventDrop: (info) => {
      const session = sessionOf(info.event);
      if (!session) return info.revert();
      const target = parseResource(info.newResource?.id);
      if (target?.kind === 'counsellor') {
        info.revert();
        setOutcome({ kind: 'dragRefused', reason: 'counsellor' });
        return;
      }
      const roomId = target?.kind === 'room' && session.modality === 'in_person' ? target.id : undefined;
      if (target?.kind === 'room' && roomId === undefined) {
        info.revert();
        setOutcome({ kind: 'dragRefused', reason: 'room' });
        return;
      }
      void moved(session, { id: session.id, localStart: localStartOf(info.event.start), ...(roomId === undefined ? {} : { roomId }) }, info.revert);
    },
    eventResize: (info) => {
      const session = sessionOf(info.event);
      if (!session) return info.revert();
      void moved(session, { id: session.id, localStart: localStartOf(info.event.start), durationMinutes: minutesBetween(info.event.start.getTime(), info.event.end.getTime()) }, info.revert);
    },
  };

  const clinic = scope.kind === 'clinic';
  const showAvailability = !clinic && range !== null && viewType !== 'listWeek';
  const events = useMemo(() => {
    const sessionEvents = sessions.map((session) => sessionEvent(session, zone));
    if (!showAvailability || !range) return sessionEvents;
    return [...availabilityEvents(availability, holidays, range.start, range.end, t), ...sessionEvents];
  }, [sessions, zone, showAvailability, range, availability, holidays, t]);

  const resources = useMemo<Calendar.ResourceInput[]>(
    () => [
      ...(counsellors.data ?? []).map((person) => ({ id: counsellorResource(person.id), title: person.displayName, extendedProps: { kind: 'counsellor' } })),
      ...(rooms.data ?? []).map((room) => ({ id: roomResource(room.id), title: room.name, extendedProps: { kind: 'room' } })),
    ],
    [counsellors.data, rooms.data],
  );

  // Where the calendar opens (today in the clinic); moving it later goes through gotoDate.
  const [openingDate] = useState(() => wallDate(Date.now(), zone));
  const base = useMemo<CalendarOptions>(() => {
    const hm: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    return {
      view: clinic ? CLINIC_VIEW : 'timeGridWeek',
      date: openingDate,
      headerToolbar: { start: 'prev,next today', center: 'title', end: clinic ? '' : SINGLE_VIEWS },
      buttonText: (text: Calendar.ButtonTextMapping) => ({
        ...text,
        today: t('calendar.toolbar.today'),
        timeGridDay: t('calendar.toolbar.day'),
        timeGridWeek: t('calendar.toolbar.week'),
        listWeek: t('calendar.toolbar.agenda'),
        resourceTimeGridDay: t('calendar.toolbar.day'),
        prev: /day/i.test(text['prev'] ?? '') ? t('calendar.toolbar.prevDay') : t('calendar.toolbar.prevWeek'),
        next: /day/i.test(text['next'] ?? '') ? t('calendar.toolbar.nextDay') : t('calendar.toolbar.nextWeek'),
      }),
      locale: localeFor(i18n.resolvedLanguage === 'id' ? 'id' : 'en'),
      firstDay: 1,
      allDaySlot: false,
      slotMinTime: SLOT_MIN,
      slotMaxTime: SLOT_MAX,
      slotDuration: '00:30',
      snapDuration: '00:15',
      slotHeight: 44,
      scrollTime: '07:30',
      slotLabelFormat: hm,
      eventTimeFormat: hm,
      nowIndicator: true,
      editable: true,
      selectable: true,
      dragScroll: true,
      datesAboveResources: false,
      noEventsContent: t('calendar.view.noSessions'),
      eventContent: (info: Calendar.EventContentInfo) => {
        const session = sessionOf(info.event);
        if (!session) return backgroundContent(typeof info.event.title === 'string' ? info.event.title : '');
        return sessionContent(session, t, { zone, language, showCounsellor: clinic, list: info.view.type.startsWith('list') });
      },
      resourceLabelContent: (info: Calendar.ResourceLabelInfo) => {
        const wrap = document.createElement('span');
        wrap.className = 'resource-label';
        const name = document.createElement('span');
        name.className = 'resource-label__name';
        name.textContent = typeof info.resource.title === 'string' ? info.resource.title : '';
        const kind = document.createElement('span');
        kind.className = 'resource-label__kind';
        const what = info.resource.extendedProps['kind'];
        kind.textContent = what === 'room' ? t('calendar.view.room') : what === 'counsellor' ? t('calendar.view.counsellor') : '';
        wrap.append(name, kind);
        return { domNodes: [wrap] };
      },
      datesSet: (info: Calendar.DatesSetInfo) => handlers.current.datesSet(info),
      viewDidMount: (info: { view: Calendar.View }) => handlers.current.viewDidMount(info),
      eventClick: (info: Calendar.EventClickInfo) => handlers.current.eventClick(info),
      select: (info: Calendar.SelectInfo) => handlers.current.select(info),
      eventDrop: (info: Calendar.EventDropInfo) => handlers.current.eventDrop(info),
      eventResize: (info: Calendar.EventResizeInfo) => handlers.current.eventResize(info),
    };
  }, [clinic, openingDate, zone, t, i18n.resolvedLanguage, language]);
  // The agenda is as long as its sessions; the grids scroll inside a fixed height.
  const agenda = viewType === 'listWeek';
  const options = useMemo<CalendarOptions>(() => ({ ...base, events, resources, height: agenda ? 'auto' : '880px' }), [base, events, resources, agenda]);

  const goTo = (ms: number) => api.current?.gotoDate(wallDate(ms, zone));

  const chooseScope = (value: string) => {
    setOutcome(null);
    setSessions([]);
    setScope(value === 'clinic' ? { kind: 'clinic' } : { kind: 'counsellor', id: Number(value) });
  };

  const exportCounsellors = counsellors.data ?? [];
  const exportFor = counsellorId ?? exportCounsellors[0]?.id ?? signedIn.user.id;
  const first = outcome?.kind === 'booked' ? outcome.sessions[0] : undefined;

  return (
    <>
      <div className="calendar-header">
        <h1 className="page-title">{t('nav.calendar')}</h1>
        <div className="calendar-header__actions">
          <button type="button" className="button button--secondary" onClick={() => setExporting(true)} disabled={exportCounsellors.length === 0}>
            {t('calendar.page.export')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setBooking(counsellorId !== null ? { counsellorId } : {})}>
            {t('calendar.page.newSession')}
          </button>
        </div>
      </div>
      {isAdmin && (
        <div className="filters calendar-scope">
          <div className="field">
            <label htmlFor="calendar-scope" className="field__label">
              {t('calendar.page.scope')}
            </label>
            <select id="calendar-scope" value={scope.kind === 'clinic' ? 'clinic' : String(scope.id)} onChange={(event) => chooseScope(event.target.value)}>
              <option value="clinic">{t('calendar.page.clinicView')}</option>
              {(counsellors.data ?? []).map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </div>
          <p className="field__hint calendar-scope__hint">{clinic ? t('calendar.page.clinicHint') : t('calendar.page.counsellorHint')}</p>
        </div>
      )}
      <FormAlert code={loadError ?? counsellors.error} />
      {outcome?.kind === 'booked' && first && (
        <Notice tone="success" testId="calendar-notice">
          {outcome.sessions.length === 1
            ? t('calendar.page.booked', { what: first.clientCode ?? t(`calendar.vocab.sessionType.${first.sessionType}`), when: shortDateTimeText(first.startMs, zone, language) })
            : t('calendar.page.bookedSeries', { count: outcome.sessions.length, when: shortDateTimeText(first.startMs, zone, language) })}
        </Notice>
      )}
      {outcome?.kind === 'moved' && (
        <Notice tone="success" testId="calendar-notice">
          {t('calendar.page.moved', { when: shortDateTimeText(outcome.startMs, zone, language) })}
        </Notice>
      )}
      {outcome?.kind === 'dragProblems' && (
        <div data-testid="drag-problems">
          <ConflictAlert problems={outcome.problems} series={false} lead={t('calendar.drag.notMoved')} />
        </div>
      )}
      {outcome?.kind === 'dragRefused' && (
        <div className="alert alert--error" role="alert" data-testid="drag-refused">
          {outcome.reason === 'counsellor'
            ? t('calendar.drag.noCounsellorChange')
            : outcome.reason === 'room'
              ? t('calendar.drag.noRoomChange')
              : outcome.rule
                ? t('calendar.drag.refusedBecause', { why: t(`validation.${outcome.rule}`, { field: '' }) })
                : t(`errors.${outcome.reason}`)}
        </div>
      )}
      {clinic && counsellors.data && rooms.data && resources.length === 0 && (
        <Notice tone="info" testId="calendar-empty">
          {t('calendar.page.noResources')}
        </Notice>
      )}
      <section className="card calendar-card" aria-label={t('calendar.page.calendarLabel')}>
        <p className="calendar-card__hint">{t('calendar.page.keyboardHint', { zone })}</p>
        <EventCalendar options={options} apiRef={api} className="tenang-calendar" />
        <ul className="calendar-legend" aria-label={t('calendar.legend.label')}>
          {(['scheduled', 'attended', 'did_not_attend', 'late_cancellation', 'cancelled_by_client'] as const).map((status) => (
            <li key={status}>
              <SessionStatusBadge status={status} />
            </li>
          ))}
          {showAvailability && (
            <li>
              <span className="calendar-legend__hours" aria-hidden="true" /> {t('calendar.legend.workingHours')}
            </li>
          )}
        </ul>
      </section>

      {booking && (
        <BookSessionDialog
          preset={booking}
          onClose={() => setBooking(null)}
          onBooked={(booked) => {
            setBooking(null);
            setOutcome({ kind: 'booked', sessions: booked });
            if (booked[0]) goTo(booked[0].startMs);
            refresh();
          }}
        />
      )}
      {openSession !== null && <SessionDialog sessionId={openSession} onClose={() => setOpenSession(null)} onChanged={refresh} />}
      {exporting && <ExportIcsDialog counsellors={exportCounsellors} counsellorId={exportFor} onClose={() => setExporting(false)} />}
      {pendingDrag && (
        <DragConfirmDialog
          pending={pendingDrag}
          onCancel={() => setPendingDrag(null)}
          onConflict={(problems) => {
            setPendingDrag(null);
            setOutcome({ kind: 'dragProblems', problems });
          }}
          onDone={() => {
            setPendingDrag(null);
            setOutcome({ kind: 'moved', session: null, startMs: localStartToMs(pendingDrag.request.localStart, zone) });
            refresh();
          }}
        />
      )}
    </>
  );
}
