import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import id from '../i18n/id.json';
import { instrumentDefinitionSchema } from './instrument-schema';
import { BUNDLED_INSTRUMENTS, bundledInstrument, parseInstrumentFile } from './library';
import phq9File from './instruments/phq9.json';
import cbiFile from './instruments/cbi.json';

type Json = Record<string, any>;

/** A fresh copy of a bundled file, to break one field of. */
const copyOf = (file: Json): Json => structuredClone(file);
const asText = (file: Json) => JSON.stringify(file);

describe('the bundled instruments', () => {
  it('are the six of issue 12, in order', () => {
    expect(BUNDLED_INSTRUMENTS.map((instrument) => instrument.id)).toEqual(['phq9', 'gad7', 'k10', 'who5', 'pss10', 'cbi']);
  });

  it.each(BUNDLED_INSTRUMENTS.map((instrument) => [instrument.id, instrument] as const))('%s is valid under the schema', (_id, instrument) => {
    expect(instrumentDefinitionSchema.safeParse(instrument).success).toBe(true);
  });

  it('are found by id, and an unknown id finds nothing', () => {
    expect(bundledInstrument('gad7')?.shortName).toBe('GAD-7');
    expect(bundledInstrument('bdi2')).toBeNull();
  });

  it('hold the rules of the issue', () => {
    const rules = Object.fromEntries(
      BUNDLED_INSTRUMENTS.map((instrument) => [
        instrument.id,
        {
          items: instrument.items.length,
          values: instrument.options.map((option) => option.value).sort((a, b) => a - b),
          range: [instrument.range.min, instrument.range.max],
          bands: instrument.bands.map((band) => `${band.id}@${band.min}`),
          caseness: instrument.casenessAtLeast,
          reliableChange: instrument.reliableChange,
          direction: instrument.direction,
          reversed: instrument.items.filter((item) => item.reversed).map((item) => item.number),
          scoring: instrument.scoring.kind === 'sum' ? `sum×${instrument.scoring.multiplier}, ${instrument.scoring.maxMissing} missing` : 'subscale_mean',
        },
      ]),
    );
    expect(rules).toEqual({
      phq9: {
        items: 9, values: [0, 1, 2, 3], range: [0, 27], caseness: 10, reliableChange: 6, direction: 'higher_is_worse', reversed: [],
        bands: ['minimal@0', 'mild@5', 'moderate@10', 'moderately_severe@15', 'severe@20'], scoring: 'sum×1, 2 missing',
      },
      gad7: {
        items: 7, values: [0, 1, 2, 3], range: [0, 21], caseness: 8, reliableChange: 4, direction: 'higher_is_worse', reversed: [],
        bands: ['minimal@0', 'mild@5', 'moderate@10', 'severe@15'], scoring: 'sum×1, 1 missing',
      },
      k10: {
        items: 10, values: [1, 2, 3, 4, 5], range: [10, 50], caseness: null, reliableChange: null, direction: 'higher_is_worse', reversed: [],
        bands: ['low@10', 'moderate@16', 'high@22', 'very_high@30'], scoring: 'sum×1, 1 missing',
      },
      who5: {
        items: 5, values: [0, 1, 2, 3, 4, 5], range: [0, 100], caseness: null, reliableChange: 10, direction: 'higher_is_better', reversed: [],
        bands: ['poor_wellbeing@0', 'adequate@52'], scoring: 'sum×4, 0 missing',
      },
      pss10: {
        items: 10, values: [0, 1, 2, 3, 4], range: [0, 40], caseness: null, reliableChange: null, direction: 'higher_is_worse', reversed: [4, 5, 7, 8],
        bands: ['low@0', 'moderate@14', 'high@27'], scoring: 'sum×1, 1 missing',
      },
      cbi: {
        items: 19, values: [0, 1, 2, 3, 4], range: [0, 100], caseness: null, reliableChange: null, direction: 'higher_is_worse', reversed: [13],
        bands: ['not_high@0', 'high@50'], scoring: 'subscale_mean',
      },
    });
  });

  it('raise the PHQ-9 item 9 alert only', () => {
    expect(BUNDLED_INSTRUMENTS.flatMap((instrument) => instrument.alerts.map((alert) => `${instrument.id}:${alert.id}:${alert.item}>${alert.above}`))).toEqual([
      'phq9:phq9_item9:9>0',
    ]);
  });

  it('score the CBI 100 … 0 by option index, its subscales as printed, asking by degree where the original does', () => {
    const cbi = bundledInstrument('cbi')!;
    expect(cbi.options.map((option) => [option.value, option.score])).toEqual([[0, 100], [1, 75], [2, 50], [3, 25], [4, 0]]);
    expect(cbi.scoring.kind === 'subscale_mean' && cbi.scoring.subscales.map((subscale) => [subscale.id, subscale.items])).toEqual([
      ['personal', [1, 2, 3, 4, 5, 6]],
      ['work', [7, 8, 9, 10, 11, 12, 13]],
      ['client', [14, 15, 16, 17, 18, 19]],
    ]);
    expect(cbi.scoring.kind === 'subscale_mean' && cbi.scoring.minAnsweredFraction).toBe(0.5);
    expect(cbi.items.filter((item) => item.optionLabels).map((item) => item.number)).toEqual([7, 8, 9, 14, 15, 16, 17]);
    expect(cbi.items[12]!.text.en).toBe('Do you have enough energy for family and friends during leisure time?');
  });

  it('carry both languages, a citation and a licence note in both languages', () => {
    for (const instrument of BUNDLED_INSTRUMENTS) {
      expect(instrument.citation.length, instrument.id).toBeGreaterThan(20);
      expect(instrument.licence.en.length, instrument.id).toBeGreaterThan(10);
      expect(instrument.licence.id.length, instrument.id).toBeGreaterThan(10);
      for (const item of instrument.items) expect(item.text.id, `${instrument.id} item ${item.number}`).not.toBe(item.text.en);
    }
    expect(bundledInstrument('pss10')!.licence.en).toMatch(/non-commercial/);
    expect(bundledInstrument('pss10')!.licence.id).toMatch(/nonkomersial/);
  });

  describe('a broken bundled file', () => {
    afterEach(() => {
      vi.doUnmock('./instruments/gad7.json');
      vi.resetModules();
    });

    it('stops the module from loading, naming the file and the field', async () => {
      const broken = copyOf((await import('./instruments/gad7.json')).default);
      broken.range.max = 20;
      vi.resetModules();
      vi.doMock('./instruments/gad7.json', () => ({ default: broken }));
      await expect(import('./library')).rejects.toThrow(/instruments\/gad7\.json is not valid: range: range_not_items/);
    });
  });
});

describe('an instrument file an admin adds', () => {
  it('is accepted when valid, defaults filled in', () => {
    const file = copyOf(phq9File);
    file.id = 'phq9_clinic';
    delete file.items[0].reversed;
    const result = parseInstrumentFile(asText(file));
    expect(result.ok).toBe(true);
    expect(result.ok && result.instrument.items[0]!.reversed).toBe(false);
  });

  it('that is not JSON gets one issue for the whole file', () => {
    expect(parseInstrumentFile('{"id": "phq9",')).toEqual({ ok: false, issues: [{ path: '', message: 'file_not_json' }] });
    expect(parseInstrumentFile('')).toEqual({ ok: false, issues: [{ path: '', message: 'file_not_json' }] });
  });

  const phq9Cases: [string, (file: Json) => void, { path: string; message: string }[]][] = [
    ['a range that is not what the items add up to', (f) => (f.range.max = 30), [{ path: 'range', message: 'range_not_items' }]],
    ['a range upside down', (f) => (f.range = { min: 27, max: 0 }), [{ path: 'range', message: 'range_reversed' }]],
    ['bands not rising', (f) => (f.bands[2].min = 5), [{ path: 'bands.2.min', message: 'bands_not_rising' }]],
    ['a band above the range', (f) => (f.bands[4].min = 28), [{ path: 'bands.4.min', message: 'band_outside_range' }]],
    ['bands not starting at the range', (f) => (f.bands[0].min = 1), [{ path: 'bands.0.min', message: 'bands_start_at_range' }]],
    ['two bands with one id', (f) => (f.bands[1].id = 'minimal'), [{ path: 'bands', message: 'band_ids_repeated' }]],
    ['an alert on an item that does not exist', (f) => (f.alerts[0].item = 10), [{ path: 'alerts.0.item', message: 'unknown_item' }]],
    ['an item without its Indonesian text', (f) => delete f.items[3].text.id, [{ path: 'items.3.text.id', message: 'required' }]],
    ['an item with blank Indonesian text', (f) => (f.items[3].text.id = '   '), [{ path: 'items.3.text.id', message: 'required' }]],
    ['items out of order', (f) => ([f.items[1].number, f.items[2].number] = [3, 2]), [{ path: 'items.1.number', message: 'items_numbered_in_order' }, { path: 'items.2.number', message: 'items_numbered_in_order' }]],
    ['two options with one value', (f) => (f.options[3].value = 2), [{ path: 'options', message: 'option_values_repeated' }, { path: 'range', message: 'range_not_items' }]],
    ['an item naming the options with too few labels', (f) => (f.items[0].optionLabels = [f.options[0].label]), [{ path: 'items.0.optionLabels', message: 'option_labels_count' }]],
    ['every item allowed missing', (f) => (f.scoring.maxMissing = 9), [{ path: 'scoring.maxMissing', message: 'too_many_missing_allowed' }]],
    ['prorating with fractional scores', (f) => f.options.forEach((o: Json) => (o.score = o.value + 0.5)), [{ path: 'range', message: 'range_not_items' }, { path: 'options', message: 'prorating_needs_whole_scores' }]],
    ['caseness at the bottom of the range', (f) => (f.casenessAtLeast = 0), [{ path: 'casenessAtLeast', message: 'caseness_outside_range' }]],
    ['caseness above the range', (f) => (f.casenessAtLeast = 28), [{ path: 'casenessAtLeast', message: 'caseness_outside_range' }]],
    ['an id with capitals', (f) => (f.id = 'PHQ9'), [{ path: 'id', message: 'instrument_identifier_format' }]],
    ['a number where text belongs', (f) => (f.version = 3), [{ path: 'version', message: 'invalid_type' }]],
    ['a field the schema does not know', (f) => (f.author = 'someone'), [{ path: '', message: 'unrecognized_keys' }]],
    ['an unknown direction', (f) => (f.direction = 'sideways'), [{ path: 'direction', message: 'invalid_value' }]],
    ['a validated translation without its citation', (f) => (f.indonesian = { status: 'validated' }), [{ path: 'indonesian.citation', message: 'required' }]],
    [
      'two wrong fields: range and alert',
      (f) => {
        f.range.max = 26;
        f.alerts[0].item = 0;
      },
      [{ path: 'alerts.0.item', message: 'too_small' }, { path: 'range', message: 'range_not_items' }],
    ],
    [
      'two wrong rules: range and alert',
      (f) => {
        f.range.max = 26;
        f.alerts[0].item = 12;
      },
      [{ path: 'range', message: 'range_not_items' }, { path: 'alerts.0.item', message: 'unknown_item' }],
    ],
  ];
  it.each(phq9Cases)('with %s gets one issue per wrong field, with its path and code', (_what, breakIt, issues) => {
    const file = copyOf(phq9File);
    breakIt(file);
    expect(parseInstrumentFile(asText(file))).toEqual({ ok: false, issues });
  });

  const cbiCases: [string, (file: Json) => void, { path: string; message: string }[]][] = [
    ['a subscale naming an item that does not exist', (f) => f.scoring.subscales[2].items.push(20), [{ path: 'scoring.subscales.2.items', message: 'unknown_item' }]],
    ['an item in two subscales', (f) => f.scoring.subscales[1].items.push(6), [{ path: 'scoring.subscales.1.items', message: 'item_in_two_subscales' }]],
    ['an item in no subscale', (f) => f.scoring.subscales[2].items.pop(), [{ path: 'scoring.subscales', message: 'item_in_no_subscale' }]],
    [
      'an unknown item in place of a real one',
      (f) => (f.scoring.subscales[2].items[5] = 20),
      [{ path: 'scoring.subscales.2.items', message: 'unknown_item' }, { path: 'scoring.subscales', message: 'item_in_no_subscale' }],
    ],
    ['a range wider than an item scores', (f) => (f.range.max = 400), [{ path: 'range', message: 'range_not_items' }]],
    ['half a fraction too much', (f) => (f.scoring.minAnsweredFraction = 1.5), [{ path: 'scoring.minAnsweredFraction', message: 'too_big' }]],
  ];
  it.each(cbiCases)('(subscale-scored) with %s gets its issue', (_what, breakIt, issues) => {
    const file = copyOf(cbiFile);
    breakIt(file);
    expect(parseInstrumentFile(asText(file))).toEqual({ ok: false, issues });
  });

  it('is told every code in both languages', () => {
    const codes = [
      'instrument_identifier_format', 'items_numbered_in_order', 'option_labels_count', 'option_values_repeated', 'range_reversed',
      'range_not_items', 'too_many_missing_allowed', 'prorating_needs_whole_scores', 'unknown_item', 'item_in_two_subscales',
      'item_in_no_subscale', 'bands_start_at_range', 'bands_not_rising', 'band_outside_range', 'band_ids_repeated',
      'caseness_outside_range', 'responses_count', 'response_not_an_option', 'file_not_json',
      'required', 'invalid_type', 'invalid_value', 'unrecognized_keys', 'too_big', 'too_small',
    ];
    for (const messages of [en.validation, id.validation] as Record<string, string>[]) {
      expect(codes.filter((code) => !messages[code]?.trim())).toEqual([]);
    }
  });
});
