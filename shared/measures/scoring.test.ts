import { describe, expect, it } from 'vitest';
import { instrumentDefinitionSchema, type InstrumentDefinition } from './instrument-schema';
import { bundledInstrument } from './library';
import { checkResponses, scoreResponses, type Responses } from './scoring';

const instrument = (id: string): InstrumentDefinition => bundledInstrument(id)!;
const phq9 = instrument('phq9');
const gad7 = instrument('gad7');
const k10 = instrument('k10');
const who5 = instrument('who5');
const pss10 = instrument('pss10');
const cbi = instrument('cbi');

/**
 * Answers (option values) whose raw item sum is `sum`, filled from the first item on, for
 * instruments whose options are the whole numbers from their lowest value up, none reversed.
 */
function answersSumming(definition: InstrumentDefinition, sum: number): number[] {
  const values = definition.options.map((option) => option.value);
  const [lowest, highest] = [Math.min(...values), Math.max(...values)];
  let extra = sum - lowest * definition.items.length;
  return definition.items.map(() => {
    const add = Math.min(extra, highest - lowest);
    extra -= add;
    return lowest + add;
  });
}

const score = (definition: InstrumentDefinition, responses: Responses) => scoreResponses(definition, responses).score;

describe('bands, on both sides of every boundary', () => {
  const cases: [InstrumentDefinition, number, string, boolean | null][] = [
    [phq9, 0, 'minimal', false],
    [phq9, 4, 'minimal', false],
    [phq9, 5, 'mild', false],
    [phq9, 9, 'mild', false],
    [phq9, 10, 'moderate', true],
    [phq9, 14, 'moderate', true],
    [phq9, 15, 'moderately_severe', true],
    [phq9, 19, 'moderately_severe', true],
    [phq9, 20, 'severe', true],
    [phq9, 27, 'severe', true],
    [gad7, 0, 'minimal', false],
    [gad7, 4, 'minimal', false],
    [gad7, 5, 'mild', false],
    [gad7, 7, 'mild', false],
    [gad7, 8, 'mild', true],
    [gad7, 9, 'mild', true],
    [gad7, 10, 'moderate', true],
    [gad7, 14, 'moderate', true],
    [gad7, 15, 'severe', true],
    [gad7, 21, 'severe', true],
    [k10, 10, 'low', null],
    [k10, 15, 'low', null],
    [k10, 16, 'moderate', null],
    [k10, 21, 'moderate', null],
    [k10, 22, 'high', null],
    [k10, 29, 'high', null],
    [k10, 30, 'very_high', null],
    [k10, 50, 'very_high', null],
  ];
  it.each(cases.map(([definition, total, band, caseness]) => [definition.id, total, band, caseness, definition] as const))(
    '%s total %i is %s (caseness %s)',
    (_id, total, band, caseness, definition) => {
      const responses = answersSumming(definition, total);
      expect(scoreResponses(definition, responses)).toEqual({
        score: { total, band, caseness, subscales: null },
        complete: true,
        alerts: definition.id === 'phq9' && responses[8]! > 0 ? ['phq9_item9'] : [],
      });
    },
  );

  // PSS-10: items 4, 5, 7 and 8 are reversed, so the answers that give a total are chosen by hand.
  const pssCases: [number[], number, string][] = [
    [[0, 0, 0, 4, 4, 0, 4, 4, 0, 0], 0, 'low'],
    [[4, 4, 4, 4, 4, 0, 4, 4, 1, 0], 13, 'low'],
    [[4, 4, 4, 4, 4, 0, 4, 4, 2, 0], 14, 'moderate'],
    [[4, 4, 4, 0, 0, 4, 4, 4, 2, 0], 26, 'moderate'],
    [[4, 4, 4, 0, 0, 4, 4, 4, 3, 0], 27, 'high'],
    [[4, 4, 4, 0, 0, 4, 0, 0, 4, 4], 40, 'high'],
  ];
  it.each(pssCases)('pss10 answers %j total %i, %s', (responses, total, band) => {
    expect(score(pss10, responses)).toEqual({ total, band, caseness: null, subscales: null });
  });

  const whoCases: [number, number, string][] = [
    [0, 0, 'poor_wellbeing'],
    [12, 48, 'poor_wellbeing'],
    [13, 52, 'adequate'],
    [25, 100, 'adequate'],
  ];
  it.each(whoCases)('who5 raw %i is %i percent, %s', (raw, total, band) => {
    expect(score(who5, answersSumming(who5, raw))).toEqual({ total, band, caseness: null, subscales: null });
  });

  it('the CBI: a subscale mean of exactly 50 is high, the next mean below it is not', () => {
    // Personal: six "Sometimes" (50) → 50; five "Sometimes" and one "Seldom" (25) → 45.83.
    const personalAt50 = [2, 2, 2, 2, 2, 2];
    const personalBelow = [2, 2, 2, 2, 2, 3];
    const rest = Array<number | null>(13).fill(null);
    expect(score(cbi, [...personalAt50, ...rest]).subscales!.personal).toEqual({ score: 50, band: 'high' });
    const below = score(cbi, [...personalBelow, ...rest]).subscales!.personal!;
    expect(below.score).toBeCloseTo(275 / 6, 10);
    expect(below.band).toBe('not_high');
  });
});

describe('the ends of each range', () => {
  const lowestAndHighest = (definition: InstrumentDefinition) => {
    const values = definition.options.map((option) => option.value);
    return [Math.min(...values), Math.max(...values)] as const;
  };
  it.each([phq9, gad7, k10, who5].map((definition) => [definition.id, definition] as const))('%s: every lowest answer is the range minimum, every highest its maximum', (_id, definition) => {
    const [low, high] = lowestAndHighest(definition);
    expect(score(definition, definition.items.map(() => low)).total).toBe(definition.range.min);
    expect(score(definition, definition.items.map(() => high)).total).toBe(definition.range.max);
  });

  it('cbi: "Never" everywhere but the reversed item is 0 on every subscale; "Always" is 100', () => {
    const never = cbi.items.map((item) => (item.reversed ? 0 : 4));
    const always = cbi.items.map((item) => (item.reversed ? 4 : 0));
    expect(score(cbi, never).subscales).toEqual({ personal: { score: 0, band: 'not_high' }, work: { score: 0, band: 'not_high' }, client: { score: 0, band: 'not_high' } });
    expect(score(cbi, always).subscales).toEqual({ personal: { score: 100, band: 'high' }, work: { score: 100, band: 'high' }, client: { score: 100, band: 'high' } });
  });
});

describe('reverse scoring', () => {
  it('PSS-10: "Never" on every item counts 4 on items 4, 5, 7 and 8 only', () => {
    expect(score(pss10, Array(10).fill(0)).total).toBe(16);
    expect(score(pss10, Array(10).fill(4)).total).toBe(24);
  });

  it.each([4, 5, 7, 8])('PSS-10 item %i: "Very often" counts 0, "Never" counts 4', (number) => {
    const base = Array(10).fill(0);
    const veryOften = base.map((value, index) => (index === number - 1 ? 4 : value));
    expect(score(pss10, veryOften).total).toBe(12);
  });

  it.each([1, 2, 3, 6, 9, 10])('PSS-10 item %i is not reversed: "Very often" counts 4', (number) => {
    const veryOften = Array(10).fill(0).map((value, index) => (index === number - 1 ? 4 : value));
    expect(score(pss10, veryOften).total).toBe(20);
  });

  it('CBI: enough energy for family and friends "Always" counts 0, "Never" counts 100', () => {
    const work = (leisure: number) => [...Array(6).fill(null), 0, 0, 0, 0, 0, 0, leisure, ...Array(6).fill(null)];
    expect(score(cbi, work(0)).subscales!.work!.score).toBeCloseTo(600 / 7, 10);
    expect(score(cbi, work(4)).subscales!.work!.score).toBe(100);
    expect(score(cbi, work(1)).subscales!.work!.score).toBeCloseTo(625 / 7, 10);
  });
});

describe('prorating missing items', () => {
  /** Answers summing `sum` with the items at `missing` (0-based) left unanswered. */
  const withMissing = (definition: InstrumentDefinition, sum: number, missing: number[]): Responses => {
    const answered = definition.items.length - missing.length;
    const shorter = answersSumming({ ...definition, items: definition.items.slice(0, answered) }, sum);
    const out: (number | null)[] = [];
    for (let index = 0; index < definition.items.length; index += 1) out.push(missing.includes(index) ? null : shorter.shift()!);
    return out;
  };

  const cases: [InstrumentDefinition, number, number[], number, string, boolean | null][] = [
    // PHQ-9, one missing: 4 × 9/8 = 4.5 rounds up to 5, mild.
    [phq9, 4, [0], 5, 'mild', false],
    [phq9, 3, [8], 3, 'minimal', false],
    [phq9, 12, [4], 14, 'moderate', true], // 13.5 → 14
    [phq9, 20, [2], 23, 'severe', true], // 22.5 → 23
    // PHQ-9, two missing: n/a is 9/7, never an exact half.
    [phq9, 7, [0, 1], 9, 'mild', false],
    [phq9, 3, [0, 8], 4, 'minimal', false], // 3.857 → 4
    [phq9, 8, [3, 5], 10, 'moderate', true], // 10.29 → 10
    // GAD-7, one missing: 3 × 7/6 = 3.5 → 4, 9 × 7/6 = 10.5 → 11.
    [gad7, 3, [6], 4, 'minimal', false],
    [gad7, 9, [0], 11, 'moderate', true],
    [gad7, 6, [2], 7, 'mild', false],
    [gad7, 7, [2], 8, 'mild', true], // 8.17 → 8: at caseness
    // K10, one missing: 14 × 10/9 = 15.56 → 16, moderate.
    [k10, 9, [9], 10, 'low', null],
    [k10, 14, [0], 16, 'moderate', null],
    [k10, 45, [5], 50, 'very_high', null],
  ];
  it.each(cases.map(([definition, sum, missing, total, band, caseness]) => [definition.id, sum, missing, total, band, caseness, definition] as const))(
    '%s: answers summing %i with items %j missing prorate to %i (%s, caseness %s)',
    (_id, sum, missing, total, band, caseness, definition) => {
      const scored = scoreResponses(definition, withMissing(definition, sum, missing));
      expect(scored.score).toEqual({ total, band, caseness, subscales: null });
      expect(scored.complete).toBe(true);
    },
  );

  it('PSS-10, one missing, prorates the reversed scores: 12 × 10/9 = 13.3 → 13 low, 13 × 10/9 = 14.4 → 14 moderate', () => {
    // Items 4, 5, 7, 8 answered "Very often" count 0; item 10 is missing.
    expect(score(pss10, [4, 4, 4, 4, 4, 0, 4, 4, 0, null])).toEqual({ total: 13, band: 'low', caseness: null, subscales: null });
    expect(score(pss10, [4, 4, 4, 4, 4, 1, 4, 4, 0, null])).toEqual({ total: 14, band: 'moderate', caseness: null, subscales: null });
  });

  const incomplete: [InstrumentDefinition, number[]][] = [
    [phq9, [0, 4, 8]],
    [gad7, [1, 2]],
    [k10, [0, 9]],
    [pss10, [3, 4]],
    [who5, [2]],
  ];
  it.each(incomplete.map(([definition, missing]) => [definition.id, missing, definition] as const))('%s with items %j missing is incomplete: no total, band or caseness', (_id, missing, definition) => {
    const responses = definition.items.map((_item, index) => (missing.includes(index) ? null : definition.options[1]!.value));
    expect(scoreResponses(definition, responses)).toEqual({ score: { total: null, band: null, caseness: null, subscales: null }, complete: false, alerts: [] });
  });

  it('nothing answered is incomplete, even where nothing is allowed missing', () => {
    expect(scoreResponses(gad7, Array(7).fill(null)).complete).toBe(false);
    expect(scoreResponses(who5, Array(5).fill(null)).score.total).toBeNull();
  });
});

describe('the CBI subscales', () => {
  const none = () => Array<number | null>(19).fill(null);

  it('mean of the answered items, each option counting 100, 75, 50, 25 or 0', () => {
    const responses = none();
    [0, 1, 2, 3, 4, 0].forEach((value, index) => (responses[index] = value)); // 100 75 50 25 0 100
    [2, 2, 2, 2, 2, 2].forEach((value, index) => (responses[13 + index] = value));
    const scored = scoreResponses(cbi, responses);
    expect(scored.score.total).toBeNull();
    expect(scored.score.subscales!.personal!.score).toBeCloseTo(350 / 6, 10);
    expect(scored.score.subscales!.personal!.band).toBe('high');
    expect(scored.score.subscales!.client).toEqual({ score: 50, band: 'high' });
    expect(scored.score.subscales!.work).toEqual({ score: null, band: null });
    expect(scored.complete).toBe(false);
  });

  it('work (7 items): 4 answered are scored, 3 are not', () => {
    const four = none();
    [6, 7, 8, 9].forEach((index) => (four[index] = 3)); // 25 each
    expect(score(cbi, four).subscales!.work).toEqual({ score: 25, band: 'not_high' });
    const three = none();
    [6, 7, 8].forEach((index) => (three[index] = 3));
    expect(score(cbi, three).subscales!.work).toEqual({ score: null, band: null });
  });

  it('personal (6 items): 3 answered are scored, 2 are not', () => {
    const three = none();
    [0, 2, 4].forEach((index) => (three[index] = 1)); // 75 each
    expect(score(cbi, three).subscales!.personal).toEqual({ score: 75, band: 'high' });
    const two = none();
    [0, 2].forEach((index) => (two[index] = 1));
    expect(score(cbi, two).subscales!.personal).toEqual({ score: null, band: null });
  });

  it('is complete when every subscale has enough answers', () => {
    const responses = none();
    [0, 1, 2, 6, 7, 8, 9, 13, 14, 15].forEach((index) => (responses[index] = 2));
    expect(scoreResponses(cbi, responses)).toEqual({
      score: { total: null, band: null, caseness: null, subscales: { personal: { score: 50, band: 'high' }, work: { score: 50, band: 'high' }, client: { score: 50, band: 'high' } } },
      complete: true,
      alerts: [],
    });
  });

  it('counts "at least this fraction" as written, free of floating-point error (55 of 100 items is 0.55)', () => {
    const hundred = instrumentDefinitionSchema.parse({
      ...structuredClone(cbi),
      id: 'long_scale',
      items: Array.from({ length: 100 }, (_unused, index) => ({ number: index + 1, text: { en: `Item ${index + 1}`, id: `Butir ${index + 1}` } })),
      scoring: { kind: 'subscale_mean', minAnsweredFraction: 0.55, subscales: [{ id: 'all', label: { en: 'All', id: 'Semua' }, items: Array.from({ length: 100 }, (_unused, index) => index + 1) }] },
    });
    const answered = (count: number) => Array.from({ length: 100 }, (_unused, index) => (index < count ? 2 : null));
    expect(score(hundred, answered(55)).subscales!.all!.score).toBe(50);
    expect(score(hundred, answered(54)).subscales!.all!.score).toBeNull();
  });
});

describe('the PHQ-9 item 9 alert', () => {
  const withItem9 = (value: number | null) => [0, 0, 0, 0, 0, 0, 0, 0, value];
  it('is not raised when item 9 is "Not at all"', () => expect(scoreResponses(phq9, withItem9(0)).alerts).toEqual([]));
  it.each([1, 2, 3])('is raised when item 9 is %i', (value) => expect(scoreResponses(phq9, withItem9(value)).alerts).toEqual(['phq9_item9']));
  it('is not raised when item 9 is unanswered', () => expect(scoreResponses(phq9, withItem9(null)).alerts).toEqual([]));
  it('is raised even when the administration is incomplete', () => {
    const scored = scoreResponses(phq9, [null, null, null, 0, 0, 0, 0, 0, 2]);
    expect(scored.complete).toBe(false);
    expect(scored.alerts).toEqual(['phq9_item9']);
  });
  it('no other instrument raises an alert at its highest answers', () => {
    for (const definition of [gad7, k10, who5, pss10, cbi]) {
      const highest = Math.max(...definition.options.map((option) => option.value));
      expect(scoreResponses(definition, definition.items.map(() => highest)).alerts).toEqual([]);
    }
  });
});

describe('checkResponses', () => {
  it('accepts one option value or null per item', () => {
    expect(checkResponses(phq9, [0, 1, 2, 3, null, null, 0, 1, 2])).toEqual([]);
    expect(checkResponses(k10, [1, 2, 3, 4, 5, null, 1, 1, 1, 1])).toEqual([]);
  });

  it('refuses a list of the wrong length as a whole', () => {
    expect(checkResponses(phq9, [0, 0, 0])).toEqual([{ path: 'responses', message: 'responses_count' }]);
    expect(checkResponses(gad7, Array(8).fill(0))).toEqual([{ path: 'responses', message: 'responses_count' }]);
  });

  it('names each answer that is not an option', () => {
    expect(checkResponses(phq9, [0, 4, 0, -1, 0, 0, 0, 0, 1.5])).toEqual([
      { path: 'responses.1', message: 'response_not_an_option' },
      { path: 'responses.3', message: 'response_not_an_option' },
      { path: 'responses.8', message: 'response_not_an_option' },
    ]);
    // K10 starts at 1; the CBI records the option's index, not its score.
    expect(checkResponses(k10, [0, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([{ path: 'responses.0', message: 'response_not_an_option' }]);
    expect(checkResponses(cbi, [100, ...Array(18).fill(0)])).toEqual([{ path: 'responses.0', message: 'response_not_an_option' }]);
  });
});
