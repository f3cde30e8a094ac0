import { DEFAULT_TARGETS } from '../../shared/domain/agencies';
import type { ChannelInput } from '../../shared/contract';
import type { TenangApp } from '../../services/tenang-app';
import { clinicWithCounsellor, expectOk, manualClock } from './vault-fixture';

/**
 * A clinic ready to book (issue 4): an agency with a contract (allowance per presenting
 * issue, warn or deny), the counsellor working Monday to Friday 08:00–16:00, two rooms,
 * and a referral assigned to the counsellor, so its case can be booked. The clock stands
 * on Saturday 28 November 2026, 09:00 in Jakarta.
 */

export const NOW = Date.parse('2026-11-28T02:00:00Z');
export const WEEKDAYS_8_TO_4 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 16 * 60 }));
export const CLIENT = { givenName: 'Siti', familyName: 'Rahayu' };

export async function call<T>(app: TenangApp, channel: string, input: unknown): Promise<T> {
  return expectOk(await app.dispatch(channel, input)) as T;
}

export interface BookingClinic {
  app: TenangApp;
  dir: string;
  clock: ReturnType<typeof manualClock>;
  counsellorId: number;
  agencyId: number;
  caseId: number;
  referralId: number;
  clientId: number;
  melati: number;
  aula: number;
  cleanup(): Promise<void>;
}

export async function assignedReferral(app: TenangApp, agencyId: number, counsellorId: number, client = CLIENT): Promise<{ referralId: number; caseId: number; clientId: number }> {
  const created = await call<{ outcome: string; referral: { id: number; clientId: number } }>(app, 'referrals.create', {
    agencyId,
    receivedDate: '2026-11-27',
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['workload_stress', 'burnout'],
    client: { mode: 'new', ...client },
  });
  const id = created.referral.id;
  await call(app, 'referrals.move', { id, to: 'triaged' });
  await call(app, 'referrals.move', { id, to: 'waitlisted' });
  const assigned = await call<{ caseId: number }>(app, 'referrals.assign', { id, counsellorId });
  return { referralId: id, caseId: assigned.caseId, clientId: created.referral.clientId };
}

export async function bookingClinic(policy: 'warn' | 'deny' = 'warn', sessionAllowance = 3): Promise<BookingClinic> {
  const clock = manualClock(NOW);
  const c = await clinicWithCounsellor(clock);
  const agency = await call<{ id: number }>(c.app, 'agencies.create', { name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' });
  await call(c.app, 'contracts.create', {
    agencyId: agency.id,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    coveredHeadcount: 420,
    sessionAllowance,
    allowancePolicy: policy,
    targets: DEFAULT_TARGETS,
    minCellSize: 5,
    reportingFrequency: 'quarterly',
  });
  await call(c.app, 'availability.setHours', { userId: c.counsellorId, hours: WEEKDAYS_8_TO_4 });
  const melati = await call<{ id: number }>(c.app, 'rooms.create', { name: 'Ruang Melati', capacity: 2 });
  const aula = await call<{ id: number }>(c.app, 'rooms.create', { name: 'Aula', capacity: 20 });
  const referral = await assignedReferral(c.app, agency.id, c.counsellorId);
  return { ...c, clock, agencyId: agency.id, melati: melati.id, aula: aula.id, ...referral };
}

type BookInput = ChannelInput<'sessions.book'>;

/** A 50-minute in-person counselling session of the clinic's case on Monday 30 November at 09:00, unless told otherwise. */
export function counselling(c: BookingClinic, overrides: Partial<BookInput> = {}): BookInput {
  return { caseId: c.caseId, counsellorId: c.counsellorId, sessionType: 'counselling', modality: 'in_person', roomId: c.melati, localStart: '2026-11-30T09:00', durationMinutes: 50, ...overrides };
}
