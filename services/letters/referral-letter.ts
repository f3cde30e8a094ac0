import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { clinicDate } from '../../shared/domain/clinic-time';
import { attendanceStatement, letterRefusal, type ComplianceStatement, type LetterFacts } from '../../shared/domain/referral-letter';
import { letterBlocks, type LetterBlock } from '../../shared/domain/referral-letter-text';
import { LANGUAGES, type Language } from '../../shared/settings';
import { ClientEntity, ReferralEntity, SessionEntity, type ReferralRow } from '../../db/entities';
import { inWriteTransaction } from '../../db/transaction';
import { appendAudit } from '../audit-log';
import { actorOf, type Actor } from '../actor';
import { newestCompliance } from '../compliance-service';
import { clientName } from '../record-views';
import { registerPublication } from '../reports/report-register';
import { assertMayWrite, writePrivateFile } from '../private-file';
import { letterPdf } from './letter-pdf';
import { isoAt, type Clock } from '../clock';
import type { OpenSession } from '../session';

/**
 * A consent-scoped letter to a formal management referral's referrer (issue 13). Admins
 * write it; it says only what the client's consent allows (the rules and the facts are in
 * shared/domain/referral-letter.ts, the words in referral-letter-text.ts): the sessions of
 * the referral's case the client attended, by month or by day, and with
 * `attendance_and_compliance` the counsellor's newest yes or no. No counsellor, note,
 * presenting issue or measure is read for it, so none can reach it.
 *
 * Every letter is entered in the register (exactly the facts it states) and the audit log
 * in one transaction, and the file is written only after that: a failed write leaves an
 * entry for a letter nobody received, never a letter the register does not know of.
 */

export interface LetterRequest {
  referralId: number;
  /** The letter's language; the client's preferred one (or the clinic's) when left out. */
  language?: Language | undefined;
}

function assertAdmin(session: OpenSession): void {
  if (session.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin writes letters to referrers.');
}

function refusalMessage(code: NonNullable<ReturnType<typeof letterRefusal>>): string {
  switch (code) {
    case 'LETTER_NOT_FORMAL':
      return 'Only a formal management referral has a referrer to write to.';
    case 'LETTER_NO_CONSENT':
      return 'The client did not consent to anything being shared with the referrer.';
    case 'LETTER_CONSENT_INCOMPLETE':
      return "The client's consent is missing the date it was given or the date it ends.";
    case 'LETTER_CONSENT_EXPIRED':
      return "The client's consent has expired.";
  }
}

/** The clinic-calendar dates of the attended sessions of the referral's case (none before a case is open). */
async function attendedDates(m: EntityManager, referral: ReferralRow, timeZone: string): Promise<string[]> {
  if (referral.caseId === null) return [];
  const sessions = await m.getRepository(SessionEntity).find({ where: { caseId: referral.caseId, status: 'attended' }, select: { id: true, startMs: true }, order: { startMs: 'ASC' } });
  return sessions.map((s) => clinicDate(new Date(s.startMs).toISOString(), timeZone));
}

async function complianceFor(m: EntityManager, referral: ReferralRow, timeZone: string): Promise<ComplianceStatement | null> {
  if (referral.caseId === null) return null;
  const row = await newestCompliance(m, referral.caseId);
  return row ? { followed: row.followed, recordedOn: clinicDate(row.recordedAt, timeZone) } : null;
}

/** What the letter would state now, or the refusal (an AppError with the refusal's code). */
async function letterFacts(m: EntityManager, session: OpenSession, actor: Actor, request: LetterRequest): Promise<LetterFacts> {
  const referral = await m.getRepository(ReferralEntity).findOneBy({ id: request.referralId });
  if (!referral) throw new AppError('NOT_FOUND', 'There is no such record.');
  const { timeZone, clinicName, language: clinicLanguage } = session.settings;
  const today = clinicDate(actor.at, timeZone);
  const refusal = letterRefusal(referral, today);
  if (refusal) throw new AppError(refusal, refusalMessage(refusal));
  const client = await m.getRepository(ClientEntity).findOneByOrFail({ id: referral.clientId });
  const preferred = (LANGUAGES as readonly string[]).includes(client.preferredLanguage) ? (client.preferredLanguage as Language) : clinicLanguage;
  const facts: LetterFacts = {
    referralId: referral.id,
    language: request.language ?? preferred,
    writtenOn: today,
    clinicName,
    referrerName: referral.referrerName,
    clientName: clientName(client),
    // letterRefusal has ruled out 'none' and missing dates.
    consentLevel: referral.consentLevel as LetterFacts['consentLevel'],
    consentDate: referral.consentDate!,
    consentExpiry: referral.consentExpiry!,
    attendance: attendanceStatement(await attendedDates(m, referral, timeZone), referral.consentDates),
  };
  if (facts.consentLevel === 'attendance_and_compliance') facts.compliance = await complianceFor(m, referral, timeZone);
  return facts;
}

/** The letter as it would be written now, for the admin to check first. Writes only its audit entry; a refusal says why. */
export async function previewReferralLetter(session: OpenSession, clock: Clock, input: ParsedInput<'letters.referralPreview'>): Promise<{ facts: LetterFacts; blocks: LetterBlock[] }> {
  assertAdmin(session);
  const actor = actorOf(session, clock);
  const facts = await letterFacts(session.dataSource.manager, session, actor, input);
  // The preview shows the client's name and attended sessions: who looked is on the record.
  await inWriteTransaction(session.dataSource, (m) =>
    appendAudit(m, { ...actor, action: 'referral.view', recordType: 'referral', recordId: String(input.referralId), outcome: 'success', detail: { purpose: 'letter_preview' } }),
  );
  return { facts, blocks: letterBlocks(facts) };
}

export interface WrittenLetter {
  path: string;
  registerId: number;
  sha256: string;
  facts: LetterFacts;
}

/**
 * Write the letter to `path` (0600; an existing file only with `force`). Everything is
 * checked before anything is written; a refusal writes nothing, not even a register line.
 */
export async function writeReferralLetter(session: OpenSession, clock: Clock, request: LetterRequest & { path: string; force: boolean }): Promise<WrittenLetter> {
  assertAdmin(session);
  const path = resolve(request.path);
  assertMayWrite(path, request.force);
  const actor = actorOf(session, clock);
  const { facts, pdf, sha256, registerId } = await inWriteTransaction(session.dataSource, async (m) => {
    const facts = await letterFacts(m, session, actor, request);
    const pdf = await letterPdf(letterBlocks(facts), new Date(clock.now()));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const referral = await m.getRepository(ReferralEntity).findOneByOrFail({ id: facts.referralId });
    const registerId = await registerPublication(m, {
      kind: 'referral_letter',
      madeByUserId: actor.actorUserId,
      madeAt: actor.at,
      scopeKind: null,
      scopeName: null,
      agencyIds: [referral.agencyId],
      periodFrom: null,
      periodTo: null,
      referralId: facts.referralId,
      format: 'pdf',
      language: facts.language,
      sha256,
      published: facts,
    });
    const sessions = facts.attendance.dating === 'month' ? facts.attendance.months.reduce((n, x) => n + x.sessions, 0) : facts.attendance.days.length;
    await appendAudit(m, {
      ...actor,
      action: 'letter.referral',
      recordType: 'referral',
      recordId: String(facts.referralId),
      outcome: 'success',
      detail: { registerId, language: facts.language, consentLevel: facts.consentLevel, dating: facts.attendance.dating, sessions, compliance: facts.compliance === undefined ? 'not_covered' : facts.compliance === null ? 'not_recorded' : 'stated', sha256 },
    });
    return { facts, pdf, sha256, registerId };
  });
  writePrivateFile(path, pdf, request.force);
  return { path, registerId, sha256, facts };
}

interface AppLetterDeps {
  clock: Clock;
  chooseSavePath: ((suggestedName: string) => Promise<string | null>) | null;
}

/**
 * The letter saved from the app: checked first (a refusal needs no save dialog), then the
 * admin chooses where in the system's save dialog (which has asked before replacing a
 * file). The suggested name holds the referral's number and the date, never a name.
 */
export async function saveReferralLetterFromApp(session: OpenSession, deps: AppLetterDeps, input: ParsedInput<'letters.referralSave'>): Promise<ChannelOutput<'letters.referralSave'>> {
  const { facts } = await previewReferralLetter(session, deps.clock, input);
  if (!deps.chooseSavePath) throw new AppError('SAVE_UNAVAILABLE', 'Choosing where to save a file needs the desktop app; use `tenang letter referral` here.');
  const path = await deps.chooseSavePath(`referral-letter-${facts.referralId}-${clinicDate(isoAt(deps.clock), session.settings.timeZone)}.pdf`);
  if (path === null) return { outcome: 'cancelled' };
  const written = await writeReferralLetter(session, deps.clock, { ...input, path, force: true });
  return { outcome: 'saved', path: written.path, registerId: written.registerId, sha256: written.sha256 };
}
