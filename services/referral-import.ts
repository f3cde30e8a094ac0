import type { EntityManager } from 'typeorm';
import { referralCreateSchema, type ChannelOutput, type ParsedInput } from '../shared/contract';
import { AppError, isAppError } from '../shared/errors';
import { clinicDate } from '../shared/domain/clinic-time';
import { foldName } from '../shared/domain/clients';
import { readReferralCsv, sortProblems, type CsvColumn, type CsvProblem, type CsvProblemCode, type ReferralCsvEntry, type ReferralCsvRow } from '../shared/domain/referral-csv';
import { AgencyEntity, type AgencyRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { actorOf, type Actor } from './actor';
import { appendAudit } from './audit-log';
import { findDuplicateClients } from './client-service';
import { intakeReferral } from './referral-service';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Imports a CSV file of referrals (issue 3). The file is read and every row checked on
 * its own (shared/domain/referral-csv); then, inside one write transaction, each row's
 * agency is found by name and its client among the agency's clients (one look-alike: the
 * referral is theirs; several: the row is refused), and every row goes through the same
 * intake as a referral typed in. One problem anywhere and the transaction is rolled
 * back, so a file imports completely or not at all. A dry run does all of it and then
 * rolls back too, so "valid" means exactly "would import".
 */
export async function importReferrals(session: OpenSession, clock: Clock, input: ParsedInput<'referrals.import'>): Promise<ChannelOutput<'referrals.import'>> {
  if (session.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Your role may not do this.');
  const actor = actorOf(session, clock);
  const reading = readReferralCsv(input.csv, { mapping: input.mapping, today: clinicDate(actor.at, session.settings.timeZone) });
  // A file whose header is wrong has no rows worth looking up.
  if (reading.problems.some((p) => p.line === 1)) return { outcome: 'invalid', rows: reading.rows, problems: reading.problems };

  try {
    return await inWriteTransaction(session.dataSource, async (m) => {
      const { problems, planned } = await lookUp(m, reading.entries);
      if (reading.problems.length > 0 || problems.length > 0) throw new Refused([...reading.problems, ...problems]);
      const refused: CsvProblem[] = [];
      for (const row of planned) {
        const problem = await intakeRow(m, actor, session, row);
        if (problem) refused.push(problem);
      }
      if (refused.length > 0) throw new Refused(refused);
      if (input.dryRun) throw new DryRunDone(planned.length);
      await appendAudit(m, { ...actor, action: 'referral.import', recordType: 'referral', recordId: null, outcome: 'success', detail: { rows: planned.length } });
      return { outcome: 'imported' as const, imported: planned.length, dryRun: false };
    });
  } catch (e) {
    if (e instanceof Refused) return { outcome: 'invalid', rows: reading.rows, problems: sortProblems(e.problems) };
    if (e instanceof DryRunDone) return { outcome: 'imported', imported: e.rows, dryRun: true };
    throw e;
  }
}

/** Thrown inside the transaction to roll it back with the problems found. */
class Refused extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super('refused');
  }
}

/** Thrown at the end of a dry run, to roll back everything it did. */
class DryRunDone extends Error {
  constructor(readonly rows: number) {
    super('dry run');
  }
}

type Lookup = { agency: AgencyRow } | { problem: CsvProblemCode };

/** Active agencies by folded name (an inactive one is told apart, to say so). */
async function agencyFinder(m: EntityManager): Promise<(name: string) => Lookup> {
  const agencies = await m.getRepository(AgencyEntity).find();
  return (name) => {
    const same = agencies.filter((a) => foldName(a.name) === foldName(name));
    const active = same.filter((a) => a.active);
    if (active.length === 1) return { agency: active[0]! };
    if (active.length > 1) return { problem: 'ambiguous_agency' };
    return { problem: same.length > 0 ? 'agency_inactive' : 'unknown_agency' };
  };
}

interface Planned {
  row: ReferralCsvRow;
  agencyId: number;
  /** The agency's one existing client who looks like this person, if any. */
  clientId: number | null;
}

/**
 * What only the vault can tell: the agency of every row (an unknown one is reported
 * even on rows with other problems), and for each clean row whether the agency already
 * has this client: one look-alike is the client, several make the row ambiguous.
 */
async function lookUp(m: EntityManager, entries: ReferralCsvEntry[]): Promise<{ problems: CsvProblem[]; planned: Planned[] }> {
  const findAgency = await agencyFinder(m);
  const problems: CsvProblem[] = [];
  const planned: Planned[] = [];
  for (const entry of entries) {
    if (entry.agency === '') continue; // already refused as required
    const found = findAgency(entry.agency);
    if ('problem' in found) {
      problems.push({ line: entry.line, column: 'agency', code: found.problem });
      continue;
    }
    if (!entry.row) continue;
    const candidates = await findDuplicateClients(m, found.agency.id, entry.row);
    if (candidates.length > 1) problems.push({ line: entry.line, column: null, code: 'ambiguous_client' });
    else planned.push({ row: entry.row, agencyId: found.agency.id, clientId: candidates[0]?.id ?? null });
  }
  return { problems, planned };
}

/** Where a field of the intake input sits in the file. */
const COLUMN_OF_PATH: Record<string, CsvColumn> = {
  agencyId: 'agency',
  receivedDate: 'received_date',
  referralType: 'referral_type',
  urgency: 'urgency',
  presentingIssues: 'presenting_issues',
  consentLevel: 'consent_level',
  consentDate: 'consent_date',
  consentExpiry: 'consent_expiry',
  consentDates: 'consent_dates',
  referrerName: 'referrer_name',
  referrerContact: 'referrer_contact',
  reason: 'reason',
  'client.givenName': 'given_name',
  'client.familyName': 'family_name',
  'client.dateOfBirth': 'date_of_birth',
  'client.email': 'email',
  'client.phone': 'phone',
};

/** Intake of one row, as a referral typed in would be; a refusal becomes a problem on its line. */
async function intakeRow(m: EntityManager, actor: Actor, session: OpenSession, planned: Planned): Promise<CsvProblem | null> {
  const { row } = planned;
  const client =
    planned.clientId !== null
      ? { mode: 'existing' as const, clientId: planned.clientId }
      : { mode: 'new' as const, givenName: row.givenName, familyName: row.familyName, dateOfBirth: row.dateOfBirth, email: row.email, phone: row.phone };
  const parsed = referralCreateSchema.safeParse({
    agencyId: planned.agencyId,
    receivedDate: row.receivedDate,
    referralType: row.referralType,
    urgency: row.urgency,
    presentingIssues: row.presentingIssues,
    referrerName: row.referrerName,
    referrerContact: row.referrerContact,
    consentLevel: row.consentLevel,
    consentDate: row.consentDate,
    consentExpiry: row.consentExpiry,
    consentDates: row.consentDates,
    reason: row.reason,
    client,
    // Look-alikes were settled above: none, or the one client used.
    allowDuplicate: false,
  });
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    return { line: row.line, column: COLUMN_OF_PATH[path] ?? null, code: 'invalid' };
  }
  try {
    const result = await intakeReferral(m, actor, session.settings, parsed.data);
    // Cannot happen after the look-up above, but a new client must never slip past the guard.
    if (result.outcome !== 'created') return { line: row.line, column: null, code: 'ambiguous_client' };
    return null;
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') {
      const path = e.issues?.[0]?.path ?? '';
      const column = COLUMN_OF_PATH[path] ?? null;
      const code: CsvProblemCode = e.issues?.[0]?.code === 'date_in_future' ? 'future_date' : path === 'agencyId' ? 'unknown_agency' : 'invalid';
      return { line: row.line, column, code };
    }
    throw e;
  }
}
