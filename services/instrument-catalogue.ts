import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { ChannelOutput, InstrumentView, ParsedInput } from '../shared/contract';
import type { Language } from '../shared/settings';
import { instrumentDefinitionSchema, type InstrumentDefinition } from '../shared/measures/instrument-schema';
import { BUNDLED_INSTRUMENTS, parseInstrumentFile } from '../shared/measures/library';
import { InstrumentSettingEntity, type InstrumentSettingRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * The clinic's instruments (issue 12): the bundled ones, less those the clinic switched
 * off, plus the files an admin added for instruments the clinic holds a licence for.
 */

export interface CatalogueEntry {
  instrument: InstrumentDefinition;
  enabled: boolean;
  bundled: boolean;
}

export async function catalogue(m: EntityManager): Promise<CatalogueEntry[]> {
  const settings = new Map((await m.getRepository(InstrumentSettingEntity).find()).map((row) => [row.instrumentId, row]));
  const bundled = BUNDLED_INSTRUMENTS.map((instrument) => ({ instrument, enabled: settings.get(instrument.id)?.enabled ?? true, bundled: true }));
  const added = [...settings.values()].filter((row) => row.definition !== null).map((row) => ({ instrument: addedDefinition(row), enabled: row.enabled, bundled: false }));
  return [...bundled, ...added];
}

/** An added file was checked when it was added; one that no longer parses means the vault was changed behind the app. */
function addedDefinition(row: InstrumentSettingRow): InstrumentDefinition {
  const parsed = instrumentDefinitionSchema.safeParse(JSON.parse(row.definition!));
  if (!parsed.success) throw new AppError('VAULT_DAMAGED', 'An instrument file kept in this vault is unreadable.');
  return parsed.data;
}

/** Any instrument the clinic has, enabled or not: past administrations are scored by it whatever today's choice. */
export async function instrumentById(m: EntityManager, id: string): Promise<InstrumentDefinition | null> {
  return (await catalogue(m)).find((entry) => entry.instrument.id === id)?.instrument ?? null;
}

export async function instrumentsById(m: EntityManager): Promise<Map<string, InstrumentDefinition>> {
  return new Map((await catalogue(m)).map((entry) => [entry.instrument.id, entry.instrument]));
}

/** One instrument in one language, for a form, a chart or a reader checking its source. */
export function instrumentView(instrument: InstrumentDefinition, language: Language, bundled: boolean): InstrumentView {
  return {
    id: instrument.id,
    version: instrument.version,
    shortName: instrument.shortName,
    name: instrument.name[language],
    instructions: instrument.instructions[language],
    recallPeriod: instrument.recallPeriod[language],
    items: instrument.items.map((item) => ({
      number: item.number,
      text: item.text[language],
      options: instrument.options.map((option, index) => ({ value: option.value, label: (item.optionLabels?.[index] ?? option.label)[language] })),
    })),
    range: instrument.range,
    direction: instrument.direction,
    bands: instrument.bands.map((band) => ({ id: band.id, min: band.min, label: band.label[language] })),
    subscales: instrument.scoring.kind === 'subscale_mean' ? instrument.scoring.subscales.map((subscale) => ({ id: subscale.id, label: subscale.label[language] })) : null,
    casenessAtLeast: instrument.casenessAtLeast,
    reliableChange: instrument.reliableChange,
    alerts: instrument.alerts.map((alert) => ({ id: alert.id, item: alert.item, above: alert.above, label: alert.label[language] })),
    citation: instrument.citation,
    licence: instrument.licence[language],
    indonesianCitation: instrument.indonesian.status === 'validated' ? instrument.indonesian.citation : null,
    bundled,
  };
}

export async function activeInstruments(session: OpenSession, input: ParsedInput<'measures.instruments'>): Promise<ChannelOutput<'measures.instruments'>> {
  const language = input.language ?? session.settings.language;
  const entries = await catalogue(session.dataSource.manager);
  return { instruments: entries.filter((entry) => entry.enabled).map((entry) => instrumentView(entry.instrument, language, entry.bundled)) };
}

export async function instrumentCatalogue(session: OpenSession, input: ParsedInput<'measures.catalogue'>): Promise<ChannelOutput<'measures.catalogue'>> {
  const language = input.language ?? session.settings.language;
  const entries = await catalogue(session.dataSource.manager);
  return { entries: entries.map((entry) => ({ instrument: instrumentView(entry.instrument, language, entry.bundled), enabled: entry.enabled })) };
}

export async function setInstrumentEnabled(session: OpenSession, clock: Clock, input: ParsedInput<'measures.setEnabled'>): Promise<ChannelOutput<'measures.catalogue'>> {
  const actor = actorOf(session, clock);
  await inWriteTransaction(session.dataSource, async (m) => {
    const entry = (await catalogue(m)).find((candidate) => candidate.instrument.id === input.instrumentId);
    if (!entry) throw new AppError('NOT_FOUND', 'There is no such instrument.');
    if (entry.enabled === input.enabled) return;
    const repository = m.getRepository(InstrumentSettingEntity);
    const existing = await repository.findOneBy({ instrumentId: input.instrumentId });
    await repository.save({ instrumentId: input.instrumentId, enabled: input.enabled, definition: existing?.definition ?? null, updatedByUserId: actor.actorUserId, updatedAt: actor.at });
    await appendAudit(m, { ...actor, action: input.enabled ? 'instrument.enable' : 'instrument.disable', recordType: 'instrument', recordId: input.instrumentId, outcome: 'success', detail: null });
  });
  return instrumentCatalogue(session, {});
}

/** An instrument file the clinic holds a licence for, checked field by field against the schema. */
export async function addInstrument(session: OpenSession, clock: Clock, input: ParsedInput<'measures.addInstrument'>): Promise<ChannelOutput<'measures.catalogue'>> {
  const actor = actorOf(session, clock);
  const parsed = parseInstrumentFile(input.fileText);
  if (!parsed.ok) {
    throw new AppError('VALIDATION', 'The instrument file does not follow the instrument schema.', {
      issues: parsed.issues.map((issue) => ({ path: issue.path, code: issue.message, message: issue.message })),
    });
  }
  await inWriteTransaction(session.dataSource, async (m) => {
    if ((await catalogue(m)).some((entry) => entry.instrument.id === parsed.instrument.id)) {
      throw new AppError('INSTRUMENT_EXISTS', 'The clinic already has an instrument with this id.');
    }
    await m.getRepository(InstrumentSettingEntity).save({
      instrumentId: parsed.instrument.id,
      enabled: true,
      definition: JSON.stringify(parsed.instrument),
      updatedByUserId: actor.actorUserId,
      updatedAt: actor.at,
    });
    await appendAudit(m, { ...actor, action: 'instrument.add', recordType: 'instrument', recordId: parsed.instrument.id, outcome: 'success', detail: { version: parsed.instrument.version } });
  });
  return instrumentCatalogue(session, {});
}
