import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import { periodsOverlap } from '../shared/domain/agencies';
import { contractSchema, type Agency, type Contract, type ParsedInput } from '../shared/contract';
import { AgencyEntity, ContractEntity, type AgencyRow, type ContractRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { isoAt, type Clock } from './clock';
import type { OpenSession } from './session';

/** Partner agencies and their EAP contracts: admin work, every change audited. */

function actor(session: OpenSession, clock: Clock) {
  return { at: isoAt(clock), actorUserId: session.user.id, actorUsername: session.user.username };
}

export async function listAgencies(session: OpenSession, includeInactive: boolean): Promise<Agency[]> {
  const rows = await session.dataSource.getRepository(AgencyEntity).find({
    ...(includeInactive ? {} : { where: { active: true } }),
    order: { active: 'DESC', name: 'ASC' },
  });
  return rows;
}

async function agencyOrNotFound(m: EntityManager, id: number): Promise<AgencyRow> {
  const agency = await m.getRepository(AgencyEntity).findOneBy({ id });
  if (!agency) throw new AppError('NOT_FOUND', 'There is no such agency.');
  return agency;
}

export async function createAgency(session: OpenSession, clock: Clock, input: ParsedInput<'agencies.create'>): Promise<Agency> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const now = isoAt(clock);
    const agency = await m.getRepository(AgencyEntity).save({ ...input, active: true, createdAt: now, updatedAt: now });
    await appendAudit(m, { ...actor(session, clock), action: 'agency.create', recordType: 'agency', recordId: String(agency.id), outcome: 'success', detail: { sector: agency.sector } });
    return agency;
  });
}

export async function updateAgency(session: OpenSession, clock: Clock, input: ParsedInput<'agencies.update'>): Promise<Agency> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const before = await agencyOrNotFound(m, input.id);
    const { id, ...fields } = input;
    // The log names the fields that changed, never their old or new values.
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== fields[k]);
    if (changed.length === 0) return before;
    const after = { ...before, ...fields, updatedAt: isoAt(clock) };
    await m.getRepository(AgencyEntity).save(after);
    await appendAudit(m, { ...actor(session, clock), action: 'agency.update', recordType: 'agency', recordId: String(id), outcome: 'success', detail: { changed: changed.join(',') } });
    return after;
  });
}

function toContract(row: ContractRow): Contract {
  return contractSchema.parse({ ...row, targets: JSON.parse(row.targets) as unknown });
}

export async function listContracts(session: OpenSession, agencyId: number): Promise<Contract[]> {
  await agencyOrNotFound(session.dataSource.manager, agencyId);
  const rows = await session.dataSource.getRepository(ContractEntity).find({ where: { agencyId }, order: { startDate: 'DESC' } });
  return rows.map(toContract);
}

/** Refuse a period that shares a day with another contract of the agency (the triggers agree). */
async function assertNoOverlap(m: EntityManager, agencyId: number, period: { startDate: string; endDate: string }, exceptId?: number): Promise<void> {
  const others = await m.getRepository(ContractEntity).find({ where: { agencyId } });
  if (others.some((c) => c.id !== exceptId && periodsOverlap(c, period))) {
    throw new AppError('CONTRACT_OVERLAP', 'This period overlaps another contract of this agency.', {
      issues: [{ path: 'startDate', code: 'contract_overlap', message: 'This period overlaps another contract of this agency.' }],
    });
  }
}

type ContractFields = Omit<ParsedInput<'contracts.create'>, 'agencyId'>;
function contractColumns(fields: ContractFields) {
  return {
    startDate: fields.startDate,
    endDate: fields.endDate,
    coveredHeadcount: fields.coveredHeadcount,
    sessionAllowance: fields.sessionAllowance,
    allowancePolicy: fields.allowancePolicy,
    targets: JSON.stringify(fields.targets),
    minCellSize: fields.minCellSize,
    reportingFrequency: fields.reportingFrequency,
  };
}

export async function createContract(session: OpenSession, clock: Clock, input: ParsedInput<'contracts.create'>): Promise<Contract> {
  return inWriteTransaction(session.dataSource, async (m) => {
    await agencyOrNotFound(m, input.agencyId);
    await assertNoOverlap(m, input.agencyId, input);
    const now = isoAt(clock);
    const row = await m.getRepository(ContractEntity).save({ agencyId: input.agencyId, ...contractColumns(input), createdAt: now, updatedAt: now });
    await appendAudit(m, { ...actor(session, clock), action: 'contract.create', recordType: 'contract', recordId: String(row.id), outcome: 'success', detail: { agencyId: input.agencyId } });
    return toContract(row);
  });
}

export async function updateContract(session: OpenSession, clock: Clock, input: ParsedInput<'contracts.update'>): Promise<Contract> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const before = await m.getRepository(ContractEntity).findOneBy({ id: input.id });
    if (!before) throw new AppError('NOT_FOUND', 'There is no such contract.');
    await assertNoOverlap(m, before.agencyId, input, before.id);
    const columns = contractColumns(input);
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => before[k] !== columns[k]);
    if (changed.length === 0) return toContract(before);
    const after = { ...before, ...columns, updatedAt: isoAt(clock) };
    await m.getRepository(ContractEntity).save(after);
    await appendAudit(m, { ...actor(session, clock), action: 'contract.update', recordType: 'contract', recordId: String(before.id), outcome: 'success', detail: { agencyId: before.agencyId, changed: changed.join(',') } });
    return toContract(after);
  });
}
