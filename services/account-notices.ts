import type { EntityManager } from 'typeorm';
import type { FullExportNotice, PassphraseResetNotice } from '../shared/contract/accountability-schemas';
import { ACCOUNTABILITY_WINDOW_DAYS } from '../shared/domain/accountability';
import { exportsHoldingNotesOf, passphraseResetsOf, previousSignInSeq, signInsAfter } from '../db/accountability-queries';

/**
 * What admins did that the person concerned must hear of (issue 11): a new passphrase
 * someone else gave them (told at their next sign-in and on Home, with every sign-in to the
 * account since, so an admin who reset a counsellor's passphrase and then signed in as them
 * is seen), and full exports that held their notes.
 */

/** The start of the window the Home cards look back over, from the clinic's today. */
export function windowStart(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - ACCOUNTABILITY_WINDOW_DAYS * 86_400_000).toISOString();
}

/** The newest reset of the user's passphrase by someone else, if it came after their sign-in before this one. Call after the sign-in is audited. */
export async function passphraseResetSinceLastSignIn(m: EntityManager, userId: number): Promise<{ byName: string; at: string } | null> {
  const [latest] = await passphraseResetsOf(m, userId, '');
  if (!latest) return null;
  return latest.seq > (await previousSignInSeq(m, userId)) ? { byName: latest.byName, at: latest.at } : null;
}

export async function recentPassphraseResets(m: EntityManager, userId: number, today: string): Promise<PassphraseResetNotice[]> {
  const resets = await passphraseResetsOf(m, userId, windowStart(today));
  return Promise.all(resets.map(async (r) => ({ byName: r.byName, at: r.at, signInsSince: (await signInsAfter(m, userId, r.seq)).map((s) => s.at) })));
}

export async function recentFullExports(m: EntityManager, userId: number, today: string): Promise<FullExportNotice[]> {
  const rows = await exportsHoldingNotesOf(m, userId, windowStart(today));
  return rows.map((r) => ({ id: r.id, byName: r.byName, at: r.at, reason: r.reason, encrypted: r.encrypted === 1 }));
}
