import type { DateTime } from 'luxon';
import type { TenangApp } from '../../services/tenang-app';
import { DEFAULT_TARGETS } from '../../shared/domain/agencies';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/channels';
import type { Result } from '../../shared/errors';
import { testNowIn } from '../helpers/test-now';

/** People and a clinic the journeys use. Passphrases meet the contract's policy. */
export const CLINIC = { clinicName: 'Klinik Konseling Harapan', language: 'en' as const, timeZone: 'Asia/Jakarta' };
export const ADMIN = { username: 'ayu', displayName: 'Ayu Lestari', passphrase: 'lembayung senja di pelabuhan' };
export const COUNSELLOR = { username: 'budi', displayName: 'Budi Santoso', passphrase: 'kopi tubruk pagi hari hangat' };

/** Calls a channel through the app's dispatcher and returns the Result as it came. */
export async function dispatch<C extends ChannelName>(app: TenangApp, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return (await app.dispatch(channel, input)) as Result<ChannelOutput<C>>;
}

/** Calls a channel and insists that it succeeded. */
export async function dispatchOk<C extends ChannelName>(app: TenangApp, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(app, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value;
}

/**
 * First-run setup through the channels, for journeys that do not test the wizard.
 * Leaves the admin signed in unless `locked`; returns the recovery key.
 */
export async function setUpClinic(
  app: TenangApp,
  options: { language?: 'en' | 'id'; counsellor?: boolean; locked?: boolean } = {},
): Promise<{ recoveryKey: string; counsellorId: number | null }> {
  const { recoveryKey } = await dispatchOk(app, 'vault.setup', {
    ...CLINIC,
    language: options.language ?? CLINIC.language,
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    newPassphrase: ADMIN.passphrase,
    confirmPassphrase: ADMIN.passphrase,
  });
  let counsellorId: number | null = null;
  if (options.counsellor) {
    const user = await dispatchOk(app, 'users.create', {
      username: COUNSELLOR.username,
      displayName: COUNSELLOR.displayName,
      role: 'counsellor',
      newPassphrase: COUNSELLOR.passphrase,
      confirmPassphrase: COUNSELLOR.passphrase,
    });
    counsellorId = user.id;
  }
  if (options.locked) await app.lock('manual');
  return { recoveryKey, counsellorId };
}

type Sector = ChannelInput<'agencies.create'>['sector'];
type PresentingIssue = ChannelInput<'referrals.create'>['presentingIssues'][number];

/** The clinic's today, in its zone. */
function clinicToday(): DateTime {
  return testNowIn(CLINIC.timeZone).startOf('day');
}

/**
 * An agency with a contract in force: from two months ago for a year (or from `start`),
 * 850 covered staff, 6 sessions per presenting issue under a warn policy, default targets.
 */
export async function agencyWithContract(app: TenangApp, name: string, sector: Sector, start = clinicToday().minus({ months: 2 })): Promise<ChannelOutput<'agencies.create'>> {
  const agency = await dispatchOk(app, 'agencies.create', { name, sector });
  await dispatchOk(app, 'contracts.create', {
    agencyId: agency.id,
    startDate: start.toISODate()!,
    endDate: start.plus({ years: 1 }).minus({ days: 1 }).toISODate()!,
    coveredHeadcount: 850,
    sessionAllowance: 6,
    allowancePolicy: 'warn',
    targets: DEFAULT_TARGETS,
    minCellSize: 5,
    reportingFrequency: 'quarterly',
  });
  return agency;
}

/** A referral for a new client received today, triaged and on the waitlist (as the admin). */
export async function waitlistedReferral(app: TenangApp, agencyId: number, givenName: string, familyName: string, options: { urgency?: 'routine' | 'urgent'; presentingIssues?: PresentingIssue[] } = {}) {
  const created = await dispatchOk(app, 'referrals.create', {
    agencyId,
    receivedDate: clinicToday().toISODate()!,
    referralType: 'self',
    urgency: options.urgency ?? 'routine',
    presentingIssues: options.presentingIssues ?? ['workload_stress', 'burnout'],
    client: { mode: 'new', givenName, familyName },
  });
  if (created.outcome !== 'created') throw new Error('the referral was not created');
  await dispatchOk(app, 'referrals.move', { id: created.referral.id, to: 'triaged' });
  return dispatchOk(app, 'referrals.move', { id: created.referral.id, to: 'waitlisted' });
}

/** A new client referred, waitlisted and assigned to a counsellor: their open case. */
export async function clientWithCase(app: TenangApp, agencyId: number, counsellorId: number, givenName: string, familyName: string, options: { presentingIssues?: PresentingIssue[] } = {}) {
  const referral = await waitlistedReferral(app, agencyId, givenName, familyName, options);
  const assigned = await dispatchOk(app, 'referrals.assign', { id: referral.id, counsellorId });
  return { clientId: assigned.clientId, caseId: assigned.caseId!, code: assigned.clientCode, name: `${givenName} ${familyName}` };
}

/** Runs `work` through the dispatcher signed in as `who`, then locks again (for seeding what only that person may write). */
export async function asUser<T>(app: TenangApp, who: { username: string; passphrase: string }, work: () => Promise<T>): Promise<T> {
  await app.lock('manual');
  await dispatchOk(app, 'session.unlock', { username: who.username, passphrase: who.passphrase });
  try {
    return await work();
  } finally {
    await app.lock('manual');
  }
}
