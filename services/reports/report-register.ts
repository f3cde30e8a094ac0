import type { EntityManager } from 'typeorm';
import { ReportRegisterEntity, type ReportRegisterRow } from '../../db/entities';

/**
 * The register of everything that left the clinic as a report or a letter (issue 13).
 * Written in the same transaction as the audit entry of the export, so a file is never
 * handed over without its entry. The disclosure check of a new report reads the earlier
 * entries of the same agencies back from here.
 */
export type PublicationEntry = Omit<ReportRegisterRow, 'id' | 'agencyIds' | 'published'> & {
  agencyIds: readonly number[];
  /** What the file published: JSON-serialisable, with hidden values as null. */
  published: unknown;
};

export async function registerPublication(m: EntityManager, entry: PublicationEntry): Promise<number> {
  const { agencyIds, published, ...rest } = entry;
  const result = await m.getRepository(ReportRegisterEntity).insert({ ...rest, agencyIds: JSON.stringify([...agencyIds].sort((a, b) => a - b)), published: JSON.stringify(published) });
  return Number(result.identifiers[0]!.id);
}

export interface RegisteredPublication extends Omit<ReportRegisterRow, 'agencyIds' | 'published'> {
  agencyIds: number[];
  published: unknown;
}

function parsed(row: ReportRegisterRow): RegisteredPublication {
  return { ...row, agencyIds: JSON.parse(row.agencyIds) as number[], published: JSON.parse(row.published) as unknown };
}

/** Every entry, newest first. */
export async function readRegister(m: EntityManager): Promise<RegisteredPublication[]> {
  const rows = await m.getRepository(ReportRegisterEntity).find({ order: { id: 'DESC' } });
  return rows.map(parsed);
}

/** The agency reports published earlier that share a month and an agency with the given ones. */
export async function overlappingReports(m: EntityManager, agencyIds: readonly number[], from: string, to: string): Promise<RegisteredPublication[]> {
  const rows = await m
    .getRepository(ReportRegisterEntity)
    .createQueryBuilder('r')
    .where("r.kind = 'agency_report' AND r.period_from <= :to AND r.period_to >= :from", { from, to })
    .orderBy('r.id', 'ASC')
    .getMany();
  const wanted = new Set(agencyIds);
  return rows.map(parsed).filter((row) => row.agencyIds.some((id) => wanted.has(id)));
}

/**
 * The newest agency report's entry id (0 when there is none). A report built on one snapshot
 * of the register is entered only if this is still the same: a report published meanwhile
 * (by the CLI beside the app) was not part of its disclosure check.
 */
export async function latestReportEntryId(m: EntityManager): Promise<number> {
  const row = await m.getRepository(ReportRegisterEntity).createQueryBuilder('r').select('max(r.id)', 'latest').where("r.kind = 'agency_report'").getRawOne<{ latest: number | null }>();
  return Number(row?.latest ?? 0);
}
