import { createHash } from 'node:crypto';
import type { EntityManager, EntitySchema } from 'typeorm';
import { foldName } from '../../shared/domain/clients';
import { canonicalAddendumText, canonicalNoteText } from '../../shared/domain/notes';
import { formatClientCode } from '../../shared/domain/referrals';
import {
  AgencyEntity,
  ClientCaseEntity,
  ClientEntity,
  ClinicHolidayEntity,
  ContractEntity,
  LeaveEntity,
  MeasureAdministrationEntity,
  MeasureAlertEntity,
  NoteAddendumEntity,
  NoteEntity,
  ReferralEntity,
  ReferralStatusChangeEntity,
  RiskFlagEntity,
  RoomEntity,
  SessionAttendeeEntity,
  SessionChangeEntity,
  SessionEntity,
  UserAccountEntity,
  WorkingHoursEntity,
} from '../../db/entities';
import { bulkInsert } from '../../db/bulk';
import { dateOf, iso, yearOf } from './calendar';
import { ITEM9_ALERT } from './measures';
import { addendumText, noteContent } from './note-text';
import type { DemoActor, DemoAdministration, DemoNote, DemoPlan, DemoRiskFlag, DemoSession } from './plan';

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
  rooms: number;
  workingHours: number;
  leave: number;
  holidays: number;
  sessions: number;
  sessionChanges: number;
  sessionAttendees: number;
  notes: number;
  /** Of the notes, those not yet signed. */
  noteDrafts: number;
  noteAddenda: number;
  riskFlags: number;
  measureAdministrations: number;
  /** PHQ-9 item 9 alerts; of them, those not yet followed up. */
  measureAlerts: number;
  openMeasureAlerts: number;
}

/** Rows per bulkInsert call for the largest tables: a million sessions are never all rows in memory at once. */
const CHUNK = 20_000;

const byCreation = <T extends { createdMs: number }>(items: T[]): T[] => [...items].sort((a, b) => a.createdMs - b.createdMs);

function idOf(record: { id?: number }): number {
  if (record.id === undefined) throw new Error('a demo record was referred to before it was written');
  return record.id;
}

export function writePlan(m: EntityManager, plan: DemoPlan, adminId: number, slotKeyNobodyHolds: () => string, timeZone: string): DemoCounts {
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

  const rooms = byCreation(plan.rooms);
  assignIds(
    rooms,
    bulkInsert(
      m,
      RoomEntity,
      rooms.map((r) => ({ name: r.name, capacity: r.capacity, active: r.active, createdAt: iso(r.createdMs), updatedAt: iso(r.updatedMs) })),
    ),
  );
  const hours = plan.counsellors.flatMap((c) => c.hours.map((h) => ({ userId: idOf(c), weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute })));
  bulkInsert(m, WorkingHoursEntity, hours);
  const leave = plan.counsellors.flatMap((c) => c.leave.map((l) => ({ counsellor: c, ...l }))).sort((a, b) => a.createdMs - b.createdMs);
  bulkInsert(
    m,
    LeaveEntity,
    leave.map((l) => ({ userId: idOf(l.counsellor), startDate: dateOf(l.startDay), endDate: dateOf(l.endDay), note: l.note, createdAt: iso(l.createdMs) })),
  );
  insertKeyed(
    m,
    ClinicHolidayEntity,
    plan.holidays.map((h) => ({ date: dateOf(h.day), name: h.name })),
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
        measurementPlan: c.measurementPlan === null ? null : JSON.stringify(c.measurementPlan),
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
          // Drawn from the consent level, not the random stream, so earlier demo vaults stay the same.
          consentDates: r.consentLevel === 'attendance_and_compliance' ? ('day' as const) : ('month' as const),
          reason: r.reason,
          status: last.to,
          closureReason: last.closureReason,
          counsellorId: r.counsellor ? idOf(r.counsellor) : null,
          caseId: r.case ? idOf(r.case) : null,
          clockStoppedAt: r.clockStoppedMs === null ? null : iso(r.clockStoppedMs),
          createdAt: iso(r.createdMs),
          updatedAt: iso(r.updatedMs),
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

  const sessionCounts = writeSessions(m, plan.sessions, actorId, timeZone);
  const noteCounts = writeNotes(m, plan.notes, plan.riskFlags);
  const measureCounts = writeMeasures(m, plan.administrations);

  return {
    counsellors: plan.counsellors.length,
    agencies: agencies.length,
    contracts: contracts.length,
    clients: clients.length,
    referrals: referrals.length,
    cases: cases.length,
    statusChanges: changes.length,
    rooms: rooms.length,
    workingHours: hours.length,
    leave: leave.length,
    holidays: plan.holidays.length,
    ...sessionCounts,
    ...noteCounts,
    ...measureCounts,
  };
}

/**
 * Sessions in the order they were booked (so ids grow with time), each through the
 * schema's triggers, which refuse any overlap the plan might have let through; then
 * their changes in the order they happened, and the named attendees of group sessions.
 */
function writeSessions(m: EntityManager, planned: readonly DemoSession[], actorId: (by: DemoActor) => number, timeZone: string): { sessions: number; sessionChanges: number; sessionAttendees: number } {
  const sessions = [...planned].sort((a, b) => a.createdMs - b.createdMs || a.startMs - b.startMs);
  for (let from = 0; from < sessions.length; from += CHUNK) {
    const chunk = sessions.slice(from, from + CHUNK);
    assignIds(
      chunk,
      bulkInsert(
        m,
        SessionEntity,
        chunk.map((s) => ({
          caseId: s.case ? idOf(s.case) : null,
          agencyId: idOf(s.agency),
          counsellorId: idOf(s.counsellor),
          roomId: s.room ? idOf(s.room) : null,
          startMs: s.startMs,
          endMs: s.endMs,
          timeZone,
          sessionType: s.sessionType,
          modality: s.modality,
          videoLink: s.videoLink,
          presentingIssue: s.presentingIssue,
          status: s.status,
          statusReason: s.statusReason,
          topic: s.topic,
          capacity: s.capacity,
          headCount: s.headCount,
          seriesId: s.seriesId,
          overrideReason: '',
          allowanceReason: s.allowanceReason,
          createdAt: iso(s.createdMs),
          createdByUserId: actorId(s.createdBy),
          updatedAt: iso(s.updatedMs),
        })),
      ),
    );
  }

  // Kind 0: rescheduled; kind 1: the outcome. A reschedule always came before the outcome.
  const changes: Array<{ session: DemoSession; kind: 0 | 1; atMs: number }> = [];
  for (const s of sessions) {
    if (s.movedFrom) changes.push({ session: s, kind: 0, atMs: s.movedFrom.atMs });
    if (s.statusChangedMs !== null) changes.push({ session: s, kind: 1, atMs: s.statusChangedMs });
  }
  changes.sort((a, b) => a.atMs - b.atMs || a.kind - b.kind);
  for (let from = 0; from < changes.length; from += CHUNK) {
    bulkInsert(
      m,
      SessionChangeEntity,
      changes.slice(from, from + CHUNK).map(({ session: s, kind, atMs }) => {
        const moved = kind === 0 ? s.movedFrom! : null;
        return {
          sessionId: idOf(s),
          kind: moved ? ('rescheduled' as const) : ('status' as const),
          fromStartMs: moved ? moved.startMs : null,
          fromEndMs: moved ? moved.endMs : null,
          fromRoomId: moved?.room ? idOf(moved.room) : null,
          fromStatus: moved ? null : ('scheduled' as const),
          toStartMs: moved ? s.startMs : null,
          toEndMs: moved ? s.endMs : null,
          toRoomId: moved && s.room ? idOf(s.room) : null,
          toStatus: moved ? null : s.status,
          reason: moved ? moved.reason : s.statusReason,
          changedAt: iso(atMs),
          changedByUserId: actorId(s.counsellor),
        };
      }),
    );
  }

  const attendees = sessions.flatMap((s) => s.attendees.map((client) => ({ sessionId: idOf(s), clientId: idOf(client) })));
  insertKeyed(m, SessionAttendeeEntity, attendees);
  return { sessions: sessions.length, sessionChanges: changes.length, sessionAttendees: attendees.length };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Notes in the order they were written, their words made now from each note's seed (a
 * chunk at a time: never all 200,000 notes' text in memory at once), a signed note's
 * SHA-256 taken over its canonical text as the app's signing takes it; the full-text
 * index's triggers index each as it goes in. Then the addenda in the order they were
 * signed, and the risk flags in the order they were raised.
 */
function writeNotes(m: EntityManager, notes: readonly DemoNote[], flags: readonly DemoRiskFlag[]): { notes: number; noteDrafts: number; noteAddenda: number; riskFlags: number } {
  let drafts = 0;
  for (let from = 0; from < notes.length; from += CHUNK) {
    const chunk = notes.slice(from, from + CHUNK);
    assignIds(
      chunk,
      bulkInsert(
        m,
        NoteEntity,
        chunk.map((n) => {
          const kase = n.case;
          const content = noteContent(n.textSeed, {
            kind: n.kind,
            template: n.template,
            language: n.language,
            issue: kase.presentingIssues[0]!,
            sessionNumber: n.sessionNumber,
            modality: n.session?.modality ?? null,
            closure: kase.closureReason,
            flag: n.flag && { kind: n.flag.kind, level: n.flag.level, reviewDate: n.flag.reviewDate },
            item9Answer: n.item9Answer,
            typedSections: n.typedSections,
          });
          const signed = n.signedMs !== null;
          if (!signed) drafts += 1;
          const author = idOf(kase.counsellor);
          return {
            caseId: idOf(kase),
            sessionId: n.session ? idOf(n.session) : null,
            authorUserId: author,
            template: n.template,
            content: JSON.stringify(content),
            status: signed ? ('signed' as const) : ('draft' as const),
            signedAt: signed ? iso(n.signedMs!) : null,
            signedByUserId: signed ? author : null,
            contentSha256: signed ? sha256(canonicalNoteText(n.template, content)) : null,
            createdAt: iso(n.createdMs),
            updatedAt: iso(n.updatedMs),
          };
        }),
      ),
    );
  }

  const corrected = notes.filter((n) => n.addendum !== null).sort((a, b) => a.addendum!.signedMs - b.addendum!.signedMs);
  assignIds(
    corrected.map((n) => n.addendum!),
    bulkInsert(
      m,
      NoteAddendumEntity,
      corrected.map((n) => {
        const noteId = idOf(n);
        const text = addendumText(n.addendum!.textSeed, n.language);
        return { noteId, text, signedAt: iso(n.addendum!.signedMs), signedByUserId: idOf(n.case.counsellor), contentSha256: sha256(canonicalAddendumText(noteId, text)) };
      }),
    ),
  );

  assignIds(
    [...flags],
    bulkInsert(
      m,
      RiskFlagEntity,
      flags.map((f) => {
        const counsellor = idOf(f.case.counsellor);
        return {
          clientId: idOf(f.case.client),
          kind: f.kind,
          level: f.level,
          raisedDate: f.raisedDate,
          reviewDate: f.reviewDate,
          raisedByUserId: counsellor,
          raisedNoteId: idOf(f.raisedNote),
          clearedAt: f.cleared ? iso(f.cleared.note.createdMs) : null,
          clearedByUserId: f.cleared ? counsellor : null,
          clearedNoteId: f.cleared ? idOf(f.cleared.note) : null,
        };
      }),
    ),
  );
  return { notes: notes.length, noteDrafts: drafts, noteAddenda: corrected.length, riskFlags: flags.length };
}

/**
 * Questionnaires in the order they were recorded, by the case's counsellor; then the
 * item 9 alerts in the order they were raised, each with its follow-up (the flag or the
 * note, written before), as the app records them.
 */
function writeMeasures(m: EntityManager, administrations: readonly DemoAdministration[]): { measureAdministrations: number; measureAlerts: number; openMeasureAlerts: number } {
  for (let from = 0; from < administrations.length; from += CHUNK) {
    const chunk = administrations.slice(from, from + CHUNK);
    assignIds(
      chunk,
      bulkInsert(
        m,
        MeasureAdministrationEntity,
        chunk.map((a) => ({
          caseId: idOf(a.case),
          sessionId: idOf(a.session),
          instrumentId: a.instrumentId,
          instrumentVersion: a.instrumentVersion,
          administeredAt: a.administeredAt,
          mode: a.mode,
          responses: a.responses,
          recordedByUserId: idOf(a.case.counsellor),
          recordedAt: iso(a.recordedMs),
        })),
      ),
    );
  }
  const alerted = administrations.filter((a) => a.alert !== null);
  const open = alerted.filter((a) => a.alert!.followUp === null).length;
  assignIds(
    alerted.map((a) => a.alert!),
    bulkInsert(
      m,
      MeasureAlertEntity,
      alerted.map((a) => {
        const followUp = a.alert!.followUp;
        return {
          administrationId: idOf(a),
          alert: ITEM9_ALERT,
          raisedAt: iso(a.alert!.raisedMs),
          followUpKind: followUp?.kind ?? null,
          followUpRiskFlagId: followUp?.kind === 'risk_flag' ? idOf(followUp.flag) : null,
          followUpNoteId: followUp?.kind === 'note' ? idOf(followUp.note) : null,
          followedUpAt: followUp ? iso(followUp.atMs) : null,
          followedUpByUserId: followUp ? idOf(a.case.counsellor) : null,
        };
      }),
    ),
  );
  return { measureAdministrations: administrations.length, measureAlerts: alerted.length, openMeasureAlerts: open };
}

/**
 * Rows of a table whose key is its own columns (no generated id): bulkInsert writes every
 * column that is not generated, which here is all of them; the ids it returns mean nothing.
 */
function insertKeyed<T extends object>(m: EntityManager, entity: EntitySchema<T>, rows: readonly T[]): void {
  bulkInsert(m, entity as unknown as EntitySchema<T & { id: number }>, rows as unknown as Array<Omit<T & { id: number }, 'id'>>);
}

function assignIds(records: Array<{ id?: number }>, ids: number[]): void {
  records.forEach((record, i) => {
    record.id = ids[i]!;
  });
}
