import '@event-calendar/core/index.css';
import { useEffect, useRef, type RefObject } from 'react';
import { createCalendar, destroyCalendar, Interaction, List, ResourceTimeGrid, TimeGrid, type Calendar } from '@event-calendar/core';

const PLUGINS = [TimeGrid, List, ResourceTimeGrid, Interaction];

export type CalendarOptions = Calendar.Options;
export type CalendarApi = Calendar;

interface EventCalendarProps {
  options: CalendarOptions;
  /** The component's own methods (gotoDate, unselect…), for the page that holds it. */
  apiRef?: RefObject<CalendarApi | null>;
  className?: string;
}

/**
 * The @event-calendar/core component in React: created once on mount, destroyed on
 * unmount, and each option that changed afterwards handed over with setOption (the
 * component keeps its own state, such as the date shown, between renders).
 */
export function EventCalendar({ options, apiRef, className }: EventCalendarProps) {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const applied = useRef<CalendarOptions>(options);

  useEffect(() => {
    if (!host.current) return;
    // Each mount gets its own element, so a calendar still being torn down never shares one with the next.
    const target = document.createElement('div');
    host.current.append(target);
    const created = createCalendar(target, PLUGINS, applied.current);
    calendar.current = created;
    if (apiRef) apiRef.current = created;
    return () => {
      calendar.current = null;
      if (apiRef) apiRef.current = null;
      void destroyCalendar(created).finally(() => target.remove());
    };
    // Created once; later options arrive through setOption below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = calendar.current;
    if (!current) {
      applied.current = options;
      return;
    }
    const before = applied.current;
    // The view first: options that follow may be the new view's.
    const keys = (Object.keys(options) as (keyof CalendarOptions)[]).sort((a, b) => (a === 'view' ? -1 : b === 'view' ? 1 : 0));
    for (const key of keys) {
      if (options[key] !== before[key]) current.setOption(key, options[key]);
    }
    applied.current = options;
  }, [options]);

  return <div ref={host} className={className} />;
}
