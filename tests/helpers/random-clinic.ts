import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_TARGETS } from '../../shared/domain/agencies';
import { createTenangApp, type Clock, type TenangApp } from '../../services/tenang-app';
import { call } from './booking-fixture';
import { setUpClinic, signIn, tempVaultDir } from './vault-fixture';

/**
 * A random clinic for the caseload property (issue 11): an admin, two or three counsellors,
 * agencies with contracts, and clients whose referrals are assigned at random (some to no
 * one, some to two counsellors), with sessions, workshops whose attendees the admin named,
 * signed notes, risk flags and documents. Everything goes through the channels, as the
 * admin and then as each counsellor, so the vault holds only what the app itself can make.
 *
 * Names, codes and dates of birth are distinctive and unique (six random letters, fixed
 * length; a birthday between 1950 and 1989), so finding one inside a reply means it leaked.
 */

export const COUNSELLORS = [
  { username: 'budi', displayName: 'Budi Santoso', passphrase: 'kopi tubruk pagi hari yang hangat' },
  { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' },
  { username: 'dewi', displayName: 'Dewi Kartika', passphrase: 'layang layang di atas sawah hijau' },
] as const;

const MAX_CLIENTS = 10;
const AGENCIES = [
  { name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' },
  { name: 'Rumah Sakit Umum Daerah', sector: 'health' },
] as const;

export interface ClientPlan {
  agency: number;
  /** Counsellors (indexes) each given a referral of this client, which opens a case; none: on nobody's caseload. */
  assignedTo: number[];
  session: boolean;
  note: boolean;
  risk: boolean;
  attachment: boolean;
}

export interface ClinicPlan {
  counsellors: number;
  agencies: number;
  clients: ClientPlan[];
  /** Group workshops the admin books for a counsellor and names attendees of (client indexes). */
  workshops: Array<{ counsellor: number; agency: number; attendees: number[] }>;
  /** The counsellor who then tries every channel. */
  target: number;
  /** Given and family names: distinct, six letters each. */
  names: string[];
  birthDays: number[];
}

const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 7, maxLength: 7 });

export const clinicPlan: fc.Arbitrary<ClinicPlan> = fc
  .record({
    counsellors: fc.integer({ min: 2, max: COUNSELLORS.length }),
    agencies: fc.integer({ min: 1, max: AGENCIES.length }),
    clients: fc.array(
      fc.record({
        agency: fc.nat(),
        assignedTo: fc.uniqueArray(fc.nat({ max: COUNSELLORS.length - 1 }), { maxLength: 2 }),
        session: fc.boolean(),
        note: fc.boolean(),
        risk: fc.boolean(),
        attachment: fc.boolean(),
      }),
      { minLength: 6, maxLength: MAX_CLIENTS },
    ),
    workshops: fc.array(fc.record({ counsellor: fc.nat(), agency: fc.nat(), attendees: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }) }), { minLength: 2, maxLength: 4 }),
    target: fc.nat(),
    names: fc.uniqueArray(letters, { minLength: 2 * MAX_CLIENTS, maxLength: 2 * MAX_CLIENTS }),
    birthDays: fc.uniqueArray(fc.integer({ min: 0, max: 40 * 365 }), { minLength: MAX_CLIENTS, maxLength: MAX_CLIENTS }),
  })
  .map((p) => {
    const clients = p.clients.map((c) => ({ ...c, agency: c.agency % p.agencies, assignedTo: [...new Set(c.assignedTo.map((i) => i % p.counsellors))] }));
    const target = p.target % p.counsellors;
    // Someone to hide from the target and someone for them to see, whatever else was drawn.
    clients[0] = { ...clients[0]!, assignedTo: [] };
    if (!clients[1]!.assignedTo.includes(target)) clients[1] = { ...clients[1]!, assignedTo: [target] };
    return {
      ...p,
      target,
      clients,
      names: p.names.map((n) => n[0]!.toUpperCase() + n.slice(1)),
      // The target facilitates at least one workshop the admin named attendees of.
      workshops: p.workshops.map((w, i) => ({ counsellor: i === 0 ? target : w.counsellor % p.counsellors, agency: w.agency % p.agencies, attendees: w.attendees })),
    };
  });

export interface BuiltClinic {
  app: TenangApp;
  dir: string;
  recoveryKey: string;
  /** Users by counsellor index. */
  counsellorIds: number[];
  target: (typeof COUNSELLORS)[number] & { id: number };
  cleanup(): Promise<void>;
}

/** A tiny but real PDF: documents are told by their content. */
export const TINY_PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj << /Title (Persetujuan) >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');

const DAY_MS = 86_400_000;

/**
 * Builds the plan into a new vault; the target counsellor is signed in at the end. Every
 * booking gets a slot of its own (Monday to Friday after the clock's day, on the hour), so
 * none conflicts with another.
 */
export async function buildClinic(plan: ClinicPlan, clock: Clock): Promise<BuiltClinic> {
  const temp = tempVaultDir();
  // A desktop "open in viewer" that does nothing, so attachments.openCopy runs its checks in the test too.
  const app = createTenangApp({ vaultDir: temp.dir, clock, openExternally: async () => undefined });
  const cleanup = async () => {
    await app.close();
    temp.cleanup();
  };
  try {
    const recoveryKey = await setUpClinic(app);
    const zone = 'Asia/Jakarta';
    const today = DateTime.fromMillis(clock.now(), { zone }).startOf('day');
    const counsellorIds: number[] = [];
    for (const who of COUNSELLORS.slice(0, plan.counsellors)) {
      const user = await call<{ id: number }>(app, 'users.create', { username: who.username, displayName: who.displayName, role: 'counsellor', newPassphrase: who.passphrase, confirmPassphrase: who.passphrase });
      counsellorIds.push(user.id);
      const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 }));
      await call(app, 'availability.setHours', { userId: user.id, hours });
    }
    const agencyIds: number[] = [];
    for (const agency of AGENCIES.slice(0, plan.agencies)) {
      const { id } = await call<{ id: number }>(app, 'agencies.create', agency);
      agencyIds.push(id);
      await call(app, 'contracts.create', {
        agencyId: id,
        startDate: today.minus({ months: 6 }).toISODate(),
        endDate: today.plus({ months: 6 }).toISODate(),
        coveredHeadcount: 300,
        sessionAllowance: 8,
        allowancePolicy: 'warn',
        targets: DEFAULT_TARGETS,
        minCellSize: 5,
        reportingFrequency: 'quarterly',
      });
    }
    const aula = await call<{ id: number }>(app, 'rooms.create', { name: 'Aula', capacity: 20 });

    let slot = 0;
    const nextSlot = () => {
      // Working days from the next Monday, 08:00 to 15:00.
      const monday = today.plus({ days: ((8 - today.weekday) % 7) || 7 });
      const day = monday.plus({ days: Math.floor(slot / 8) % 5, weeks: Math.floor(slot / 40) });
      const start = day.set({ hour: 8 + (slot % 8) });
      slot += 1;
      return start.toFormat("yyyy-MM-dd'T'HH:mm");
    };

    type Made = { id: number; agencyId: number; given: string; family: string; cases: Array<{ id: number; counsellor: number }> };
    const clients: Made[] = [];
    for (const [i, c] of plan.clients.entries()) {
      const given = plan.names[2 * i]!;
      const family = plan.names[2 * i + 1]!;
      const agencyId = agencyIds[c.agency]!;
      const referral = (clientPart: Record<string, unknown>) =>
        call<{ referral: { id: number; clientId: number } }>(app, 'referrals.create', {
          agencyId,
          receivedDate: today.minus({ days: 3 }).toISODate(),
          referralType: 'self',
          urgency: 'routine',
          presentingIssues: ['workload_stress'],
          reason: `Dirujuk: ${given} ${family}`,
          client: clientPart,
        });
      const dateOfBirth = DateTime.fromISO('1950-01-01').plus({ days: plan.birthDays[i]! }).toISODate();
      const first = await referral({ mode: 'new', givenName: given, familyName: family, dateOfBirth });
      const made: Made = { id: first.referral.clientId, agencyId, given, family, cases: [] };
      clients.push(made);
      const referralIds = [first.referral.id];
      for (let k = 1; k < c.assignedTo.length; k += 1) referralIds.push((await referral({ mode: 'existing', clientId: made.id })).referral.id);
      for (const [k, counsellor] of c.assignedTo.entries()) {
        const id = referralIds[k]!;
        await call(app, 'referrals.move', { id, to: 'triaged' });
        await call(app, 'referrals.move', { id, to: 'waitlisted' });
        const { caseId } = await call<{ caseId: number }>(app, 'referrals.assign', { id, counsellorId: counsellorIds[counsellor] });
        made.cases.push({ id: caseId, counsellor });
        if (c.session) {
          await call(app, 'sessions.book', { caseId, counsellorId: counsellorIds[counsellor], sessionType: 'counselling', modality: 'video', videoLink: 'https://meet.example.org/sesi', localStart: nextSlot(), durationMinutes: 50 });
        }
      }
      if (c.attachment) await call(app, 'attachments.add', { clientId: made.id, kind: 'consent_form', title: `Persetujuan ${given} ${family}`, dataBase64: TINY_PDF_BASE64 });
    }

    for (const w of plan.workshops) {
      const agencyId = agencyIds[w.agency]!;
      const booked = await call<{ sessions: Array<{ id: number }> }>(app, 'sessions.book', {
        agencyId,
        counsellorId: counsellorIds[w.counsellor],
        sessionType: 'group_workshop',
        modality: 'in_person',
        roomId: aula.id,
        topic: 'resilience',
        capacity: 15,
        localStart: nextSlot(),
        durationMinutes: 50,
      });
      const ofAgency = clients.filter((c) => c.agencyId === agencyId);
      const attendees = [...new Set(w.attendees.map((a) => ofAgency[a % ofAgency.length]?.id))].filter((id): id is number => id !== undefined);
      await call(app, 'sessions.setAttendance', { id: booked.sessions[0]!.id, clientIds: attendees });
    }

    // Each counsellor writes on their own cases; the target last, so they stay signed in.
    const order = [...counsellorIds.keys()].filter((k) => k !== plan.target).concat(plan.target);
    for (const counsellor of order) {
      await signIn(app, COUNSELLORS[counsellor]!);
      for (const [i, c] of plan.clients.entries()) {
        const made = clients[i]!;
        const kase = made.cases.find((k) => k.counsellor === counsellor);
        if (!kase) continue;
        if (c.note) {
          const note = await call<{ id: number }>(app, 'notes.create', { caseId: kase.id, sessionId: null, template: 'free_text' });
          await call(app, 'notes.sign', { id: note.id, content: { text: `${made.given} ${made.family} cemas menjelang apel pagi; tidur kurang.` } });
        }
        // A PHQ-9 on every case; item 9 positive where the client has a risk flag, so alerts wait on Home.
        await call(app, 'measures.record', {
          caseId: kase.id,
          instrumentId: 'phq9',
          administeredAt: DateTime.fromMillis(clock.now(), { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
          mode: 'counsellor',
          responses: [2, 1, 2, 1, 1, 0, 1, 0, c.risk ? 1 : 0],
        });
        if (c.risk) {
          await call(app, 'risks.raise', { clientId: made.id, caseId: kase.id, kind: 'safeguarding', level: 'medium', reviewDate: DateTime.fromMillis(clock.now() + 7 * DAY_MS, { zone }).toISODate(), note: `Kekhawatiran tentang ${made.given}.` });
        }
      }
    }
    const target = { ...COUNSELLORS[plan.target]!, id: counsellorIds[plan.target]! };
    return { app, dir: temp.dir, recoveryKey, counsellorIds, target, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
