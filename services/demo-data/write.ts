import type { EntityManager } from 'typeorm';
import { foldName } from '../../shared/domain/clients';
import { formatClientCode } from '../../shared/domain/referrals';
import { AgencyEntity, ClientCaseEntity, ClientEntity, ContractEntity, ReferralEntity, ReferralStatusChangeEntity, UserAccountEntity } from '../../db/entities';
import { bulkInsert } from '../../db/bulk';
import { dateOf, iso, yearOf } from './calendar';
import type { DemoActor, DemoPlan } from './plan';

/**
 * Write a plan with one prepared statement per table, inside the caller's transaction.
 * Each kind of record is written in the order it was created, so ids and client codes
 * grow with time; client codes number each registration year from 1.
 */
export interface DemoCounts {
  counsellors: number;
  agencies: number;
  contracts: number;
  clients: number;
  referrals: number;
  cases: number;
  statusChanges: number;
}

const byCreation = <T extends { createdMs: number }>(items: T[]): T[] => [...items].sort((a, b) => a.createdMs - b.createdMs);

function idOf(record: { id?: number }): number {
  if (record.id === undefined) throw new Error('a demo record was referred to before it was written');
  return record.id;
}

export function writePlan(m: EntityManager, plan: DemoPlan, adminId: number, slotKeyNobodyHolds: () => string): DemoCounts {
  const actorId = (by: DemoActor) => (by === 'admin' ? adminId : idOf(by));

  // Demo counsellors get no key slot, and a recorded slot key nobody holds: no slot is
  // vouched for until an admin resets their passphrase.
  assignIds(
    plan.counsellors,
    bulkInsert(
      m,
      UserAccountEntity,
      plan.counsellors.map((c) => ({ username: c.username, displayName: c.displayName, role: 'counsellor' as const, active: true, createdAt: iso(c.createdMs), disabledAt: null, slotPublicKey: slotKeyNobodyHolds() })),
    ),
  );

  const agencies = byCreation(plan.agencies);
  assignIds(
    agencies,
    bulkInsert(
      m,
      AgencyEntity,
      agencies.map((a) => ({ name: a.name, sector: a.sector, address: a.address, contactName: a.contactName, contactEmail: a.contactEmail, contactPhone: a.contactPhone, active: a.active, createdAt: iso(a.createdMs), updatedAt: iso(a.updatedMs) })),
    ),
  );

  const contracts = byCreation(plan.agencies.flatMap((agency) => agency.contracts.map((contract) => ({ agency, contract, createdMs: contract.createdMs }))));
  assignIds(
    contracts.map((c) => c.contract),
    bulkInsert(
      m,
      ContractEntity,
      contracts.map(({ agency, contract: c }) => ({
        agencyId: idOf(agency),
        startDate: dateOf(c.startDay),
        endDate: dateOf(c.endDay),
        coveredHeadcount: c.coveredHeadcount,
        sessionAllowance: c.sessionAllowance,
        allowancePolicy: c.allowancePolicy,
        targets: JSON.stringify(c.targets),
        minCellSize: c.minCellSize,
        reportingFrequency: c.reportingFrequency,
        createdAt: iso(c.createdMs),
        updatedAt: iso(c.createdMs),
      })),
    ),
  );

  const clients = byCreation(plan.clients);
  const sequenceOfYear = new Map<number, number>();
  assignIds(
    clients,
    bulkInsert(
      m,
      ClientEntity,
      clients.map((c) => {
        const year = yearOf(c.createdDay);
        const sequence = (sequenceOfYear.get(year) ?? 0) + 1;
        sequenceOfYear.set(year, sequence);
        return {
          code: formatClientCode(year, sequence),
          agencyId: idOf(c.agency),
          givenName: c.givenName,
          familyName: c.familyName,
          preferredName: c.preferredName,
          foldedName: foldName(`${c.givenName} ${c.familyName}`),
          dateOfBirth: c.dateOfBirth,
          gender: c.gender,
          genderDescription: c.genderDescription,
          email: c.email,
          phone: c.phone,
          jobRole: c.jobRole,
          preferredLanguage: c.preferredLanguage,
          emergencyContactName: c.emergencyContactName,
          emergencyContactPhone: c.emergencyContactPhone,
          createdAt: iso(c.createdMs),
          updatedAt: iso(c.createdMs),
        };
      }),
    ),
  );

  const cases = byCreation(plan.cases);
  assignIds(
    cases,
    bulkInsert(
      m,
      ClientCaseEntity,
      cases.map((c) => ({
        clientId: idOf(c.client),
        counsellorId: idOf(c.counsellor),
        presentingIssues: JSON.stringify(c.presentingIssues),
        openedDate: dateOf(c.openedDay),
        closedDate: c.closedDay === null ? null : dateOf(c.closedDay),
        closureReason: c.closureReason,
        sessionsUsed: c.sessionsUsed,
        createdAt: iso(c.createdMs),
        updatedAt: iso(c.updatedMs),
      })),
    ),
  );

  const referrals = byCreation(plan.referrals);
  assignIds(
    referrals,
    bulkInsert(
      m,
      ReferralEntity,
      referrals.map((r) => {
        const last = r.steps[r.steps.length - 1]!;
        return {
          agencyId: idOf(r.agency),
          contractId: r.contract ? idOf(r.contract) : null,
          clientId: idOf(r.client),
          receivedDate: dateOf(r.receivedDay),
          clockStartedAt: r.clockStartedAt,
          referralType: r.referralType,
          urgency: r.urgency,
          presentingIssues: JSON.stringify(r.presentingIssues),
          referrerName: r.referrerName,
          referrerContact: r.referrerContact,
          consentLevel: r.consentLevel,
          consentDate: r.consentDate,
          consentExpiry: r.consentExpiry,
          reason: r.reason,
          status: last.to,
          closureReason: last.closureReason,
          counsellorId: r.counsellor ? idOf(r.counsellor) : null,
          caseId: r.case ? idOf(r.case) : null,
          createdAt: iso(r.createdMs),
          updatedAt: iso(last.at.ms),
        };
      }),
    ),
  );

  // The history in the order it happened, across all referrals, as the app would have logged it.
  const changes = referrals.flatMap((r) => r.steps.map((step) => ({ referralId: idOf(r), step }))).sort((a, b) => a.step.at.ms - b.step.at.ms);
  bulkInsert(
    m,
    ReferralStatusChangeEntity,
    changes.map(({ referralId, step }) => ({
      referralId,
      fromStatus: step.from,
      toStatus: step.to,
      closureReason: step.closureReason,
      note: '',
      changedAt: iso(step.at.ms),
      changedByUserId: actorId(step.by),
    })),
  );

  return {
    counsellors: plan.counsellors.length,
    agencies: agencies.length,
    contracts: contracts.length,
    clients: clients.length,
    referrals: referrals.length,
    cases: cases.length,
    statusChanges: changes.length,
  };
}

function assignIds(records: Array<{ id?: number }>, ids: number[]): void {
  records.forEach((record, i) => {
    record.id = ids[i]!;
  });
}
