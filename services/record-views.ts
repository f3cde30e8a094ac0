import { In, type EntityManager } from 'typeorm';
import type { Case, ClientSummary, Referral } from '../shared/contract';
import { DEFAULT_TARGETS, type FirstAppointmentTarget, type Urgency } from '../shared/domain/agencies';
import { elapsedOnClock, firstAppointmentDueAt } from '../shared/domain/first-appointment';
import type { Settings } from '../shared/contract';
import type { PresentingIssue } from '../shared/domain/referrals';
import {
  AgencyEntity,
  ClinicHolidayEntity,
  ClientEntity,
  ContractEntity,
  ReferralEntity,
  UserAccountEntity,
  type ClientCaseRow,
  type ClientRow,
  type ContractRow,
  type ReferralRow,
} from '../db/entities';

/**
 * Rows as the channels show them: names of the agency, client and counsellor joined in,
 * the first-appointment deadline worked out. Lookups are batched per list, so a page of
 * two hundred referrals costs a handful of queries, not six hundred.
 */

export function unique(ids: Array<number | null>): number[] {
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

export async function byId<T extends { id: number }>(m: EntityManager, entity: Parameters<EntityManager['getRepository']>[0], ids: number[]): Promise<Map<number, T>> {
  if (ids.length === 0) return new Map();
  const rows = (await m.getRepository(entity).findBy({ id: In(ids) })) as T[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function clientName(client: Pick<ClientRow, 'givenName' | 'familyName'>): string {
  return `${client.givenName} ${client.familyName}`.trim();
}

export function issuesOf(json: string): PresentingIssue[] {
  return JSON.parse(json) as PresentingIssue[];
}

/** The first-appointment target of a referral: its contract's, or the clinic's defaults when no contract was in force. */
export function targetFor(contract: Pick<ContractRow, 'targets'> | undefined, urgency: Urgency): FirstAppointmentTarget {
  if (!contract) return DEFAULT_TARGETS[urgency];
  const targets = JSON.parse(contract.targets) as Record<Urgency, FirstAppointmentTarget>;
  return targets[urgency];
}

export async function referralViews(m: EntityManager, rows: ReferralRow[], settings: Pick<Settings, 'timeZone' | 'workingDays'>): Promise<Referral[]> {
  const agencies = await byId<{ id: number; name: string }>(m, AgencyEntity, unique(rows.map((r) => r.agencyId)));
  const clients = await byId<ClientRow>(m, ClientEntity, unique(rows.map((r) => r.clientId)));
  const users = await byId<{ id: number; displayName: string }>(m, UserAccountEntity, unique(rows.map((r) => r.counsellorId)));
  const contracts = await byId<ContractRow>(m, ContractEntity, unique(rows.map((r) => r.contractId)));
  // Clinic holidays stop the working-day count; a clinic has a few dozen a year.
  const holidays = await m.getRepository(ClinicHolidayEntity).find({ select: { date: true }, order: { date: 'ASC' } });
  const calendar = { timeZone: settings.timeZone, workingDays: settings.workingDays, holidays: new Set(holidays.map((h) => h.date)) };
  return rows.map((r) => {
    const client = clients.get(r.clientId);
    const contract = r.contractId === null ? undefined : contracts.get(r.contractId);
    return {
      id: r.id,
      agencyId: r.agencyId,
      agencyName: agencies.get(r.agencyId)?.name ?? '',
      contractId: r.contractId,
      clientId: r.clientId,
      clientCode: client?.code ?? '',
      clientName: client ? clientName(client) : '',
      receivedDate: r.receivedDate,
      clockStartedAt: r.clockStartedAt,
      firstAppointmentDueAt: firstAppointmentDueAt(r.clockStartedAt, targetFor(contract, r.urgency), calendar),
      clockStoppedAt: r.clockStoppedAt,
      clockElapsed: r.clockStoppedAt === null ? null : elapsedOnClock(r.clockStartedAt, r.clockStoppedAt, calendar),
      referralType: r.referralType,
      urgency: r.urgency,
      presentingIssues: issuesOf(r.presentingIssues),
      referrerName: r.referrerName,
      referrerContact: r.referrerContact,
      consentLevel: r.consentLevel,
      consentDate: r.consentDate,
      consentExpiry: r.consentExpiry,
      consentDates: r.consentDates,
      reason: r.reason,
      status: r.status,
      closureReason: r.closureReason,
      counsellorId: r.counsellorId,
      counsellorName: r.counsellorId === null ? null : (users.get(r.counsellorId)?.displayName ?? null),
      caseId: r.caseId,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

export async function caseViews(m: EntityManager, rows: ClientCaseRow[]): Promise<Case[]> {
  const clients = await byId<ClientRow>(m, ClientEntity, unique(rows.map((r) => r.clientId)));
  const users = await byId<{ id: number; displayName: string }>(m, UserAccountEntity, unique(rows.map((r) => r.counsellorId)));
  // The allowance comes from the contract of the referral that opened the case.
  const caseIds = rows.map((r) => r.id);
  const referrals = caseIds.length ? await m.getRepository(ReferralEntity).findBy({ caseId: In(caseIds) }) : [];
  const contracts = await byId<ContractRow>(m, ContractEntity, unique(referrals.map((r) => r.contractId)));
  const allowanceByCase = new Map<number, number>();
  for (const referral of referrals) {
    const contract = referral.contractId === null ? undefined : contracts.get(referral.contractId);
    if (referral.caseId !== null && contract) allowanceByCase.set(referral.caseId, contract.sessionAllowance);
  }
  return rows.map((r) => {
    const client = clients.get(r.clientId);
    return {
      id: r.id,
      clientId: r.clientId,
      clientCode: client?.code ?? '',
      clientName: client ? clientName(client) : '',
      counsellorId: r.counsellorId,
      counsellorName: users.get(r.counsellorId)?.displayName ?? '',
      presentingIssues: issuesOf(r.presentingIssues),
      openedDate: r.openedDate,
      closedDate: r.closedDate,
      closureReason: r.closureReason,
      sessionsUsed: r.sessionsUsed,
      sessionAllowance: allowanceByCase.get(r.id) ?? null,
    };
  });
}

export async function clientSummaries(m: EntityManager, rows: ClientRow[]): Promise<ClientSummary[]> {
  const agencies = await byId<{ id: number; name: string }>(m, AgencyEntity, unique(rows.map((r) => r.agencyId)));
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    givenName: c.givenName,
    familyName: c.familyName,
    preferredName: c.preferredName,
    dateOfBirth: c.dateOfBirth,
    agencyId: c.agencyId,
    agencyName: agencies.get(c.agencyId)?.name ?? '',
  }));
}
