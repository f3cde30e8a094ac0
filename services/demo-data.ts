import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import { isCalendarDate } from '../shared/domain/agencies';
import { ClinicHolidayEntity, RoomEntity, UserAccountEntity } from '../db/entities';
import { countRows } from '../db/table-dump';
import { rawConnection, withPageCache } from '../db/bulk';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import type { Clock } from './clock';
import { unheldSlotPublicKey } from './data-import';
import { catalogue } from './instrument-catalogue';
import { readDefaultPlan } from './measurement-plan-service';
import { buildPlan } from './demo-data/build-plan';
import { ClinicDays, dateOf, dayOf } from './demo-data/calendar';
import { DEMO_SIZES, type DemoSize } from './demo-data/plan';
import { writePlan, type DemoCounts } from './demo-data/write';
import type { OpenSession } from './session';

export { DEMO_SIZES, SIZE_SPECS, type DemoSize } from './demo-data/plan';

/**
 * Demo data on request (`tenang seed-demo`), never otherwise: realistic synthetic
 * agencies, contracts, clients, referrals with their histories, cases, demo counsellors
 * with their working hours and leave, rooms, the clinic's holidays, and every case's
 * sessions with attendance, no-shows and cancellations (and agencies' workshops), and the
 * case notes of the last months (signed with their hashes, some drafts and addenda) with a
 * few risk flags, and the outcome measures given in those months with their item 9 alerts
 * followed up, for demos, tests and benchmarks. Deterministic: the same seed and
 * as-of date give the same records. Only into a vault without agencies, clients or
 * referrals: demo records mixed into a clinic's real ones could never be cleanly taken out
 * again (the histories are append-only), so there is no --force. Rooms and holidays the
 * vault already has are kept: demo rooms take other names, and no demo session falls on a
 * holiday entered.
 */
export interface SeedOptions {
  size: DemoSize;
  seed: number;
  /** YYYY-MM-DD; every record is from before this day. Null: today in the clinic's zone. */
  asOf: string | null;
}

export interface SeedSummary extends DemoCounts {
  size: DemoSize;
  seed: number;
  asOf: string;
  /** Usernames of the demo counsellors: they have no key slot until an admin resets their passphrase. */
  counsellorUsernames: string[];
}

/** Tables the demo fills, which must be empty before it does. */
const DEMO_TABLES = ['agency', 'contract', 'client', 'client_case', 'referral', 'referral_status_change'] as const;

export async function seedDemoData(session: OpenSession, clock: Clock, options: SeedOptions): Promise<SeedSummary> {
  if (!DEMO_SIZES.includes(options.size)) throw invalid('size', 'The size is small, medium or large.');
  if (!Number.isSafeInteger(options.seed) || options.seed < 0 || options.seed > 0xffff_ffff) throw invalid('seed', 'The seed is a whole number from 0 to 4294967295.');
  const asOf = options.asOf ?? dateOf(new ClinicDays(session.settings.timeZone).today(clock.now()));
  if (!isCalendarDate(asOf) || asOf < '2005-01-01') throw invalid('asOf', 'The as-of date is a date (YYYY-MM-DD) after 2005.');
  const ds = session.dataSource;
  assertNoRecords(ds.manager);
  const takenUsernames = new Set((await ds.getRepository(UserAccountEntity).find()).map((u) => u.username));
  const takenRoomNames = new Set((await ds.getRepository(RoomEntity).find()).map((r) => r.name));
  const existingHolidays = new Set((await ds.getRepository(ClinicHolidayEntity).find()).map((h) => h.date));
  // Questionnaires as this clinic gives them: its default plan, its instruments switched on.
  const measures = {
    defaultPlan: await readDefaultPlan(ds.manager),
    instruments: new Map((await catalogue(ds.manager)).filter((entry) => entry.enabled).map((entry) => [entry.instrument.id, entry.instrument])),
  };
  // Planned before the write transaction, so the vault's write lock is held only while writing.
  const timeZone = session.settings.timeZone;
  const plan = buildPlan({ size: options.size, seed: options.seed, asOfDay: dayOf(asOf), timeZone, takenUsernames, takenRoomNames, existingHolidays, measures });
  return inWriteTransaction(ds, async (m) => {
    assertNoRecords(m);
    const counts = withPageCache(m, 512, () => writePlan(m, plan, session.user.id, unheldSlotPublicKey, timeZone));
    await appendAudit(m, {
      ...actorOf(session, clock),
      action: 'data.seed_demo',
      recordType: 'vault',
      recordId: session.vaultId,
      outcome: 'success',
      detail: { size: options.size, seed: options.seed, asOf, ...counts },
    });
    return { size: options.size, seed: options.seed, asOf, ...counts, counsellorUsernames: plan.counsellors.map((c) => c.username) };
  });
}

function assertNoRecords(m: EntityManager): void {
  const raw = rawConnection(m);
  if (DEMO_TABLES.some((table) => countRows(raw, table) > 0)) {
    throw new AppError('VAULT_NOT_EMPTY', 'Demo data goes only into a vault without agencies, clients or referrals.');
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path, code: 'invalid_value', message }] });
}
