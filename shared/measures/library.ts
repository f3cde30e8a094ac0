import type { z } from 'zod';
import { fieldIssues } from '../field-issues';
import { instrumentDefinitionSchema, type InstrumentDefinition } from './instrument-schema';
import cbi from './instruments/cbi.json' with { type: 'json' };
import gad7 from './instruments/gad7.json' with { type: 'json' };
import k10 from './instruments/k10.json' with { type: 'json' };
import phq9 from './instruments/phq9.json' with { type: 'json' };
import pss10 from './instruments/pss10.json' with { type: 'json' };
import who5 from './instruments/who5.json' with { type: 'json' };

/**
 * The instruments Tenang ships with, and the check of an instrument file a clinic admin
 * adds. Both go through the one schema, so a bundled file obeys the same rules as an
 * added one.
 */

/** A problem in an instrument file: a dotted path (`items.3.text.id`, '' for the whole file) and a `validation.*` code. */
export interface InstrumentFileIssue {
  path: string;
  message: string;
}

export type InstrumentFileResult = { ok: true; instrument: InstrumentDefinition } | { ok: false; issues: InstrumentFileIssue[] };

/**
 * A missing field is reported as `required` (zod itself says `invalid_type`); every other
 * built-in issue keeps zod's code, which `validation.*` translates.
 */
const missingIsRequired = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : undefined);

function check(data: unknown): InstrumentFileResult {
  const parsed = instrumentDefinitionSchema.safeParse(data, { error: missingIsRequired });
  if (parsed.success) return { ok: true, instrument: parsed.data };
  return { ok: false, issues: issuesOf(parsed.error) };
}

/** One issue per field, the first found: an item number below 1 is not also reported as an unknown item. */
function issuesOf(error: z.ZodError): InstrumentFileIssue[] {
  const byPath = new Map<string, InstrumentFileIssue>();
  for (const issue of fieldIssues(error)) if (!byPath.has(issue.path)) byPath.set(issue.path, { path: issue.path, message: issue.code });
  return [...byPath.values()];
}

/** Checks the text of an instrument file an admin adds. Nothing is thrown: every problem is an issue. */
export function parseInstrumentFile(text: string): InstrumentFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'file_not_json' }] };
  }
  return check(data);
}

/** A bundled file that breaks the schema is a programming error: fail at load, naming the file. */
function bundled(fileName: string, data: unknown): InstrumentDefinition {
  const result = check(data);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `${issue.path || '(file)'}: ${issue.message}`).join('; ');
    throw new Error(`Bundled instrument file instruments/${fileName}.json is not valid: ${problems}`);
  }
  if (result.instrument.id !== fileName) {
    throw new Error(`Bundled instrument file instruments/${fileName}.json has the id "${result.instrument.id}"; it must match the file name.`);
  }
  return result.instrument;
}

export const BUNDLED_INSTRUMENTS: readonly InstrumentDefinition[] = Object.freeze([
  bundled('phq9', phq9),
  bundled('gad7', gad7),
  bundled('k10', k10),
  bundled('who5', who5),
  bundled('pss10', pss10),
  bundled('cbi', cbi),
]);

/** The bundled instrument with this id, or null. */
export function bundledInstrument(id: string): InstrumentDefinition | null {
  return BUNDLED_INSTRUMENTS.find((instrument) => instrument.id === id) ?? null;
}
