import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { Client, ClientFields, ClientSummary, ParsedInput } from '../shared/contract';
import { foldEmail, foldName, looksLikeSameClient, type DuplicateProbe } from '../shared/domain/clients';
import { formatClientCode } from '../shared/domain/referrals';
import { clinicDate } from '../shared/domain/clinic-time';
import { AgencyEntity, ClientCaseEntity, ClientEntity, ReferralEntity, type ClientRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import { assertInCaseload, restrictToCaseload } from './caseload';
import { caseViews, clientSummaries, referralViews } from './record-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/** Clients: registered at intake, searched, opened (audited) and corrected. */

/** The first string after every string that starts with `prefix` (codes are ASCII). */
function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** LIKE patterns match user text literally: %, _ and the escape character are escaped. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchClients(session: OpenSession, input: ParsedInput<'clients.search'>): Promise<{ clients: ClientSummary[]; total: number }> {
  const m = session.dataSource.manager;
  const query = m.getRepository(ClientEntity).createQueryBuilder('client');
  if (input.agencyId !== undefined) query.andWhere('client.agencyId = :agencyId', { agencyId: input.agencyId });
  const text = input.query.trim();
  if (text !== '') {
    // Every condition reads a column of the client_search index (name, code, agency).
    const code = text.toUpperCase();
    const agencies = await m.getRepository(AgencyEntity).find({ select: { id: true, name: true } });
    const agencyIds = agencies.filter((a) => foldName(a.name).includes(foldName(text))).map((a) => a.id);
    query.andWhere(
      `(client.foldedName LIKE :folded ESCAPE '\\' OR (client.code >= :codeFrom AND client.code < :codeTo)${agencyIds.length ? ' OR client.agencyId IN (:...agencyIds)' : ''})`,
      { folded: `%${likeLiteral(foldName(text))}%`, codeFrom: code, codeTo: prefixEnd(code), agencyIds },
    );
  }
  restrictToCaseload(query, session.user, 'client');
  const total = await query.getCount();
  // Name order, then code (unique): the order of the client_search index, so a page needs no sort.
  const rows = await query.orderBy('client.foldedName', 'ASC').addOrderBy('client.code', 'ASC').offset(input.offset).limit(input.limit).getMany();
  return { clients: await clientSummaries(m, rows), total };
}

async function clientRow(m: EntityManager, id: number): Promise<ClientRow> {
  const row = await m.getRepository(ClientEntity).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'There is no such record.');
  return row;
}

async function clientView(m: EntityManager, row: ClientRow): Promise<Client> {
  const agency = await m.getRepository(AgencyEntity).findOneBy({ id: row.agencyId });
  const { foldedName: _folded, ...fields } = row;
  return { ...fields, agencyName: agency?.name ?? '' };
}

/** One client's record with cases and referrals; every opening is audited. */
export async function getClient(session: OpenSession, clock: Clock, id: number) {
  const actor = actorOf(session, clock);
  await assertInCaseload(session, actor, id, { type: 'client', id });
  return inWriteTransaction(session.dataSource, async (m) => {
    const row = await clientRow(m, id);
    await appendAudit(m, { ...actor, action: 'client.view', recordType: 'client', recordId: String(id), outcome: 'success' });
    const cases = await m.getRepository(ClientCaseEntity).find({ where: { clientId: id }, order: { openedDate: 'DESC', id: 'DESC' } });
    const referrals = await m.getRepository(ReferralEntity).find({ where: { clientId: id }, order: { receivedDate: 'DESC', id: 'DESC' } });
    return {
      client: await clientView(m, row),
      cases: await caseViews(m, cases),
      referrals: await referralViews(m, referrals, session.settings),
    };
  });
}

function clientColumns(fields: ClientFields) {
  return { ...fields, foldedName: foldName(`${fields.givenName} ${fields.familyName}`) };
}

export async function updateClient(session: OpenSession, clock: Clock, input: ParsedInput<'clients.update'>): Promise<Client> {
  const actor = actorOf(session, clock);
  await assertInCaseload(session, actor, input.id, { type: 'client', id: input.id });
  assertBornInThePast(input.dateOfBirth, actor, session.settings.timeZone);
  return inWriteTransaction(session.dataSource, async (m) => {
    const before = await clientRow(m, input.id);
    const { id, ...fields } = input;
    const columns = clientColumns(fields);
    // The log names the fields that changed, never their values.
    const changed = (Object.keys(fields) as (keyof ClientFields)[]).filter((k) => before[k] !== fields[k]);
    if (changed.length === 0) return clientView(m, before);
    const after = { ...before, ...columns, updatedAt: actor.at };
    await m.getRepository(ClientEntity).save(after);
    await appendAudit(m, { ...actor, action: 'client.update', recordType: 'client', recordId: String(id), outcome: 'success', detail: { changed: changed.join(',') } });
    return clientView(m, after);
  });
}

export function assertBornInThePast(dateOfBirth: string | null, actor: Actor, timeZone: string, path = 'dateOfBirth'): void {
  if (dateOfBirth !== null && dateOfBirth > clinicDate(actor.at, timeZone)) {
    throw new AppError('VALIDATION', 'The date of birth is in the future.', { issues: [{ path, code: 'date_in_future', message: 'This date is in the future.' }] });
  }
}

/** Issue 3's duplicate guard, within one agency: same name and date of birth, or same email. */
export async function findDuplicateClients(m: EntityManager, agencyId: number, probe: DuplicateProbe): Promise<ClientSummary[]> {
  const folded = foldName(`${probe.givenName} ${probe.familyName}`);
  const email = foldEmail(probe.email);
  const query = m.getRepository(ClientEntity).createQueryBuilder('client').where('client.agencyId = :agencyId', { agencyId });
  const byName = probe.dateOfBirth !== null ? 'client.foldedName = :folded AND client.dateOfBirth = :dateOfBirth' : '0';
  const byEmail = email !== '' ? "client.email <> '' AND lower(client.email) = :email" : '0';
  query.andWhere(`((${byName}) OR (${byEmail}))`, { folded, dateOfBirth: probe.dateOfBirth, email });
  const rows = (await query.orderBy('client.id', 'ASC').take(20).getMany()).filter((row) => looksLikeSameClient(row, probe));
  return clientSummaries(m, rows);
}

/** The next free code of the year: TN-2026-000001, TN-2026-000002, … (inside the write transaction). */
async function nextClientCode(m: EntityManager, year: number): Promise<string> {
  const prefix = `TN-${year}-`;
  const last = await m.getRepository(ClientEntity).createQueryBuilder('client').select('MAX(client.code)', 'code').where('client.code LIKE :prefix', { prefix: `${prefix}%` }).getRawOne<{ code: string | null }>();
  const sequence = last?.code ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return formatClientCode(year, sequence);
}

/** Registers a client inside the caller's transaction and audits it. */
export async function createClientRecord(m: EntityManager, actor: Actor, timeZone: string, agencyId: number, fields: ClientFields): Promise<ClientRow> {
  const year = Number(clinicDate(actor.at, timeZone).slice(0, 4));
  const row = await m.getRepository(ClientEntity).save({
    ...clientColumns(fields),
    agencyId,
    code: await nextClientCode(m, year),
    createdAt: actor.at,
    updatedAt: actor.at,
  });
  await appendAudit(m, { ...actor, action: 'client.create', recordType: 'client', recordId: String(row.id), outcome: 'success', detail: { agencyId } });
  return row;
}
