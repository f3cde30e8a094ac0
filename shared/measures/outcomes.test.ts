import { describe, expect, it } from 'vitest';
import { bundledInstrument } from './library';
import { instrumentChange, pairedOutcome, reliableChangeOf, type PairedMeasure, type TotalAt } from './outcomes';

const phq9 = bundledInstrument('phq9')!;
const gad7 = bundledInstrument('gad7')!;
const who5 = bundledInstrument('who5')!;
const k10 = bundledInstrument('k10')!;

/** Totals given a week apart, in order. */
const totals = (...values: number[]): TotalAt[] =>
  values.map((total, index) => ({ administrationId: index + 1, administeredAt: `2025-03-${String(3 + 7 * index).padStart(2, '0')}T10:00`, total }));
const depression = (...values: number[]): PairedMeasure => ({ instrument: phq9, totals: totals(...values) });
const anxiety = (...values: number[]): PairedMeasure => ({ instrument: gad7, totals: totals(...values) });

describe('reliable change', () => {
  const cases: [string, typeof phq9, number, string | null][] = [
    ['PHQ-9 down 6 (its reliable change)', phq9, -6, 'improved'],
    ['PHQ-9 down 5', phq9, -5, 'none'],
    ['PHQ-9 up 6', phq9, 6, 'deteriorated'],
    ['PHQ-9 up 5', phq9, 5, 'none'],
    ['PHQ-9 unchanged', phq9, 0, 'none'],
    ['GAD-7 down 4', gad7, -4, 'improved'],
    ['GAD-7 down 3', gad7, -3, 'none'],
    ['GAD-7 up 4', gad7, 4, 'deteriorated'],
    ['GAD-7 up 3', gad7, 3, 'none'],
    // WHO-5: higher is better, so a rise is the improvement.
    ['WHO-5 up 10', who5, 10, 'improved'],
    ['WHO-5 up 8', who5, 8, 'none'],
    ['WHO-5 down 10', who5, -10, 'deteriorated'],
    ['WHO-5 down 8', who5, -8, 'none'],
    ['K10 (no reliable-change value) down 20', k10, -20, null],
  ];
  it.each(cases)('%s: %s', (_what, instrument, change, expected) => {
    expect(reliableChangeOf(instrument, change)).toBe(expected);
  });

  it('compares the first and the last administration, whatever lies between', () => {
    expect(instrumentChange(phq9, totals(18, 25, 3, 12))).toEqual({
      instrumentId: 'phq9',
      first: totals(18)[0],
      last: { administrationId: 4, administeredAt: '2025-03-24T10:00', total: 12 },
      change: -6,
      reliableChange: 'improved',
    });
  });

  it('has no change with fewer than two administrations', () => {
    expect(instrumentChange(phq9, [])).toEqual({ instrumentId: 'phq9', first: null, last: null, change: null, reliableChange: null });
    expect(instrumentChange(phq9, totals(14))).toEqual({ instrumentId: 'phq9', first: totals(14)[0], last: totals(14)[0], change: null, reliableChange: null });
  });

  it('gives the change but no verdict where the instrument has no reliable-change value', () => {
    expect(instrumentChange(k10, totals(35, 15))).toMatchObject({ change: -20, reliableChange: null });
  });
});

describe('paired outcome (PHQ-9 with GAD-7)', () => {
  it('recovered: at caseness at the start, below it on both at the end, with reliable improvement', () => {
    expect(pairedOutcome(true, depression(15, 11, 6), anxiety(12, 9, 5))).toEqual({
      casenessAtStart: true,
      recovered: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
    });
  });

  it('not recovered while the GAD-7 is still at caseness (8), though both improved reliably', () => {
    expect(pairedOutcome(true, depression(15, 6), anxiety(12, 8))).toEqual({
      casenessAtStart: true,
      recovered: false,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: false,
    });
  });

  it('recovered with one point under caseness on each, but not reliably when neither changed enough', () => {
    expect(pairedOutcome(true, depression(10, 9), anxiety(8, 7))).toEqual({
      casenessAtStart: true,
      recovered: true,
      reliableImprovement: false,
      reliableDeterioration: false,
      reliableRecovery: false,
    });
  });

  it('a case not finished has caseness at the start but no recovery or change verdict yet', () => {
    expect(pairedOutcome(false, depression(15, 6), anxiety(12, 5))).toEqual({
      casenessAtStart: true,
      recovered: false,
      reliableImprovement: false,
      reliableDeterioration: false,
      reliableRecovery: false,
    });
  });

  it('fewer than two administrations of either measure: everything unknown', () => {
    const unknown = { casenessAtStart: null, recovered: null, reliableImprovement: null, reliableDeterioration: null, reliableRecovery: null };
    expect(pairedOutcome(true, depression(15, 6), anxiety(12))).toEqual(unknown);
    expect(pairedOutcome(true, depression(15), anxiety(12, 5))).toEqual(unknown);
    expect(pairedOutcome(true, depression(), anxiety())).toEqual(unknown);
  });

  it('reliable improvement on one and reliable deterioration on the other is neither', () => {
    expect(pairedOutcome(true, depression(16, 8), anxiety(5, 10))).toEqual({
      casenessAtStart: true,
      recovered: false,
      reliableImprovement: false,
      reliableDeterioration: false,
      reliableRecovery: false,
    });
  });

  it('reliable deterioration: a reliable rise on one and none on the other', () => {
    expect(pairedOutcome(true, depression(5, 12), anxiety(4, 6))).toEqual({
      casenessAtStart: false,
      recovered: false,
      reliableImprovement: false,
      reliableDeterioration: true,
      reliableRecovery: false,
    });
  });

  it('below caseness at the start cannot recover, though it can improve reliably (exactly 6 on the PHQ-9)', () => {
    expect(pairedOutcome(true, depression(8, 2), anxiety(6, 5))).toEqual({
      casenessAtStart: false,
      recovered: false,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: false,
    });
  });

  it('caseness at the start on the GAD-7 alone counts', () => {
    expect(pairedOutcome(true, depression(4, 2), anxiety(8, 3))).toMatchObject({ casenessAtStart: true, recovered: true, reliableImprovement: true, reliableRecovery: true });
  });
});
