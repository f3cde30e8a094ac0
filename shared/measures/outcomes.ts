import type { InstrumentDefinition } from './instrument-schema';

/**
 * Change and recovery for a case, by the published rules (NHS Talking Therapies, with the
 * PHQ-9 as the depression measure and the GAD-7 as the anxiety measure). Pure: it takes
 * scored administrations and gives the outcome; services feed it, reports reuse it.
 *
 * Only complete administrations count (an incomplete one has no total), in the order they
 * were given.
 */

export const DEPRESSION_MEASURE = 'phq9';
export const ANXIETY_MEASURE = 'gad7';

/** A complete administration's total, with when it was given (the clinic's wall-clock time, sortable). */
export interface TotalAt {
  administrationId: number;
  administeredAt: string;
  total: number;
}

export type ReliableChange = 'improved' | 'deteriorated' | 'none';

export interface InstrumentChange {
  instrumentId: string;
  first: TotalAt | null;
  last: TotalAt | null;
  /** last − first; null with fewer than two totals. */
  change: number | null;
  /** Null when the instrument has no reliable-change value or fewer than two totals. */
  reliableChange: ReliableChange | null;
}

/** First and last totals, their difference and whether it is reliable. `totals` in the order given. */
export function instrumentChange(instrument: Pick<InstrumentDefinition, 'id' | 'direction' | 'reliableChange'>, totals: readonly TotalAt[]): InstrumentChange {
  const first = totals[0] ?? null;
  const last = totals.length > 0 ? totals[totals.length - 1]! : null;
  if (!first || !last || totals.length < 2) {
    return { instrumentId: instrument.id, first, last, change: null, reliableChange: null };
  }
  const change = last.total - first.total;
  return { instrumentId: instrument.id, first, last, change, reliableChange: reliableChangeOf(instrument, change) };
}

/** Improved or deteriorated when the change in the better or worse direction reaches the reliable-change value. */
export function reliableChangeOf(instrument: Pick<InstrumentDefinition, 'direction' | 'reliableChange'>, change: number): ReliableChange | null {
  if (instrument.reliableChange === null) return null;
  const better = instrument.direction === 'higher_is_better' ? change : -change;
  if (better >= instrument.reliableChange) return 'improved';
  if (-better >= instrument.reliableChange) return 'deteriorated';
  return 'none';
}

export interface PairedOutcome {
  casenessAtStart: boolean | null;
  recovered: boolean | null;
  reliableImprovement: boolean | null;
  reliableDeterioration: boolean | null;
  reliableRecovery: boolean | null;
}

export interface PairedMeasure {
  instrument: Pick<InstrumentDefinition, 'id' | 'direction' | 'reliableChange' | 'casenessAtLeast'>;
  totals: readonly TotalAt[];
}

const UNKNOWN: PairedOutcome = {
  casenessAtStart: null,
  recovered: null,
  reliableImprovement: null,
  reliableDeterioration: null,
  reliableRecovery: null,
};

/**
 * - Caseness at start: at the first administration, PHQ-9 ≥ 10 or GAD-7 ≥ 8.
 * - Recovered: finished, at caseness at the start, and below caseness at the last administration of both.
 * - Reliable improvement: finished, a reliable drop on at least one measure and no reliable rise on the other.
 * - Reliable deterioration: the mirror image.
 * - Reliable recovery: recovered and reliably improved.
 * All null unless both measures have at least two complete administrations.
 */
export function pairedOutcome(finished: boolean, depression: PairedMeasure, anxiety: PairedMeasure): PairedOutcome {
  if (depression.totals.length < 2 || anxiety.totals.length < 2) return UNKNOWN;
  const measures = [depression, anxiety];
  const atCaseness = (measure: PairedMeasure, total: number) =>
    measure.instrument.casenessAtLeast !== null && total >= measure.instrument.casenessAtLeast;
  const casenessAtStart = measures.some((measure) => atCaseness(measure, measure.totals[0]!.total));
  const casenessAtEnd = measures.some((measure) => atCaseness(measure, measure.totals[measure.totals.length - 1]!.total));
  const changes = measures.map((measure) => instrumentChange(measure.instrument, measure.totals).reliableChange);
  const recovered = finished && casenessAtStart && !casenessAtEnd;
  const reliableImprovement = finished && changes.includes('improved') && !changes.includes('deteriorated');
  const reliableDeterioration = finished && changes.includes('deteriorated') && !changes.includes('improved');
  return {
    casenessAtStart,
    recovered,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovered && reliableImprovement,
  };
}
