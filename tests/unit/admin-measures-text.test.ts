import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';
import id from '../../shared/i18n/id.json';
import { BUNDLED_INSTRUMENTS } from '../../shared/measures/library';
import { bandRanges } from '../../renderer/admin/measures/band-ranges';
import { readablePath } from '../../renderer/admin/measures/readable-path';

/** Admin → Measures' two pieces of arithmetic on text: where a band ends, and a file path as words. */

async function translator(language: 'en' | 'id') {
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { en: { translation: en }, id: { translation: id } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const bandsOf = (instrumentId: string) => {
  const instrument = BUNDLED_INSTRUMENTS.find((candidate) => candidate.id === instrumentId)!;
  const view = {
    range: instrument.range,
    bands: instrument.bands.map((band) => ({ id: band.id, min: band.min, label: band.label.en })),
    subscales: instrument.scoring.kind === 'subscale_mean' ? instrument.scoring.subscales.map((subscale) => ({ id: subscale.id, label: subscale.label.en })) : null,
  };
  return bandRanges(view).map((band) => [band.id, band.min, band.end.kind, band.end.value]);
};

describe('band ranges', () => {
  it('end a whole-number band one below the next band’s start, and the last at the top of the range (PHQ-9 as the issue lists it)', () => {
    expect(bandsOf('phq9')).toEqual([
      ['minimal', 0, 'through', 4],
      ['mild', 5, 'through', 9],
      ['moderate', 10, 'through', 14],
      ['moderately_severe', 15, 'through', 19],
      ['severe', 20, 'through', 27],
    ]);
    expect(bandsOf('k10')).toEqual([
      ['low', 10, 'through', 15],
      ['moderate', 16, 'through', 21],
      ['high', 22, 'through', 29],
      ['very_high', 30, 'through', 50],
    ]);
  });

  it('end a band of means just below the next one (the CBI’s 49.5 is not high)', () => {
    expect(bandsOf('cbi')).toEqual([
      ['not_high', 0, 'below', 50],
      ['high', 50, 'through', 100],
    ]);
  });

  it('treat a band starting between whole numbers as a band of fractional scores', () => {
    const ranges = bandRanges({ range: { min: 0, max: 10 }, subscales: null, bands: [{ id: 'a', min: 0, label: 'A' }, { id: 'b', min: 4.5, label: 'B' }] });
    expect(ranges.map((band) => band.end)).toEqual([{ kind: 'below', value: 4.5 }, { kind: 'through', value: 10 }]);
  });
});

describe('a file path in words', () => {
  it('counts list entries from 1 and names a text’s language', async () => {
    const t = await translator('en');
    expect(readablePath(t, 'items.3.text.id')).toBe('Item 4 → text (Indonesian)');
    expect(readablePath(t, 'bands.2.min')).toBe('Band 3 → min');
    expect(readablePath(t, 'options.0.label.en')).toBe('Answer option 1 → label (English)');
    expect(readablePath(t, 'scoring.subscales.1.items')).toBe('scoring → Subscale 2 → items');
    expect(readablePath(t, 'items.0.optionLabels.4.id')).toBe('Item 1 → Answer label 5 (Indonesian)');
    expect(readablePath(t, 'name.id')).toBe('name (Indonesian)');
  });

  it('keeps a field that happens to be called id (the instrument’s id) as it is', async () => {
    const t = await translator('en');
    expect(readablePath(t, 'id')).toBe('id');
    expect(readablePath(t, 'bands.1.id')).toBe('Band 2 → id');
  });

  it('calls the whole file the file, and speaks Indonesian', async () => {
    const t = await translator('id');
    expect(readablePath(t, '')).toBe('Berkas');
    expect(readablePath(t, 'fileText')).toBe('Berkas');
    expect(readablePath(t, 'items.3.text.id')).toBe('Butir 4 → text (bahasa Indonesia)');
  });
});
