import type { ClientSummary } from '../../shared/contract/referral-schemas';

type Named = Pick<ClientSummary, 'givenName' | 'familyName' | 'preferredName'>;

/** "Siti Rahayu": given then family name (many Indonesians have only one name). */
export function fullName(client: Pick<Named, 'givenName' | 'familyName'>): string {
  return [client.givenName, client.familyName].filter((part) => part.trim() !== '').join(' ');
}

/** "Siti Rahayu (Ayu)": the name a person goes by in brackets, when it differs from the given name. */
export function nameWithPreferred(client: Named): string {
  const name = fullName(client);
  const preferred = client.preferredName.trim();
  return preferred && preferred !== client.givenName.trim() ? `${name} (${preferred})` : name;
}

/** Whole years between a date of birth and today (both YYYY-MM-DD), or null when it makes no sense. */
export function ageOn(dateOfBirth: string, today: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const now = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!birth || !now) return null;
  const [, by, bm, bd] = birth.map(Number) as [number, number, number, number];
  const [, ny, nm, nd] = now.map(Number) as [number, number, number, number];
  const hadBirthday = nm > bm || (nm === bm && nd >= bd);
  const age = ny - by - (hadBirthday ? 0 : 1);
  return age >= 0 ? age : null;
}
