import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InstrumentDefinition } from './instrument-schema';
import { BUNDLED_INSTRUMENTS, bundledInstrument } from './library';
import { pairedOutcome, type TotalAt } from './outcomes';
import { checkResponses, scoreResponses } from './scoring';

/** Fixed, so a failure found once is found again on every machine. */
const RUNS = { seed: 20250312, numRuns: 600 } as const;

/** Missing items an administration may have and still be scored (for the CBI: any, subscale by subscale). */
const allowedMissing = (instrument: InstrumentDefinition) =>
  instrument.scoring.kind === 'sum' ? instrument.scoring.maxMissing : instrument.items.length;

/**
 * Any answers to the instrument, with at most the allowed number of items left unanswered.
 * Answers lean to the first and last options, where a wrong total would leave the range.
 */
const answersTo = (instrument: InstrumentDefinition) => {
  const count = instrument.items.length;
  const last = instrument.options.length - 1;
  const pick = fc.oneof(fc.constant(0), fc.constant(last), fc.nat({ max: last }));
  return fc
    .record({
      picks: fc.oneof(
        fc.array(pick, { minLength: count, maxLength: count }),
        pick.map((one) => Array<number>(count).fill(one)),
      ),
      missing: fc.uniqueArray(fc.nat({ max: count - 1 }), { maxLength: allowedMissing(instrument) }),
    })
    .map(({ picks, missing }) => picks.map((pick, index) => (missing.includes(index) ? null : instrument.options[pick]!.value)));
};

describe('every score of every bundled instrument lies within its range', () => {
  it.each(BUNDLED_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const))('%s', (_id, instrument) => {
    const bandIds = instrument.bands.map((band) => band.id);
    fc.assert(
      fc.property(answersTo(instrument), (responses) => {
        expect(checkResponses(instrument, responses)).toEqual([]);
        const { score, complete } = scoreResponses(instrument, responses);
        if (instrument.scoring.kind === 'sum') {
          expect(complete).toBe(true);
          expect(score.total).not.toBeNull();
          expect(score.total!).toBeGreaterThanOrEqual(instrument.range.min);
          expect(score.total!).toBeLessThanOrEqual(instrument.range.max);
          expect(bandIds).toContain(score.band);
        } else {
          for (const subscale of Object.values(score.subscales!)) {
            if (subscale.score === null) continue;
            expect(subscale.score).toBeGreaterThanOrEqual(instrument.range.min);
            expect(subscale.score).toBeLessThanOrEqual(instrument.range.max);
            expect(bandIds).toContain(subscale.band);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('paired outcomes are consistent', () => {
  const phq9 = bundledInstrument('phq9')!;
  const gad7 = bundledInstrument('gad7')!;
  // Totals lean low as well as spanning the range, so histories below caseness throughout are common too.
  const totalsWithin = (max: number) =>
    fc
      .array(fc.oneof(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 9 })), { maxLength: 5 })
      .map((values): TotalAt[] => values.map((total, index) => ({ administrationId: index + 1, administeredAt: `2025-01-0${index + 1}T09:00`, total })));
  const histories = fc.record({ finished: fc.boolean(), depression: totalsWithin(27), anxiety: totalsWithin(21) });
  const outcomeOf = ({ finished, depression, anxiety }: { finished: boolean; depression: TotalAt[]; anxiety: TotalAt[] }) =>
    pairedOutcome(finished, { instrument: phq9, totals: depression }, { instrument: gad7, totals: anxiety });

  it('recovered only from caseness at the start', () => {
    fc.assert(fc.property(histories, (history) => !outcomeOf(history).recovered || outcomeOf(history).casenessAtStart === true), RUNS);
  });

  it('reliable recovery is recovery with reliable improvement', () => {
    fc.assert(
      fc.property(histories, (history) => {
        const outcome = outcomeOf(history);
        return !outcome.reliableRecovery || (outcome.recovered === true && outcome.reliableImprovement === true);
      }),
      RUNS,
    );
  });

  it('never both reliable improvement and reliable deterioration', () => {
    fc.assert(fc.property(histories, (history) => !(outcomeOf(history).reliableImprovement && outcomeOf(history).reliableDeterioration)), RUNS);
  });

  it('everything is unknown exactly when a measure has fewer than two administrations', () => {
    fc.assert(
      fc.property(histories, (history) => {
        const unknown = history.depression.length < 2 || history.anxiety.length < 2;
        return Object.values(outcomeOf(history)).every((value) => (value === null) === unknown);
      }),
      RUNS,
    );
  });
});
