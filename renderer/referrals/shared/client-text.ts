import type { ClientSummary } from '../../../shared/contract/referral-schemas';

/** "Siti Rahma (Ita)": the name a person is recognised by, with the preferred name when it differs. */
export function clientName(client: Pick<ClientSummary, 'givenName' | 'familyName' | 'preferredName'>): string {
  const full = [client.givenName, client.familyName].filter(Boolean).join(' ');
  return client.preferredName && client.preferredName !== client.givenName ? `${full} (${client.preferredName})` : full;
}
