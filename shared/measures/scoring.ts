import { optionScore, type Band, type InstrumentDefinition } from './instrument-schema';

/**
 * The one place totals, bands, caseness and alerts are computed from item answers. Answers
 * are stored as given; everything here is derived from them again whenever it is shown,
 * reported or exported, so a corrected rule corrects every past score too.
 */

/** Option values in item order; null for an item not answered. */
export type Responses = readonly (number | null)[];

export interface SubscaleScore {
  score: number | null;
  band: string | null;
}

export interface MeasureScore {
  /** Null for an incomplete administration (too many items missing) and for instruments scored by subscale only. */
  total: number | null;
  band: string | null;
  /** Null where the instrument sets no caseness threshold, or there is no total. */
  caseness: boolean | null;
  /** Null for instruments with no subscales. */
  subscales: Record<string, SubscaleScore> | null;
}

export interface ScoredAdministration {
  score: MeasureScore;
  /** Every score the instrument defines could be computed. */
  complete: boolean;
  /** Ids of the alert rules the answers raise (whatever else is missing). */
  alerts: string[];
}

/** A problem with the answers, as a field issue: `responses.<index>` and a `validation.*` code. */
export interface ResponseIssue {
  path: string;
  message: 'responses_count' | 'response_not_an_option';
}

/** Answers that fit the instrument: one per item, each null or one of its option values. */
export function checkResponses(instrument: InstrumentDefinition, responses: Responses): ResponseIssue[] {
  if (responses.length !== instrument.items.length) return [{ path: 'responses', message: 'responses_count' }];
  const values = new Set(instrument.options.map((option) => option.value));
  return responses.flatMap((value, index) =>
    value === null || values.has(value) ? [] : [{ path: `responses.${index}`, message: 'response_not_an_option' as const }],
  );
}

/** Scores answers that passed `checkResponses`. */
export function scoreResponses(instrument: InstrumentDefinition, responses: Responses): ScoredAdministration {
  const itemScores = responses.map((value, index) => itemScore(instrument, index, value));
  const alerts = instrument.alerts
    .filter((alert) => {
      const value = responses[alert.item - 1];
      return value !== null && value !== undefined && value > alert.above;
    })
    .map((alert) => alert.id);
  const { scoring } = instrument;

  if (scoring.kind === 'sum') {
    const total = proratedSum(itemScores, scoring.maxMissing);
    const scaled = total === null ? null : total * scoring.multiplier;
    return {
      score: {
        total: scaled,
        band: scaled === null ? null : bandOf(instrument.bands, scaled),
        caseness: scaled === null || instrument.casenessAtLeast === null ? null : scaled >= instrument.casenessAtLeast,
        subscales: null,
      },
      complete: scaled !== null,
      alerts,
    };
  }

  const subscales: Record<string, SubscaleScore> = {};
  for (const subscale of scoring.subscales) {
    const answered = subscale.items.map((number) => itemScores[number - 1]).filter((score): score is number => score !== null && score !== undefined);
    // answered ÷ items, not fraction × items: 0.55 × 100 is 55.00000000000001 in floating point,
    // which would refuse 55 answers of 100; a quotient of whole numbers rounds like the written fraction.
    const enough = answered.length > 0 && answered.length / subscale.items.length >= scoring.minAnsweredFraction;
    const score = enough ? answered.reduce((sum, value) => sum + value, 0) / answered.length : null;
    subscales[subscale.id] = { score, band: score === null ? null : bandOf(instrument.bands, score) };
  }
  return {
    score: { total: null, band: null, caseness: null, subscales },
    complete: Object.values(subscales).every((subscale) => subscale.score !== null),
    alerts,
  };
}

/** What one answer counts for, reversed items turned round within the options' scores. */
function itemScore(instrument: InstrumentDefinition, index: number, value: number | null): number | null {
  if (value === null) return null;
  const option = instrument.options.find((candidate) => candidate.value === value);
  if (!option) throw new Error('An answer was scored without being checked against the options.');
  const score = optionScore(option);
  if (!instrument.items[index]?.reversed) return score;
  const scores = instrument.options.map(optionScore);
  return Math.min(...scores) + Math.max(...scores) - score;
}

/**
 * The sum, or with up to `maxMissing` items unanswered, round half up of
 * (sum × items ÷ answered), done in whole numbers so no floating-point error can tip a
 * half the wrong way. Null when more items are missing.
 */
function proratedSum(itemScores: readonly (number | null)[], maxMissing: number): number | null {
  const answered = itemScores.filter((score): score is number => score !== null);
  const missing = itemScores.length - answered.length;
  if (missing > maxMissing || answered.length === 0) return null;
  const sum = answered.reduce((total, score) => total + score, 0);
  if (missing === 0) return sum;
  if (!answered.every(Number.isInteger)) throw new Error('Prorating is defined for whole-number item scores only.');
  // round half up of sum·n/a  =  floor((2·sum·n + a) / (2·a))
  return Math.floor((2 * sum * itemScores.length + answered.length) / (2 * answered.length));
}

/** The last band whose threshold the score reaches. */
export function bandOf(bands: readonly Band[], score: number): string {
  let found = bands[0]!.id;
  for (const band of bands) if (score >= band.min) found = band.id;
  return found;
}
