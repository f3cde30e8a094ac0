import { DateTime } from 'luxon';
import type { Administration, InstrumentView } from '../../shared/contract/measure-schemas';
import type { Language } from '../../shared/settings';
import { localeFor } from '../format/dates';
import { localStartToMs } from '../calendar/calendar-time';
import { bandSpans } from './measure-text';

/** One plotted administration: when (UTC ms of the clinic's wall clock), and one value per line. */
export interface TrajectoryPoint {
  at: number;
  administeredAt: string;
  values: Record<string, number | null>;
}

/** The lines an instrument draws: its total, or (the CBI) each subscale. */
export function trajectoryLines(instrument: InstrumentView): { key: string; label: string }[] {
  return instrument.subscales ? instrument.subscales.map((subscale) => ({ key: subscale.id, label: subscale.label })) : [{ key: 'total', label: instrument.shortName }];
}

/** The administrations with something to plot, oldest first (an incomplete one has no score to place). */
export function trajectoryPoints(instrument: InstrumentView, administrations: Administration[], zone: string): TrajectoryPoint[] {
  return administrations
    .filter((administration) => administration.instrumentId === instrument.id)
    .map((administration) => {
      const values: Record<string, number | null> = instrument.subscales
        ? Object.fromEntries(instrument.subscales.map((subscale) => [subscale.id, administration.score.subscales?.[subscale.id]?.score ?? null]))
        : { total: administration.score.total };
      return { at: localStartToMs(administration.administeredAt, zone), administeredAt: administration.administeredAt, values };
    })
    .filter((point) => Object.values(point.values).some((value) => value !== null))
    .sort((a, b) => a.at - b.at);
}

const HOUR = 3_600_000;

/** The time axis: the points' span with a margin, so the first and last points are not on the frame. */
export function timeDomain(points: TrajectoryPoint[]): [number, number] {
  const first = points[0]?.at ?? 0;
  const last = points.at(-1)?.at ?? first;
  const margin = Math.max((last - first) * 0.06, 12 * HOUR);
  return [first - margin, last + margin];
}

/** At most `most` ticks, spread over the points (each tick sits on an administration's date). */
export function timeTicks(points: TrajectoryPoint[], most = 6): number[] {
  if (points.length <= most) return points.map((point) => point.at);
  const step = (points.length - 1) / (most - 1);
  return Array.from({ length: most }, (_, index) => points[Math.round(index * step)]!.at);
}

/** "7 Dec" / "7 Des" in the clinic's zone. */
export function tickDate(ms: number, zone: string, language: Language): string {
  return DateTime.fromMillis(ms, { zone }).setLocale(localeFor(language)).toFormat('d LLL');
}

/** The score axis: the instrument's range, with a tick at each band boundary and at the caseness threshold. */
export function scoreTicks(instrument: InstrumentView): number[] {
  const ticks = new Set<number>([instrument.range.min, instrument.range.max, ...bandSpans(instrument).map((band) => band.from)]);
  if (instrument.casenessAtLeast !== null) ticks.add(instrument.casenessAtLeast);
  if (ticks.size < 4) {
    const quarter = (instrument.range.max - instrument.range.min) / 4;
    for (let step = 1; step < 4; step++) ticks.add(instrument.range.min + quarter * step);
  }
  return [...ticks].filter((tick) => tick >= instrument.range.min && tick <= instrument.range.max).sort((a, b) => a - b);
}
