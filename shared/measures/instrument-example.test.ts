import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_INSTRUMENTS, parseInstrumentFile } from './library';

/**
 * resources/instrument-example.json is the made-up instrument the README and Admin →
 * Measures point clinics to when they write a file of their own: it must be a valid file,
 * clearly fictitious, and no clash with a bundled instrument (so an admin can add it to try).
 */
const EXAMPLE_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../resources/instrument-example.json');
const exampleText = readFileSync(EXAMPLE_PATH, 'utf8');

describe('the example instrument file', () => {
  it('parses with parseInstrumentFile, as an admin’s file would', () => {
    const result = parseInstrumentFile(exampleText);
    expect(result).toMatchObject({ ok: true, instrument: { id: 'example_wellbeing', shortName: 'EXAMPLE-3' } });
    expect(result.ok && result.instrument.items).toHaveLength(3);
  });

  it('says in both languages that it is made up and not for clients', () => {
    const result = parseInstrumentFile(exampleText);
    if (!result.ok) throw new Error('the example does not parse');
    expect(result.instrument.name.en).toMatch(/made up, not for clients/);
    expect(result.instrument.name.id).toMatch(/rekaan, bukan untuk klien/);
    expect(result.instrument.citation).toMatch(/not a published instrument/);
  });

  it('has an id no bundled instrument has', () => {
    expect(BUNDLED_INSTRUMENTS.map((instrument) => instrument.id)).not.toContain('example_wellbeing');
  });
});
