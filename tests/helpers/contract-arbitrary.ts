import fc from 'fast-check';
import { z } from 'zod';
import { DateTime } from 'luxon';
import { channels, type ChannelName } from '../../shared/contract';
import { TEMPLATE_SECTIONS } from '../../shared/domain/notes';

/**
 * Inputs for any channel, made from the channel's own zod schema (issue 11), so a channel
 * added tomorrow gets inputs without anyone writing them. The schema is read as the JSON
 * schema zod gives for its input side, and each field becomes a fast-check arbitrary,
 * biased so that calls often get past validation and reach the service:
 * - an integer field named like an id (`id`, `clientId`, `caseIds`, ...) takes real ids of
 *   the matching table, the ids of records outside the caller's caseload included (that is
 *   the attack), or often an id an earlier reply showed the caller, the latest most;
 * - a string field takes a word from a pool holding every client's names and codes (a
 *   search for someone else's client must find nothing), or a date, a wall-clock time or a
 *   link when its pattern or format asks for one;
 * - dates and spans (`from`/`to`, `fromMs`/`toMs`, `startDate`/`endDate`) fall around the
 *   clock's now, the second after the first.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
};

export interface InputWorld {
  /** The clock's now. */
  nowMs: number;
  timeZone: string;
  /** Every id of every table, by table name. */
  ids: Map<string, number[]>;
  /** Ids earlier replies showed the caller, by table name. */
  seen: Map<string, number[]>;
  /** Words to type: the names and codes of every client, in the caseload or not. */
  words: string[];
  /** A small valid document, for fields carrying a file as base64. */
  fileBase64: string;
}

const DAY_MS = 86_400_000;

/** `agencies` → `agency`, `sessions` → `session`; camelCase → snake_case. */
function singular(word: string): string {
  const snake = word.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return snake.endsWith('ies') ? `${snake.slice(0, -3)}y` : snake.replace(/s$/, '');
}

/** Names of record kinds (and of the lists holding them) where they differ from their table's. */
const TABLE_OF: Record<string, string> = {
  case: 'client_case',
  counsellor: 'user_account',
  user: 'user_account',
  actor_user: 'user_account',
  risk: 'risk_flag',
  flag: 'risk_flag',
  reviews_due: 'risk_flag',
  attendee: 'client',
  candidate: 'client',
  notes_to_sign: 'note',
  administration: 'measure_administration',
  alert: 'measure_alert',
  measure_alert: 'measure_alert',
};

function tableOfKind(word: string): string {
  const kind = singular(word);
  return TABLE_OF[kind] ?? kind;
}

/** The table an id field points into: `clientId` → client; a bare `id` → the channel's own kind (`notes.get` → note). */
export function tableOfIdField(field: string, channel: string): string | null {
  const match = /^(.*?)Ids?$/.exec(field);
  if (field !== 'id' && !match) return null;
  return tableOfKind(field === 'id' ? channel.split('.')[0]! : match![1]!);
}

function idArbitrary(table: string | null, world: InputWorld): fc.Arbitrary<number> {
  // A table nobody told us about: any id of any table, which still reaches real records.
  const all = table && world.ids.has(table) ? world.ids.get(table)! : [...world.ids.values()].flat();
  const seen = table ? (world.seen.get(table) ?? []) : [];
  const choices: Array<fc.WeightedArbitrary<number>> = [];
  if (all.length) choices.push({ weight: 2, arbitrary: fc.constantFrom(...all) });
  // What the caller was just shown, most of all the last few: the next click goes there.
  if (seen.length) choices.push({ weight: 2, arbitrary: fc.constantFrom(...seen) }, { weight: 1, arbitrary: fc.constantFrom(...seen.slice(-3)) });
  return choices.length ? fc.oneof(...choices) : fc.integer({ min: 1, max: 30 });
}

function clinicDay(world: InputWorld, offsetDays: number): DateTime {
  return DateTime.fromMillis(world.nowMs + offsetDays * DAY_MS, { zone: world.timeZone });
}

const dayOffset = fc.integer({ min: -20, max: 40 });

function dateArbitrary(world: InputWorld): fc.Arbitrary<string> {
  return dayOffset.map((d) => clinicDay(world, d).toISODate()!);
}

function localTimeArbitrary(world: InputWorld): fc.Arbitrary<string> {
  return fc.tuple(dayOffset, fc.integer({ min: 7, max: 17 }), fc.constantFrom(0, 30)).map(([d, h, m]) => clinicDay(world, d).set({ hour: h, minute: m }).toFormat("yyyy-MM-dd'T'HH:mm"));
}

/** Some text: a name or code from the vault, a word, or anything at all; within the field's length. */
function textArbitrary(schema: JsonSchema, field: string, world: InputWorld): fc.Arbitrary<string> {
  if (/base64/i.test(field)) return fc.oneof({ weight: 4, arbitrary: fc.constant(world.fileBase64) }, { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) });
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const fit = (s: string) => (s.length < min ? s.padEnd(min, 'x') : s.slice(0, max));
  return fc
    .oneof(
      { weight: 6, arbitrary: world.words.length ? fc.constantFrom(...world.words) : fc.constant('cemas') },
      { weight: 2, arbitrary: fc.constantFrom('cemas', 'tidur', 'Alasan klinis', 'kelelahan kerja') },
      { weight: 1, arbitrary: dateArbitrary(world) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    )
    .map(fit);
}

function stringArbitrary(schema: JsonSchema, field: string, world: InputWorld): fc.Arbitrary<string> {
  if (schema.format === 'email') return fc.constantFrom('klien@example.org', 'pegawai@instansi.go.id');
  if (schema.format === 'uri') return fc.constant('https://meet.example.org/sesi');
  if (schema.pattern) {
    // A date or a wall-clock time near now when the pattern takes one; otherwise any match.
    const pattern = new RegExp(schema.pattern);
    const date = clinicDay(world, 0).toISODate()!;
    if (pattern.test(date)) return dateArbitrary(world);
    if (pattern.test(`${date}T09:00`)) return localTimeArbitrary(world);
    return fc.stringMatching(pattern);
  }
  // zod's calendar-date refinement does not survive into JSON schema: go by the field's name.
  if (/(^|[a-z])(date|Date)|^(from|to)$/.test(field)) return dateArbitrary(world);
  return textArbitrary(schema, field, world);
}

function integerArbitrary(schema: JsonSchema, field: string, channel: string, world: InputWorld): fc.Arbitrary<number> {
  const table = tableOfIdField(field, channel);
  if (table !== null) return idArbitrary(table, world);
  if (/Ms$/.test(field)) return dayOffset.map((d) => world.nowMs + d * DAY_MS);
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  const max = Math.min(schema.maximum ?? 1_000_000, 1_000_000);
  // Mostly small values (a page, a count, minutes), now and then anything allowed.
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 60) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) });
}

/** A free-form record of strings (a note's content, a draft): the sections of one of the templates. */
function recordArbitrary(world: InputWorld): fc.Arbitrary<Record<string, string>> {
  const text = textArbitrary({ maxLength: 200 }, 'text', world);
  return fc.constantFrom(...Object.values(TEMPLATE_SECTIONS)).chain((sections) => fc.tuple(...sections.map(() => text)).map((texts) => Object.fromEntries(sections.map((s, i) => [s, texts[i]!]))));
}

/** Pairs a later field with an earlier one (`toMs` after `fromMs`), so spans are mostly the right way round. */
const SPAN_PAIRS: Array<[RegExp, string]> = [
  [/^to(.*)$/, 'from$1'],
  [/^end(.*)$/, 'start$1'],
];

function orderSpans(value: Record<string, unknown>, gaps: number[]): Record<string, unknown> {
  const out = { ...value };
  let g = 0;
  for (const key of Object.keys(out)) {
    for (const [later, earlier] of SPAN_PAIRS) {
      if (!later.test(key)) continue;
      const first = key.replace(later, earlier);
      const start = out[first];
      const gap = gaps[g++ % gaps.length]!;
      if (typeof start === 'number') out[key] = start + gap * DAY_MS;
      else if (typeof start === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(start)) out[key] = DateTime.fromISO(start).plus({ days: gap }).toISODate();
    }
  }
  return out;
}

function objectArbitrary(schema: JsonSchema, channel: string, world: InputWorld): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0 && typeof schema.additionalProperties === 'object') return recordArbitrary(world);
  const fields = Object.fromEntries(properties.map(([key, s]) => [key, required.has(key) ? arbitraryOf(s, key, channel, world) : fc.option(arbitraryOf(s, key, channel, world), { nil: undefined, freq: 2 })]));
  return fc.tuple(fc.record(fields), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 2 }), fc.integer({ min: 0, max: 9 })).map(([value, gaps, wrongWay]) => {
    const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
    // One time in ten a span is left as drawn, which may be the wrong way round.
    return wrongWay === 0 ? defined : orderSpans(defined, gaps);
  });
}

function arbitraryOf(schema: JsonSchema, field: string, channel: string, world: InputWorld): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return fc.oneof(...members.map((m) => ({ weight: m.type === 'null' ? 1 : 3, arbitrary: arbitraryOf(m, field, channel, world) })));
  if (schema.allOf) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return objectArbitrary(merged, channel, world);
  }
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.includes('null') && type.length > 1) return fc.option(arbitraryOf({ ...schema, type: type.filter((t): t is string => t !== undefined && t !== 'null') }, field, channel, world), { nil: null, freq: 3 });
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'object':
      return objectArbitrary(schema, channel, world);
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(arbitraryOf(schema.items ?? {}, field, channel, world), { minLength: min, maxLength: Math.min(schema.maxItems ?? 4, min + 3) });
    }
    case 'string':
      return stringArbitrary(schema, field, world);
    case 'integer':
    case 'number':
      return integerArbitrary(schema, field, channel, world);
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

const inputSchemas = new Map<ChannelName, JsonSchema>();

/** The input side of a channel's contract as JSON schema (refinements are the service's to enforce). */
export function inputSchemaOf(channel: ChannelName): JsonSchema {
  let schema = inputSchemas.get(channel);
  if (!schema) {
    schema = z.toJSONSchema(channels[channel].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    inputSchemas.set(channel, schema);
  }
  return schema;
}

export function inputArbitrary(channel: ChannelName, world: InputWorld): fc.Arbitrary<unknown> {
  return arbitraryOf(inputSchemaOf(channel), '', channel, world);
}

/**
 * Ids a reply showed: each object's `id` under a key naming its kind (`sessions`, `note`,
 * `attendees` → client) and every `somethingId` field. The next calls favour them, as a
 * person clicking through the app would.
 */
export function idsShown(reply: unknown, channel: string, into: Map<string, number[]>, holder: string | null = null): void {
  const add = (table: string | null, id: unknown) => {
    if (table === null || typeof id !== 'number') return;
    // Most recently shown last.
    into.set(table, [...(into.get(table) ?? []).filter((known) => known !== id), id]);
  };
  if (Array.isArray(reply)) {
    for (const item of reply) idsShown(item, channel, into, holder);
    return;
  }
  if (reply === null || typeof reply !== 'object') return;
  for (const [key, value] of Object.entries(reply)) {
    if (key === 'id') add(holder === null ? tableOfIdField('id', channel) : tableOfKind(holder), value);
    else if (/Ids?$/.test(key)) for (const id of [value].flat()) add(tableOfIdField(key, channel), id);
    else idsShown(value, channel, into, key);
  }
}
