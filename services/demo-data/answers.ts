import { optionScore, type InstrumentDefinition } from '../../shared/measures/instrument-schema';
import { scoreResponses, type Responses } from '../../shared/measures/scoring';
import type { Random } from './random';

/**
 * Item-by-item answers to a questionnaire for a severity the course has reached, made the
 * other way round from scoring: the severity becomes a number of steps up the items'
 * answer scales (each item's options ranked by what they score, reversed items turned
 * round), spread over the items at random, then each item's step becomes the option value
 * a client would tick. So the PHQ-9 total asked for is the total `scoreResponses` gives
 * back, and every other instrument follows the same severity with a little noise.
 */
export interface AnswerModel {
  instrument: InstrumentDefinition;
  /** Per item, the option values from the lowest item score to the highest. */
  ranked: number[][];
  /** Items an alert watches (PHQ-9 item 9), as indexes: answered at their lowest unless the course says otherwise. */
  alertItems: Set<number>;
  /** The score rises with severity (higher_is_worse). */
  worseIsHigher: boolean;
}

export function answerModel(instrument: InstrumentDefinition): AnswerModel {
  const scores = instrument.options.map(optionScore);
  const [lowest, highest] = [Math.min(...scores), Math.max(...scores)];
  const ranked = instrument.items.map((item) => {
    const itemScores = scores.map((score) => (item.reversed ? lowest + highest - score : score));
    return instrument.options.map((option, i) => ({ value: option.value, score: itemScores[i]! })).sort((a, b) => a.score - b.score).map((o) => o.value);
  });
  return { instrument, ranked, alertItems: new Set(instrument.alerts.map((alert) => alert.item - 1)), worseIsHigher: instrument.direction === 'higher_is_worse' };
}

/** `steps` units spread at random over the items given (each up to its scale's top); what does not fit is dropped. */
function spread(random: Random, steps: number[], items: readonly number[], maxStep: (item: number) => number, units: number): void {
  const open = items.filter((item) => steps[item]! < maxStep(item));
  for (let left = units; left > 0 && open.length > 0; left--) {
    const at = Math.floor(random.next() * open.length);
    const item = open[at]!;
    steps[item]! += 1;
    if (steps[item] === maxStep(item)) open.splice(at, 1);
  }
}

/**
 * Answers whose steps add up to `units` over the non-alert items (for the PHQ-9: its total,
 * less item 9), with the alert items at `alertAnswer` (an option value) or their lowest.
 */
export function answersFor(model: AnswerModel, random: Random, units: number, alertAnswer: number | null = null): (number | null)[] {
  const { ranked, alertItems } = model;
  const steps = ranked.map(() => 0);
  const free = ranked.map((_, i) => i).filter((i) => !alertItems.has(i));
  spread(random, steps, free, (i) => ranked[i]!.length - 1, units);
  return ranked.map((values, i) => (alertItems.has(i) ? (alertAnswer ?? values[0]!) : values[steps[i]!]!));
}

/**
 * Answers for a severity from 0 (none) to 1 (the worst) on an instrument other than the
 * PHQ-9: its share of the steps up the scales (or down, where a higher score is better),
 * within each subscale for the CBI. `noise` is a share of the scale added at random.
 */
export function answersForSeverity(model: AnswerModel, random: Random, severity: number, noise: number): (number | null)[] {
  const { instrument, ranked } = model;
  const share = (s: number) => Math.min(1, Math.max(0, s + (random.next() * 2 - 1) * noise));
  const target = model.worseIsHigher ? severity : 1 - severity;
  if (instrument.scoring.kind === 'subscale_mean') {
    const steps = ranked.map(() => 0);
    for (const subscale of instrument.scoring.subscales) {
      const items = subscale.items.map((n) => n - 1);
      const top = items.reduce((sum, i) => sum + ranked[i]!.length - 1, 0);
      spread(random, steps, items, (i) => ranked[i]!.length - 1, Math.round(share(target) * top));
    }
    return ranked.map((values, i) => values[steps[i]!]!);
  }
  const top = ranked.reduce((sum, values, i) => sum + (model.alertItems.has(i) ? 0 : values.length - 1), 0);
  return answersFor(model, random, Math.round(share(target) * top));
}

/**
 * Now and then an item left unanswered, as far as the scoring allows and only where it
 * changes no total: the prorated score is the one the answers had. The alert items are
 * always answered. Answers are changed in place.
 */
export function leaveOneUnanswered(model: AnswerModel, random: Random, answers: (number | null)[]): void {
  const { instrument } = model;
  const scoring = instrument.scoring;
  const candidates = answers.map((_, i) => i).filter((i) => !model.alertItems.has(i));
  if (scoring.kind === 'sum') {
    if (scoring.maxMissing === 0) return;
    const before = scoreResponses(instrument, answers as Responses).score.total;
    for (let tries = 0; tries < 3; tries++) {
      const item = random.pick(candidates);
      const value = answers[item]!;
      answers[item] = null;
      if (scoreResponses(instrument, answers as Responses).score.total === before) return;
      answers[item] = value;
    }
    return;
  }
  // A subscale is scored from half its items: one left out of a subscale of six or seven never stops it.
  answers[random.pick(candidates)] = null;
}
