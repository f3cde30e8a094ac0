import '../styles/risk-search.css';
import type { TFunction } from 'i18next';
import type { Calendar } from '@event-calendar/core';
import type { Availability, Holiday } from '../../shared/contract/availability-schemas';
import type { SessionView } from '../../shared/contract/session-schemas';
import type { Modality } from '../../shared/domain/sessions';
import type { Language } from '../../shared/settings';
import type { RiskLevel } from '../../shared/domain/notes';
import { RISK_FLAG_PATH } from '../risk/risk-icon';
import { spanText, wallDate } from './calendar-time';

/** Resource ids of the clinic view: a column per counsellor and per room. */
export const counsellorResource = (id: number) => `c-${id}`;
export const roomResource = (id: number) => `r-${id}`;

export function parseResource(id: string | number | undefined): { kind: 'counsellor' | 'room'; id: number } | null {
  const match = /^([cr])-(\d+)$/.exec(String(id ?? ''));
  if (!match) return null;
  return { kind: match[1] === 'c' ? 'counsellor' : 'room', id: Number(match[2]) };
}

/** A session as the calendar component's event: wall-clock Dates, both its columns, movable only while scheduled. */
export function sessionEvent(session: SessionView, zone: string): Calendar.EventInput {
  const movable = session.status === 'scheduled';
  return {
    id: String(session.id),
    start: wallDate(session.startMs, zone),
    end: wallDate(session.endMs, zone),
    title: session.clientCode ?? '',
    resourceIds: [counsellorResource(session.counsellorId), ...(session.roomId === null ? [] : [roomResource(session.roomId)])],
    startEditable: movable,
    durationEditable: movable,
    classNames: ['session-event', `session-event--${session.status}`, `session-event--${session.sessionType}`, ...(session.riskLevel ? [`session-event--risk-${session.riskLevel}`] : [])],
    extendedProps: { session },
  };
}

export function sessionOf(event: Calendar.Event): SessionView | null {
  const session = event.extendedProps['session'];
  return session && typeof session === 'object' ? (session as SessionView) : null;
}

/** Each day of a shown range (calendar Dates at local midnight). */
function daysOf(start: Date, end: Date): Date[] {
  const days: Date[] = [];
  for (let day = new Date(start.getFullYear(), start.getMonth(), start.getDate()); day < end; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
    days.push(day);
    if (days.length > 70) break;
  }
  return days;
}

const at = (day: Date, minutes: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes);
const isoDay = (day: Date) => `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

/**
 * The counsellor's working hours, leave and the clinic's holidays as background shading:
 * working hours lighter, leave and holidays marked with a word.
 */
export function availabilityEvents(availability: Availability | null, holidays: Holiday[], start: Date, end: Date, t: TFunction): Calendar.EventInput[] {
  const events: Calendar.EventInput[] = [];
  for (const day of daysOf(start, end)) {
    const date = isoDay(day);
    const weekday = day.getDay() === 0 ? 7 : day.getDay();
    const holiday = holidays.find((item) => item.date === date);
    const onLeave = availability?.leave.some((leave) => leave.startDate <= date && date <= leave.endDate) ?? false;
    if (holiday || onLeave) {
      events.push({
        id: `closed-${date}`,
        start: at(day, 0),
        end: at(day, 24 * 60),
        display: 'background',
        classNames: ['closed-day'],
        title: holiday ? t('calendar.view.holiday', { name: holiday.name }) : t('calendar.view.onLeave'),
      });
      continue;
    }
    for (const block of availability?.hours ?? []) {
      if (block.weekday !== weekday) continue;
      events.push({ id: `hours-${date}-${block.startMinute}`, start: at(day, block.startMinute), end: at(day, block.endMinute), display: 'background', classNames: ['working-hours'] });
    }
  }
  return events;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const MODALITY_PATHS: Record<Modality, string> = {
  in_person: 'M5 17V4h10v13 M3 17h14 M12 10.5v1',
  phone: 'M6 3.5l2.5 3-1.6 1.6a9 9 0 0 0 5 5l1.6-1.6 3 2.5-1.8 2.2C9.7 16 4 10.3 3.8 5.3z',
  video: 'M3 6h10v8H3z M13 9l4-2.5v7L13 11',
};

function modalityIcon(modality: Modality): SVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon session-event__icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', MODALITY_PATHS[modality]);
  svg.append(path);
  return svg;
}

/**
 * The client's active risk flag on their session: a flag and the level in words, coloured
 * by level; assistive technology hears "Risk flag: high" rather than a bare word.
 */
function riskMarker(level: RiskLevel, t: TFunction): HTMLElement {
  const marker = element('span', `session-risk session-risk--${level}`);
  marker.dataset['testid'] = 'session-risk-marker';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon risk-icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', RISK_FLAG_PATH);
  svg.append(path);
  const levelText = t(`risk.level.${level}`);
  const shown = element('span', '', levelText);
  shown.setAttribute('aria-hidden', 'true');
  marker.append(svg, shown, element('span', 'visually-hidden', t('risk.calendar.label', { level: levelText })));
  return marker;
}

interface ContentOptions {
  zone: string;
  language: Language;
  /** The clinic view: say whose session it is. */
  showCounsellor: boolean;
  list: boolean;
}

/**
 * What a session shows in the calendar, built as DOM nodes (text only, never HTML): the
 * time, the client code (and the name where the service gives it) or the workshop's
 * topic, the type, how and where, and the status in words (the colour only repeats it).
 */
export function sessionContent(session: SessionView, t: TFunction, options: ContentOptions): Calendar.Content {
  const root = element('div', `session-event__body${options.list ? ' session-event__body--list' : ''}`);
  root.dataset['sessionId'] = String(session.id);
  root.append(element('div', 'session-event__time', spanText(session.startMs, session.endMs, options.zone, options.language)));
  // An outcome is said at once under the time (short sessions show little else); "scheduled",
  // the state every future session is in, is said to assistive technology only.
  const statusText = t(`calendar.vocab.status.${session.status}`);
  if (session.status === 'scheduled') root.append(element('span', 'visually-hidden', statusText));
  else root.append(element('div', `session-event__status session-event__status--${session.status}`, statusText));

  const who = element('div', 'session-event__who');
  if (session.sessionType === 'group_workshop') {
    who.textContent = session.topic ? t(`calendar.vocab.topic.${session.topic}`) : t('calendar.vocab.sessionType.group_workshop');
  } else if (session.clientCode) {
    who.append(element('span', 'session-event__code', session.clientCode));
    if (session.clientName) who.append(element('span', 'session-event__name', ` · ${session.clientName}`));
  } else {
    who.textContent = session.agencyName;
  }
  if (session.riskLevel && session.clientCode && session.sessionType !== 'group_workshop') who.prepend(riskMarker(session.riskLevel, t), ' ');
  root.append(who);

  const meta = element('div', 'session-event__meta');
  meta.append(modalityIcon(session.modality));
  const where = session.roomName ?? t(`calendar.vocab.modality.${session.modality}`);
  meta.append(element('span', '', `${where} · ${t(`calendar.vocab.sessionType.${session.sessionType}`)}`));
  root.append(meta);
  if (options.showCounsellor) root.append(element('div', 'session-event__counsellor', session.counsellorName));
  return { domNodes: [root] };
}

/** A background event's label (leave, a holiday); working hours need none. */
export function backgroundContent(title: string): Calendar.Content {
  return { domNodes: title ? [element('span', 'closed-day__label', title)] : [] };
}
