import type { EntityManager } from 'typeorm';
import { AgencyEntity, ContractEntity, type AgencyRow } from '../../db/entities';
import { AppError } from '../../shared/errors';
import type { Sector } from '../../shared/domain/agencies';
import { monthsBetween } from '../../shared/reports/period';

/**
 * Who a report is about (issue 13): one agency, a sector (all its agencies together) or
 * all agencies, and the minimum cell size that protects it. Only agencies with a contract
 * in force during the period are in it: the contract is what sets k, and a report about an
 * agency the clinic had no contract with has nothing to say.
 */
export type ScopeRequest = { kind: 'agency'; agencyId: number } | { kind: 'sector'; sector: Sector } | { kind: 'all' };

export interface ResolvedScope {
  request: ScopeRequest;
  agencyIds: number[];
  /** The largest minimum cell size among the contracts in force (issue 13, "Small counts"). */
  k: number;
  /** The agency's name, for an agency report; the sector's code for a sector report. */
  agencyName: string | null;
  sector: Sector | null;
  /**
   * What the insight compares the scope with: for an agency, the agencies of its sector with a
   * contract in force (its own included); for a sector, every agency with one; none for all.
   */
  comparisonAgencyIds: number[];
}

/** Sector comparisons need at least this many agencies, so that no one agency's numbers can be worked out from another's. */
export const MIN_AGENCIES_FOR_SECTOR_COMPARISON = 3;

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

interface InForce {
  agency: AgencyRow;
  minCellSize: number;
}

/** Every agency with a contract in force at some day of the period, with its largest k there. */
async function agenciesInForce(m: EntityManager, from: string, to: string): Promise<Map<number, InForce>> {
  const first = `${from}-01`;
  const last = lastDayOf(to);
  const contracts = await m.getRepository(ContractEntity).createQueryBuilder('c').where('c.start_date <= :last AND c.end_date >= :first', { first, last }).getMany();
  const agencies = new Map((await m.getRepository(AgencyEntity).find()).map((a) => [a.id, a]));
  const inForce = new Map<number, InForce>();
  for (const contract of contracts) {
    const agency = agencies.get(contract.agencyId);
    if (!agency) continue;
    const known = inForce.get(agency.id);
    inForce.set(agency.id, { agency, minCellSize: Math.max(known?.minCellSize ?? 0, contract.minCellSize) });
  }
  return inForce;
}

export async function resolveScope(m: EntityManager, request: ScopeRequest, from: string, to: string): Promise<ResolvedScope> {
  if (monthsBetween(from, to).length === 0) throw new AppError('VALIDATION', 'The period ends before it begins.', { issues: [{ path: 'period', code: 'invalid_period', message: 'The period ends before it begins.' }] });
  const inForce = await agenciesInForce(m, from, to);
  let included: InForce[];
  let sector: Sector | null = null;
  if (request.kind === 'agency') {
    const agency = await m.getRepository(AgencyEntity).findOneBy({ id: request.agencyId });
    if (!agency) throw new AppError('NOT_FOUND', 'No such agency.');
    sector = agency.sector;
    included = inForce.has(agency.id) ? [inForce.get(agency.id)!] : [];
  } else if (request.kind === 'sector') {
    sector = request.sector;
    included = [...inForce.values()].filter((entry) => entry.agency.sector === request.sector);
  } else {
    included = [...inForce.values()];
  }
  if (included.length === 0) throw new AppError('NO_CONTRACT_IN_PERIOD', 'No contract of this scope is in force in the period.');
  const comparison = request.kind === 'agency' ? [...inForce.values()].filter((entry) => entry.agency.sector === sector) : request.kind === 'sector' ? [...inForce.values()] : [];
  const comparisonAgencyIds = comparison.map((entry) => entry.agency.id);
  return {
    request,
    agencyIds: included.map((entry) => entry.agency.id).sort((a, b) => a - b),
    k: Math.max(...included.map((entry) => entry.minCellSize)),
    agencyName: request.kind === 'agency' ? included[0]!.agency.name : null,
    sector,
    comparisonAgencyIds: comparisonAgencyIds.sort((a, b) => a - b),
  };
}
