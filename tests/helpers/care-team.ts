import { DateTime } from 'luxon';
import { createTenangApp, type TenangApp } from '../../services/tenang-app';
import type { Note } from '../../shared/contract';
import { COUNSELLOR, addCounsellor, signIn } from './vault-fixture';
import { assignedReferral, bookingClinic, call, type BookingClinic } from './booking-fixture';

/**
 * Three counsellors sharing clients over time (issue 11): A (the booking clinic's
 * counsellor, with the open case of Siti Rahayu), B and C. Each counsellor has an app of
 * their own over the same vault, signed in once, so a test can act as anyone without
 * signing in again (each sign-in costs a deliberately slow key derivation). The admin keeps
 * the clinic's app. All apps share the clinic's manual clock.
 */

export const COUNSELLOR_B = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' };
export const COUNSELLOR_C = { username: 'dewi', displayName: 'Dewi Kartika', passphrase: 'layang layang di atas sawah hijau' };

export type Who = 'A' | 'B' | 'C';
export const TEAM: readonly Who[] = ['A', 'B', 'C'];

export interface CareTeam {
  clinic: BookingClinic;
  /** The admin's app. */
  admin: TenangApp;
  app: Record<Who, TenangApp>;
  id: Record<Who, number>;
  /** The clinic's date today, in its time zone (Asia/Jakarta). */
  today(): string;
  /** Opens a case for the client with this counsellor, through a referral assigned by the admin; returns the case's id. */
  openCase(clientId: number, who: Who): Promise<number>;
  /** A new client with a case for this counsellor. */
  newClient(who: Who, name: { givenName: string; familyName: string }): Promise<{ clientId: number; caseId: number }>;
  /** The case's counsellor closes it today. */
  closeCase(who: Who, caseId: number): Promise<void>;
  /** A note written by the case's counsellor: signed, or left a draft. */
  writeNote(who: Who, caseId: number, text: string, signed?: boolean): Promise<number>;
  cleanup(): Promise<void>;
}

export async function careTeam(): Promise<CareTeam> {
  const clinic = await bookingClinic();
  const ids = { A: clinic.counsellorId, B: await addCounsellor(clinic.app, COUNSELLOR_B), C: await addCounsellor(clinic.app, COUNSELLOR_C) };
  const apps = {} as Record<Who, TenangApp>;
  for (const [who, user] of [['A', COUNSELLOR], ['B', COUNSELLOR_B], ['C', COUNSELLOR_C]] as const) {
    apps[who] = createTenangApp({ vaultDir: clinic.dir, clock: clinic.clock });
    await signIn(apps[who], user);
  }
  const today = () => DateTime.fromMillis(clinic.clock.now(), { zone: 'Asia/Jakarta' }).toISODate()!;
  return {
    clinic,
    admin: clinic.app,
    app: apps,
    id: ids,
    today,
    openCase: async (clientId, who) => {
      const created = await call<{ referral: { id: number } }>(clinic.app, 'referrals.create', {
        agencyId: clinic.agencyId,
        receivedDate: today(),
        referralType: 'self',
        urgency: 'routine',
        presentingIssues: ['workload_stress'],
        client: { mode: 'existing', clientId },
      });
      const id = created.referral.id;
      await call(clinic.app, 'referrals.move', { id, to: 'triaged' });
      await call(clinic.app, 'referrals.move', { id, to: 'waitlisted' });
      return (await call<{ caseId: number }>(clinic.app, 'referrals.assign', { id, counsellorId: ids[who] })).caseId;
    },
    newClient: async (who, name) => {
      const { clientId, caseId } = await assignedReferral(clinic.app, clinic.agencyId, ids[who], name);
      return { clientId, caseId };
    },
    closeCase: async (who, caseId) => {
      await call(apps[who], 'cases.close', { id: caseId, closedDate: today(), closureReason: 'completed' });
    },
    writeNote: async (who, caseId, text, signed = true) => {
      const note = await call<Note>(apps[who], 'notes.create', { caseId, sessionId: null, template: 'free_text' });
      if (signed) await call(apps[who], 'notes.sign', { id: note.id, content: { text } });
      else await call(apps[who], 'notes.save', { id: note.id, content: { text } });
      return note.id;
    },
    cleanup: async () => {
      for (const app of Object.values(apps)) await app.close();
      await clinic.cleanup();
    },
  };
}
