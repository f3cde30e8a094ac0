import type { InstrumentView } from '../../../shared/contract/measure-schemas';

/**
 * Where each band ends. A file gives only each band's lowest score (a score is in the last
 * band whose `min` it reaches), so a band ends where the next begins: for whole-number
 * totals at the next band's min − 1 ("5–9"); for scores that can fall between whole numbers
 * (the CBI's means) just below it ("0 to under 50"). The last band ends at the range's top.
 */
export type BandEnd = { kind: 'through'; value: number } | { kind: 'below'; value: number };

export interface BandRange {
  id: string;
  label: string;
  min: number;
  end: BandEnd;
}

/** Totals are whole numbers when the instrument sums items and every bound it states is whole (subscale means are not). */
function wholeNumberScores(instrument: Pick<InstrumentView, 'bands' | 'range' | 'subscales'>): boolean {
  const bounds = [instrument.range.min, instrument.range.max, ...instrument.bands.map((band) => band.min)];
  return instrument.subscales === null && bounds.every(Number.isInteger);
}

export function bandRanges(instrument: Pick<InstrumentView, 'bands' | 'range' | 'subscales'>): BandRange[] {
  const whole = wholeNumberScores(instrument);
  return instrument.bands.map((band, index) => {
    const next = instrument.bands[index + 1];
    const end: BandEnd = !next ? { kind: 'through', value: instrument.range.max } : whole ? { kind: 'through', value: next.min - 1 } : { kind: 'below', value: next.min };
    return { id: band.id, label: band.label, min: band.min, end };
  });
}
