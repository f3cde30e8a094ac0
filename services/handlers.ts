import type { ChannelName, ChannelOutput, EventName, ParsedInput } from '../shared/contract';
import type { LockReason } from '../shared/audit-actions';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit, listAudit, verifyAudit } from './audit-log';
import { isoAt, type Clock } from './clock';
import { readSettings, writeSettings } from './settings-service';
import { sessionInfo, type OpenSession } from './session';
import { changeOwnPassphrase, createUser, disableUser, listUsers, resetPassphrase } from './user-service';
import { rekeyVault, recoverWithKey, setupVault, unlockVault, vaultStatus, type VaultDeps } from './vault-service';
import { discardDraft, getDraft, saveDraft } from './draft-service';
import { createAgency, createContract, listAgencies, listContracts, updateAgency, updateContract } from './agency-service';
import { getClient, searchClients, updateClient, findDuplicateClients } from './client-service';
import { assignReferral, createReferral, getReferral, listReferrals, moveReferral, waitlist } from './referral-service';
import { importReferrals } from './referral-import';
import { closeCase, listCases } from './case-service';
import { addHoliday, addLeave, createRoom, getAvailability, listHolidays, listRooms, removeHoliday, removeLeave, setWorkingHours, updateRoom } from './availability-service';
import { bookSessions, getSession, listSessions, rescheduleSession, setAttendance, setSessionStatus } from './session-service';
import { exportCalendarIcs } from './calendar-export';
import { addAddendum, createNote, getNote, homeScreen, listNotes, saveNoteDraft, signNote } from './note-service';
import { searchNotes } from './note-search';
import { verifySignatures } from './note-views';
import { clearRiskFlag, listRiskFlags, raiseRiskFlag } from './risk-flag-service';
import { addAttachment, getAttachment, listAttachments, openAttachmentCopy } from './attachment-service';
import { activeInstruments, addInstrument, instrumentCatalogue, setInstrumentEnabled } from './instrument-catalogue';
import { caseOutcome, listMeasures, recordMeasure } from './measure-service';
import { followUpWithNote, listAlerts } from './measure-alerts';
import { dueMeasures, getCasePlan, getDefaultPlan, setCasePlan, setDefaultPlan } from './measurement-plan-service';
import { endClientMode, startClientMode } from './client-mode';
import { exportReportFromApp, previewReport, reportOptions, reportRegister } from './reports/report-app';
import { clinicDate } from '../shared/domain/clinic-time';
import { passphraseResetSinceLastSignIn } from './account-notices';
import type { ExportsInProgress } from './exports-in-progress';
import { exportFromApp } from './data-export-app';
import { getCompliance, recordCompliance } from './compliance-service';
import { previewReferralLetter, saveReferralLetterFromApp } from './letters/referral-letter';
import { UserAccountEntity, AuditEntryEntity } from '../db/entities';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { AppError } from '../shared/errors';
import { clearRecoveryKeyFromClipboard, type SystemClipboard } from './clipboard';
import type { GiveWayWhile } from './request-queue';

/** What a handler may touch: the vault folder, the clock, and the session it may open or close. */
export interface HandlerContext extends VaultDeps {
  clock: Clock;
  /** The open session; the dispatcher guarantees it is set for every non-public channel. */
  session: OpenSession | null;
  openSession(session: OpenSession): Promise<void>;
  lock(reason: LockReason): Promise<void>;
  /** Writes a short-lived plain copy of a document and opens it in the OS's viewer; null where there is none (CLI, tests). */
  openCopy: ((bytes: Buffer, extension: string) => Promise<void>) | null;
  /** Asks where to save a file; null where nobody can be asked (the CLI has its own commands). */
  chooseSavePath: ((suggestedName: string) => Promise<string | null>) | null;
  /** Where exports note their temp files while they write them. */
  exportsInProgress: ExportsInProgress;
  /** The system clipboard; null where there is none (CLI, tests). */
  clipboard: SystemClipboard | null;
  /**
   * Lets other requests run while this one waits on work elsewhere (a report's worker
   * thread). Refused afterwards if the vault was locked meanwhile.
   */
  whileOthersRun: GiveWayWhile;
  /** Pushes an event to the window (progress of a long request). */
  notify(event: EventName, payload: unknown): void;
}

type Handler<C extends ChannelName> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
type HandlerTable = { [C in ChannelName]: Handler<C> };

function signedIn(ctx: HandlerContext): OpenSession {
  if (!ctx.session) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
  return ctx.session;
}

/** Every contract channel mapped to its use case; TypeScript refuses a missing one. */
export const handlers: HandlerTable = {
  'app.status': async (_input, ctx) => vaultStatus(ctx, ctx.session),

  'vault.setup': async (input, ctx) => {
    if (ctx.session) await ctx.lock('manual');
    const { session, recoveryKey } = await setupVault(ctx, input);
    await ctx.openSession(session);
    return { recoveryKey, session: sessionInfo(session) };
  },

  'session.unlock': async (input, ctx) => {
    if (ctx.session) await ctx.lock('manual');
    const { session, info } = await unlockVault(ctx, input);
    await ctx.openSession(session);
    return { ...info, passphraseResetSinceLastSignIn: await passphraseResetSinceLastSignIn(session.dataSource.manager, session.user.id) };
  },

  'session.recover': async (input, ctx) => {
    if (ctx.session) await ctx.lock('manual');
    const { session, info } = await recoverWithKey(ctx, input);
    await ctx.openSession(session);
    return { ...info, passphraseResetSinceLastSignIn: await passphraseResetSinceLastSignIn(session.dataSource.manager, session.user.id) };
  },

  'clipboard.clearRecoveryKey': async (input, ctx) => ({ outcome: await clearRecoveryKeyFromClipboard(ctx.clipboard, input.recoveryKey) }),

  'session.lock': async (_input, ctx) => {
    await ctx.lock('manual');
    return { locked: true as const };
  },

  'session.activity': async (_input, ctx) => {
    const session = signedIn(ctx);
    return { idleLockAt: new Date(session.lastActivityMs + session.settings.autoLockMinutes * 60_000).toISOString() };
  },

  'account.changePassphrase': async (input, ctx) => {
    await changeOwnPassphrase(ctx, signedIn(ctx), input);
    return { changed: true as const };
  },

  'settings.get': async (_input, ctx) => readSettings(signedIn(ctx).dataSource),

  'settings.update': async (input, ctx) => {
    const session = signedIn(ctx);
    await inWriteTransaction(session.dataSource, async (m) => {
      const changed = await writeSettings(m, input);
      if (changed.length > 0) {
        await appendAudit(m, { at: isoAt(ctx.clock), actorUserId: session.user.id, actorUsername: session.user.username, action: 'settings.update', recordType: 'settings', recordId: 'clinic', outcome: 'success', detail: { changed: changed.join(',') } });
      }
    });
    session.settings = await readSettings(session.dataSource);
    return session.settings;
  },

  'users.list': async (_input, ctx) => ({ users: await listUsers(ctx, signedIn(ctx)) }),
  'users.create': async (input, ctx) => createUser(ctx, signedIn(ctx), input),
  'users.disable': async (input, ctx) => disableUser(ctx, signedIn(ctx), input.userId),
  'users.resetPassphrase': async (input, ctx) => resetPassphrase(ctx, signedIn(ctx), input),

  'audit.list': async (input, ctx) => {
    const session = signedIn(ctx);
    return listAudit(session.dataSource, input, session.settings.timeZone);
  },
  'audit.verify': async (input, ctx) => verifyAudit(signedIn(ctx).dataSource, input.anchor),

  'vault.verify': async (_input, ctx) => {
    const session = signedIn(ctx);
    const rows = (await session.dataSource.query('PRAGMA quick_check')) as Array<{ quick_check: string }>;
    if (rows[0]?.quick_check !== 'ok') throw new AppError('VAULT_DAMAGED', 'The vault file is damaged.');
    const users = await session.dataSource.getRepository(UserAccountEntity).count();
    await inWriteTransaction(session.dataSource, (m) =>
      appendAudit(m, { at: isoAt(ctx.clock), actorUserId: session.user.id, actorUsername: session.user.username, action: 'vault.verify', recordType: 'vault', recordId: session.vaultId, outcome: 'success' }),
    );
    const auditEntries = await session.dataSource.getRepository(AuditEntryEntity).count();
    const signatures = await verifySignatures(session.dataSource.manager);
    return { integrity: 'ok' as const, schemaVersion: LATEST_SCHEMA_VERSION, users, auditEntries, signatures };
  },

  'vault.rekey': async (input, ctx) => rekeyVault(ctx, signedIn(ctx), input.passphrase),
  'data.export': async (input, ctx) => exportFromApp(signedIn(ctx), ctx, input),

  'drafts.get': async (input, ctx) => getDraft(signedIn(ctx), input.formKey),
  'drafts.save': async (input, ctx) => saveDraft(signedIn(ctx), ctx.clock, input.formKey, input.payload),
  'drafts.discard': async (input, ctx) => ({ discarded: await discardDraft(signedIn(ctx), input.formKey) }),

  'agencies.list': async (input, ctx) => ({ agencies: await listAgencies(signedIn(ctx), input.includeInactive) }),
  'agencies.create': async (input, ctx) => createAgency(signedIn(ctx), ctx.clock, input),
  'agencies.update': async (input, ctx) => updateAgency(signedIn(ctx), ctx.clock, input),
  'contracts.list': async (input, ctx) => ({ contracts: await listContracts(signedIn(ctx), input.agencyId) }),
  'contracts.create': async (input, ctx) => createContract(signedIn(ctx), ctx.clock, input),
  'contracts.update': async (input, ctx) => updateContract(signedIn(ctx), ctx.clock, input),

  'clients.search': async (input, ctx) => searchClients(signedIn(ctx), input),
  'clients.get': async (input, ctx) => getClient(signedIn(ctx), ctx.clock, input.id),
  'clients.update': async (input, ctx) => updateClient(signedIn(ctx), ctx.clock, input),
  'clients.findDuplicates': async (input, ctx) => {
    const { agencyId, ...probe } = input;
    return { clients: await findDuplicateClients(signedIn(ctx).dataSource.manager, agencyId, probe) };
  },
  'referrals.create': async (input, ctx) => createReferral(signedIn(ctx), ctx.clock, input),
  'referrals.list': async (input, ctx) => ({ referrals: await listReferrals(signedIn(ctx), input) }),
  'referrals.get': async (input, ctx) => getReferral(signedIn(ctx), ctx.clock, input.id),
  'referrals.move': async (input, ctx) => moveReferral(signedIn(ctx), ctx.clock, input),
  'referrals.assign': async (input, ctx) => assignReferral(signedIn(ctx), ctx.clock, input),
  'referrals.waitlist': async (input, ctx) => waitlist(signedIn(ctx), input),
  'referrals.import': async (input, ctx) => importReferrals(signedIn(ctx), ctx.clock, input),
  'cases.list': async (input, ctx) => ({ cases: await listCases(signedIn(ctx), input) }),
  'cases.close': async (input, ctx) => closeCase(signedIn(ctx), ctx.clock, input),
  'cases.compliance': async (input, ctx) => getCompliance(signedIn(ctx), ctx.clock, input),
  'cases.recordCompliance': async (input, ctx) => recordCompliance(signedIn(ctx), ctx.clock, input),
  'letters.referralPreview': async (input, ctx) => previewReferralLetter(signedIn(ctx), ctx.clock, input),
  'letters.referralSave': async (input, ctx) => saveReferralLetterFromApp(signedIn(ctx), ctx, input),

  'rooms.list': async (_input, ctx) => ({ rooms: await listRooms(signedIn(ctx)) }),
  'rooms.create': async (input, ctx) => createRoom(signedIn(ctx), ctx.clock, input),
  'rooms.update': async (input, ctx) => updateRoom(signedIn(ctx), ctx.clock, input),
  'availability.get': async (input, ctx) => getAvailability(signedIn(ctx), input.userId),
  'availability.setHours': async (input, ctx) => setWorkingHours(signedIn(ctx), ctx.clock, input),
  'leave.add': async (input, ctx) => addLeave(signedIn(ctx), ctx.clock, input),
  'leave.remove': async (input, ctx) => {
    await removeLeave(signedIn(ctx), ctx.clock, input.id);
    return { removed: true as const };
  },
  'holidays.list': async (input, ctx) => ({ holidays: await listHolidays(signedIn(ctx).dataSource.manager, input.from) }),
  'holidays.add': async (input, ctx) => addHoliday(signedIn(ctx), ctx.clock, input),
  'holidays.remove': async (input, ctx) => {
    await removeHoliday(signedIn(ctx), ctx.clock, input.date);
    return { removed: true as const };
  },
  'sessions.list': async (input, ctx) => ({ sessions: await listSessions(signedIn(ctx), input) }),
  'sessions.get': async (input, ctx) => getSession(signedIn(ctx), ctx.clock, input.id),
  'sessions.book': async (input, ctx) => bookSessions(signedIn(ctx), ctx.clock, input),
  'sessions.reschedule': async (input, ctx) => rescheduleSession(signedIn(ctx), ctx.clock, input),
  'sessions.setStatus': async (input, ctx) => setSessionStatus(signedIn(ctx), ctx.clock, input),
  'sessions.setAttendance': async (input, ctx) => setAttendance(signedIn(ctx), ctx.clock, input),
  'calendar.exportIcs': async (input, ctx) => exportCalendarIcs(signedIn(ctx), ctx.clock, input),
  'notes.create': async (input, ctx) => createNote(signedIn(ctx), ctx.clock, input),
  'notes.save': async (input, ctx) => saveNoteDraft(signedIn(ctx), ctx.clock, input),
  'notes.sign': async (input, ctx) => signNote(signedIn(ctx), ctx.clock, input),
  'notes.get': async (input, ctx) => getNote(signedIn(ctx), ctx.clock, input),
  'notes.list': async (input, ctx) => ({ notes: await listNotes(signedIn(ctx), ctx.clock, input) }),
  'notes.addAddendum': async (input, ctx) => addAddendum(signedIn(ctx), ctx.clock, input),
  'notes.search': async (input, ctx) => searchNotes(signedIn(ctx), ctx.clock, input),
  'home.get': async (_input, ctx) => {
    const session = signedIn(ctx);
    return homeScreen(session, clinicDate(isoAt(ctx.clock), session.settings.timeZone), ctx.clock.now());
  },
  'risks.list': async (input, ctx) => ({ flags: await listRiskFlags(signedIn(ctx), ctx.clock, input) }),
  'risks.raise': async (input, ctx) => raiseRiskFlag(signedIn(ctx), ctx.clock, input),
  'risks.clear': async (input, ctx) => clearRiskFlag(signedIn(ctx), ctx.clock, input),
  'attachments.list': async (input, ctx) => ({ attachments: await listAttachments(signedIn(ctx), ctx.clock, input.clientId) }),
  'attachments.add': async (input, ctx) => addAttachment(signedIn(ctx), ctx.clock, input),
  'attachments.get': async (input, ctx) => getAttachment(signedIn(ctx), ctx.clock, input.id),
  'attachments.openCopy': async (input, ctx) => openAttachmentCopy(signedIn(ctx), ctx.clock, input.id, ctx.openCopy),
  'measures.instruments': async (input, ctx) => activeInstruments(signedIn(ctx), input),
  'measures.catalogue': async (input, ctx) => instrumentCatalogue(signedIn(ctx), input),
  'measures.setEnabled': async (input, ctx) => setInstrumentEnabled(signedIn(ctx), ctx.clock, input),
  'measures.addInstrument': async (input, ctx) => addInstrument(signedIn(ctx), ctx.clock, input),
  'measures.record': async (input, ctx) => recordMeasure(signedIn(ctx), ctx.clock, input),
  'measures.list': async (input, ctx) => ({ administrations: await listMeasures(signedIn(ctx), ctx.clock, input) }),
  'measures.caseOutcome': async (input, ctx) => caseOutcome(signedIn(ctx), ctx.clock, input),
  'measures.alerts': async (input, ctx) => ({ alerts: await listAlerts(signedIn(ctx), ctx.clock, input) }),
  'measures.followUpAlert': async (input, ctx) => followUpWithNote(signedIn(ctx), ctx.clock, input),
  'measures.plan': async (input, ctx) => getCasePlan(signedIn(ctx), ctx.clock, input),
  'measures.setPlan': async (input, ctx) => setCasePlan(signedIn(ctx), ctx.clock, input),
  'measures.defaultPlan': async (_input, ctx) => getDefaultPlan(signedIn(ctx)),
  'measures.setDefaultPlan': async (input, ctx) => setDefaultPlan(signedIn(ctx), ctx.clock, input),
  'measures.due': async (input, ctx) => ({ due: await dueMeasures(signedIn(ctx), ctx.clock, input) }),
  'measures.startClientMode': async (input, ctx) => startClientMode(signedIn(ctx), ctx.clock, input),
  'measures.endClientMode': async (input, ctx) => endClientMode(ctx, signedIn(ctx), input),
  'reports.options': async (_input, ctx) => reportOptions(signedIn(ctx), ctx.clock),
  'reports.preview': async (input, ctx) => previewReport(signedIn(ctx), ctx, input),
  'reports.export': async (input, ctx) => exportReportFromApp(signedIn(ctx), ctx, input),
  'reports.register': async (_input, ctx) => reportRegister(signedIn(ctx), ctx.clock),
};
