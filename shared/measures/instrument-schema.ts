import { z } from 'zod';

/**
 * What an outcome-measure instrument is, as data. Every bundled instrument is one JSON file
 * in `shared/measures/instruments/` checked by this schema, and so is every instrument file
 * a clinic admin adds (one the clinic holds a licence for). Scoring reads nothing else: an
 * instrument's rules live in its file, the arithmetic in `scoring.ts`.
 *
 * Error messages are codes, translated under `validation.*`, so an admin adding a file is
 * told which field is wrong in their language.
 */

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'instrument_identifier_format' });

/** A text in both of the app's languages. */
export const localizedSchema = z
  .object({
    en: z.string().trim().min(1, { message: 'required' }).max(2000),
    id: z.string().trim().min(1, { message: 'required' }).max(2000),
  })
  .strict();
export type Localized = z.infer<typeof localizedSchema>;

export const responseOptionSchema = z
  .object({
    /** What is recorded for this answer: the number a paper form prints (for the CBI, the option's index). */
    value: z.number().int().min(0).max(1000),
    /** What the answer counts for when scored, if not its value (the CBI's 100, 75, 50, 25, 0). */
    score: z.number().min(-1000).max(1000).optional(),
    label: localizedSchema,
  })
  .strict();
export type ResponseOption = z.infer<typeof responseOptionSchema>;

export const itemSchema = z
  .object({
    number: z.number().int().min(1),
    text: localizedSchema,
    /** Scored the other way round: the highest option counts as the lowest. */
    reversed: z.boolean().default(false),
    /**
     * Other words for the same options, in the same order (the CBI asks some questions by
     * frequency, "Always … Never", and some by degree, "To a very high degree … To a very low degree").
     */
    optionLabels: z.array(localizedSchema).optional(),
  })
  .strict();

/**
 * Bands are thresholds, lowest first: a score is in the last band whose `min` it reaches.
 * So they cover the whole range with no gaps, for whole-number totals and means alike.
 */
export const bandSchema = z.object({ id: identifier, min: z.number(), label: localizedSchema }).strict();
export type Band = z.infer<typeof bandSchema>;

const subscaleSchema = z
  .object({
    id: identifier,
    label: localizedSchema,
    /** Item numbers. */
    items: z.array(z.number().int().min(1)).min(1),
  })
  .strict();

/** The total is the sum of item scores times `multiplier`; up to `maxMissing` unanswered items are prorated. */
const sumScoringSchema = z
  .object({
    kind: z.literal('sum'),
    multiplier: z.number().positive().default(1),
    /** 0: every item is needed. Otherwise round half up of (sum × items ÷ answered) when at most this many are missing. */
    maxMissing: z.number().int().min(0),
  })
  .strict();

/** No total: each subscale's score is the mean of its answered items, given enough of them are answered. */
const subscaleMeanScoringSchema = z
  .object({
    kind: z.literal('subscale_mean'),
    subscales: z.array(subscaleSchema).min(1),
    /** A subscale is scored when at least this fraction of its items is answered (0.5: at least half). */
    minAnsweredFraction: z.number().gt(0).max(1),
  })
  .strict();

export const scoringRuleSchema = z.discriminatedUnion('kind', [sumScoringSchema, subscaleMeanScoringSchema]);

/** An answer that needs the counsellor at once (PHQ-9 item 9: thoughts of self-harm). */
const alertRuleSchema = z
  .object({
    id: identifier,
    item: z.number().int().min(1),
    /** The alert is raised when the item's recorded value is above this. */
    above: z.number(),
    label: localizedSchema,
  })
  .strict();

export const instrumentDefinitionSchema = z
  .object({
    id: identifier,
    version: z.string().trim().min(1, { message: 'required' }).max(40),
    /** As clinicians say it: "PHQ-9". */
    shortName: z.string().trim().min(1, { message: 'required' }).max(40),
    name: localizedSchema,
    instructions: localizedSchema,
    recallPeriod: localizedSchema,
    items: z.array(itemSchema).min(1).max(200),
    options: z.array(responseOptionSchema).min(2).max(20),
    scoring: scoringRuleSchema,
    /** The range of the total (sum) or of each subscale (subscale_mean), after any multiplier. */
    range: z.object({ min: z.number(), max: z.number() }).strict(),
    direction: z.enum(['higher_is_worse', 'higher_is_better']),
    bands: z.array(bandSchema).min(1),
    /** A score at or above this is a clinical case (the PHQ-9's 10); null where the instrument sets none. */
    casenessAtLeast: z.number().nullable(),
    /** The smallest change that is more than measurement error; null where none is published. */
    reliableChange: z.number().positive().nullable(),
    alerts: z.array(alertRuleSchema).default([]),
    citation: z.string().trim().min(1, { message: 'required' }).max(2000),
    licence: localizedSchema,
    /** The Indonesian text: a published validated version (cited), or a working translation of our own. */
    indonesian: z.discriminatedUnion('status', [
      z.object({ status: z.literal('validated'), citation: z.string().trim().min(1, { message: 'required' }).max(2000) }).strict(),
      z.object({ status: z.literal('working_translation') }).strict(),
    ]),
  })
  .strict()
  .superRefine((instrument, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    const itemNumbers = instrument.items.map((item) => item.number);
    instrument.items.forEach((item, index) => {
      if (item.number !== index + 1) issue(['items', index, 'number'], 'items_numbered_in_order');
    });
    instrument.items.forEach((item, index) => {
      if (item.optionLabels && item.optionLabels.length !== instrument.options.length) issue(['items', index, 'optionLabels'], 'option_labels_count');
    });
    const values = instrument.options.map((option) => option.value);
    if (new Set(values).size !== values.length) issue(['options'], 'option_values_repeated');
    // A range upside down is one mistake: the checks that measure bands and caseness against it would only repeat it.
    const rangeReversed = instrument.range.min >= instrument.range.max;
    if (rangeReversed) issue(['range'], 'range_reversed');

    const scores = instrument.options.map(optionScore);
    const [lowest, highest] = [Math.min(...scores), Math.max(...scores)];
    if (instrument.scoring.kind === 'sum') {
      const multiplier = instrument.scoring.multiplier;
      const count = instrument.items.length;
      if (!rangeReversed && (instrument.range.min !== lowest * count * multiplier || instrument.range.max !== highest * count * multiplier)) {
        issue(['range'], 'range_not_items');
      }
      if (instrument.scoring.maxMissing >= count) issue(['scoring', 'maxMissing'], 'too_many_missing_allowed');
      // Prorating rounds in whole numbers (see scoring.ts).
      if (instrument.scoring.maxMissing > 0 && !scores.every(Number.isInteger)) issue(['options'], 'prorating_needs_whole_scores');
    } else {
      if (!rangeReversed && (instrument.range.min !== lowest || instrument.range.max !== highest)) issue(['range'], 'range_not_items');
      const seen = new Set<number>();
      instrument.scoring.subscales.forEach((subscale, index) => {
        for (const number of subscale.items) {
          if (!itemNumbers.includes(number)) issue(['scoring', 'subscales', index, 'items'], 'unknown_item');
          if (seen.has(number)) issue(['scoring', 'subscales', index, 'items'], 'item_in_two_subscales');
          seen.add(number);
        }
      });
      // Every item in some subscale (counting `seen` would let an unknown number stand in for a missing one).
      if (itemNumbers.some((number) => !seen.has(number))) issue(['scoring', 'subscales'], 'item_in_no_subscale');
    }

    instrument.bands.forEach((band, index) => {
      const previous = instrument.bands[index - 1];
      if (!rangeReversed && index === 0 && band.min !== instrument.range.min) issue(['bands', 0, 'min'], 'bands_start_at_range');
      if (previous && band.min <= previous.min) issue(['bands', index, 'min'], 'bands_not_rising');
      if (!rangeReversed && band.min > instrument.range.max) issue(['bands', index, 'min'], 'band_outside_range');
    });
    if (new Set(instrument.bands.map((band) => band.id)).size !== instrument.bands.length) issue(['bands'], 'band_ids_repeated');
    if (!rangeReversed && instrument.casenessAtLeast !== null && (instrument.casenessAtLeast <= instrument.range.min || instrument.casenessAtLeast > instrument.range.max)) {
      issue(['casenessAtLeast'], 'caseness_outside_range');
    }
    instrument.alerts.forEach((alert, index) => {
      if (!itemNumbers.includes(alert.item)) issue(['alerts', index, 'item'], 'unknown_item');
    });
  });

export type InstrumentDefinition = z.output<typeof instrumentDefinitionSchema>;

/** What an answer counts for when scored (before any reversal). */
export function optionScore(option: ResponseOption): number {
  return option.score ?? option.value;
}
