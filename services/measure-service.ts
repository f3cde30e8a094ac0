import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { Administration, CaseOutcome, ParsedInput } from '../shared/contract';
import { clinicWallClock } from '../shared/domain/clinic-time';
import { checkResponses, scoreResponses } from '../shared/measures/scoring';
import { ANXIETY_MEASURE, DEPRESSION_MEASURE, instrumentChange, pairedOutcome, type TotalAt } from '../shared/measures/outcomes';
import type { InstrumentDefinition } from '../shared/measures/instrument-schema';
import { MeasureAdministrationEntity, MeasureAlertEntity, SessionEntity, type ClientCaseRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { assertInCaseload, readableCaseIdsSql } from './caseload';
import { catalogue, instrumentsById } from './instrument-catalogue';
import { caseToRead, caseToWrite, seesAnswers } from './measure-access';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Outcome measures given and read (issue 12). Answers are stored item by item as given;
 * every score, band, alert and outcome here is derived from them by `shared/measures`.
 */

interface AdministrationRow {
  id: number;
  caseId: number;
  clientId: number;
  sessionId: number | null;
  instrumentId: string;
  instrumentVersion: string;
  administeredAt: string;
  mode: 'counsellor' | 'client';
  responses: string;
  recordedByName: string;
}

const SELECT_ADMINISTRATIONS = `SELECT ma.id AS id, ma.case_id AS caseId, c.client_id AS clientId, ma.session_id AS sessionId, ma.instrument_id AS instrumentId,
    ma.instrument_version AS instrumentVersion, ma.administered_at AS administeredAt, ma.mode AS mode, ma.responses AS responses, u.display_name AS recordedByName
  FROM measure_administration ma JOIN client_case c ON c.id = ma.case_id JOIN user_account u ON u.id = ma.recorded_by_user_id`;

async function queryAdministrations(m: EntityManager, where: string, params: unknown[]): Promise<AdministrationRow[]> {
  return m.query(`${SELECT_ADMINISTRATIONS} WHERE ${where} ORDER BY ma.administered_at, ma.id`, params);
}

/** A stored administration as a reader sees it: scored now, by today's rules, from its answers. */
function administrationView(row: AdministrationRow, instrument: InstrumentDefinition | undefined, withAnswers: boolean): Administration {
  const responses = JSON.parse(row.responses) as (number | null)[];
  if (!instrument) throw new AppError('VAULT_DAMAGED', 'An instrument this vault used is missing.');
  const { score, complete, alerts } = scoreResponses(instrument, responses);
  const { responses: _stored, ...rest } = row;
  return { ...rest, responses: withAnswers ? responses : null, complete, score, alerts };
}

async function views(m: EntityManager, session: OpenSession, rows: AdministrationRow[]): Promise<Administration[]> {
  const instruments = await instrumentsById(m);
  return rows.map((row) => administrationView(row, instruments.get(row.instrumentId), seesAnswers(session)));
}

export async function recordMeasure(session: OpenSession, clock: Clock, input: ParsedInput<'measures.record'>): Promise<Administration> {
  const actor = actorOf(session, clock);
  const kase = await caseToWrite(session, actor, input.caseId);
  const m = session.dataSource.manager;
  const entry = (await catalogue(m)).find((candidate) => candidate.instrument.id === input.instrumentId && candidate.enabled);
  const invalid = (path: string, code: string, message: string) => new AppError('VALIDATION', message, { issues: [{ path, code, message }] });
  if (!entry) throw invalid('instrumentId', 'instrument_not_active', 'The clinic does not use this instrument.');
  const instrument = entry.instrument;
  const responseIssues = checkResponses(instrument, input.responses);
  if (responseIssues.length > 0) {
    throw new AppError('VALIDATION', 'Some answers do not fit the questionnaire.', { issues: responseIssues.map((issue) => ({ path: issue.path, code: issue.message, message: issue.message })) });
  }
  if (input.sessionId !== undefined) {
    const held = await m.getRepository(SessionEntity).findOneBy({ id: input.sessionId });
    if (!held || held.caseId !== kase.id) throw invalid('sessionId', 'session_not_of_case', 'This session is not one of the case’s.');
  }
  const now = clinicWallClock(clock.now(), session.settings.timeZone);
  if (input.administeredAt > now) throw invalid('administeredAt', 'date_in_future', 'The time given is in the future.');
  if (input.administeredAt.slice(0, 10) < kase.openedDate) throw invalid('administeredAt', 'before_case_opened', 'The case was not yet open then.');

  const { alerts } = scoreResponses(instrument, input.responses);
  const id = await inWriteTransaction(session.dataSource, async (tx) => {
    const row = await tx.getRepository(MeasureAdministrationEntity).save({
      caseId: kase.id,
      sessionId: input.sessionId ?? null,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      administeredAt: input.administeredAt,
      mode: input.mode,
      responses: JSON.stringify(input.responses),
      recordedByUserId: actor.actorUserId,
      recordedAt: actor.at,
    });
    for (const alert of alerts) {
      await tx.getRepository(MeasureAlertEntity).save({ administrationId: row.id, alert, raisedAt: actor.at, followUpKind: null, followUpRiskFlagId: null, followUpNoteId: null, followedUpAt: null, followedUpByUserId: null });
    }
    // Never the answers: which questionnaire, how it was given, and whether it raised alerts.
    await appendAudit(tx, {
      ...actor,
      action: 'measure.record',
      recordType: 'case',
      recordId: String(kase.id),
      outcome: 'success',
      detail: { administrationId: row.id, instrumentId: instrument.id, mode: input.mode, alerts: alerts.length },
    });
    return row.id;
  });
  const [view] = await views(m, session, await queryAdministrations(m, 'ma.id = ?', [id]));
  return view!;
}

export async function listMeasures(session: OpenSession, clock: Clock, input: ParsedInput<'measures.list'>): Promise<Administration[]> {
  const actor = actorOf(session, clock);
  const m = session.dataSource.manager;
  if ('caseId' in input) {
    await caseToRead(session, actor, input.caseId);
    return views(m, session, await queryAdministrations(m, 'ma.case_id = ?', [input.caseId]));
  }
  await assertInCaseload(session, actor, input.clientId, { type: 'client', id: input.clientId });
  if (session.user.role === 'admin') return views(m, session, await queryAdministrations(m, 'c.client_id = ?', [input.clientId]));
  const readable = readableCaseIdsSql(session.user.id);
  return views(m, session, await queryAdministrations(m, `c.client_id = ? AND ma.case_id IN (${readable.sql})`, [input.clientId, ...readable.params]));
}

/** The session types whose attendance counts toward "finished treatment". */
export const TREATMENT_SESSION_TYPES = ['counselling', 'follow_up'] as const;

/** Treatment sessions of a case that took place: what "finished treatment" counts. */
async function attendedTreatmentSessions(m: EntityManager, caseId: number): Promise<number> {
  const [row] = await m.query(`SELECT count(*) AS n FROM session WHERE case_id = ? AND status = 'attended' AND session_type IN (${TREATMENT_SESSION_TYPES.map(() => '?').join(', ')})`, [caseId, ...TREATMENT_SESSION_TYPES]);
  return Number((row as { n: number }).n);
}

export async function caseOutcome(session: OpenSession, clock: Clock, input: ParsedInput<'measures.caseOutcome'>): Promise<CaseOutcome> {
  const kase = await caseToRead(session, actorOf(session, clock), input.caseId);
  return outcomeOf(session.dataSource.manager, kase);
}

/** The published outcome rules over a case's complete administrations (see `shared/measures/outcomes.ts`). */
export async function outcomeOf(m: EntityManager, kase: ClientCaseRow): Promise<CaseOutcome> {
  const rows = await queryAdministrations(m, 'ma.case_id = ?', [kase.id]);
  return outcomeFromAdministrations(await instrumentsById(m), kase, rows, await attendedTreatmentSessions(m, kase.id));
}

/**
 * A case's outcome from its administrations (in the order given) and its attended
 * treatment sessions: the one place the outcome rules meet the stored answers, for one
 * case's card and for the cases of a report alike.
 */
export function outcomeFromAdministrations(
  instruments: ReadonlyMap<string, InstrumentDefinition>,
  kase: Pick<ClientCaseRow, 'id' | 'closedDate'>,
  rows: ReadonlyArray<Pick<AdministrationRow, 'id' | 'instrumentId' | 'administeredAt' | 'responses'>>,
  attended: number,
): CaseOutcome {
  const totals = new Map<string, TotalAt[]>();
  for (const row of rows) {
    const instrument = instruments.get(row.instrumentId);
    if (!instrument) continue;
    const { score } = scoreResponses(instrument, JSON.parse(row.responses) as (number | null)[]);
    const list = totals.get(row.instrumentId) ?? [];
    if (score.total !== null) list.push({ administrationId: row.id, administeredAt: row.administeredAt, total: score.total });
    totals.set(row.instrumentId, list);
  }
  const finished = kase.closedDate !== null && attended >= 2;
  const measure = (id: string) => {
    const instrument = instruments.get(id);
    return instrument ? { instrument, totals: totals.get(id) ?? [] } : null;
  };
  const [depression, anxiety] = [measure(DEPRESSION_MEASURE), measure(ANXIETY_MEASURE)];
  return {
    caseId: kase.id,
    finished,
    attendedTreatmentSessions: attended,
    instruments: [...totals.entries()].map(([id, list]) => instrumentChange(instruments.get(id)!, list)),
    paired:
      depression && anxiety
        ? pairedOutcome(finished, depression, anxiety)
        : { casenessAtStart: null, recovered: null, reliableImprovement: null, reliableDeterioration: null, reliableRecovery: null },
  };
}
