import { useCallback, useRef, useState } from 'react';
import type { ClientSummary } from '../../../shared/contract/referral-schemas';
import { isCalendarDate } from '../../../shared/domain/agencies';
import { call } from '../../api/client';
import type { IntakeForm } from './intake-form';

export interface DuplicateState {
  candidates: ClientSummary[];
  /** True when saving was refused for them; false for the early hint while typing. */
  fromSubmit: boolean;
}

/**
 * Looks for the new client among the agency's clients as soon as there is enough to match
 * on (a given name with a birth date, or an email), so the warning comes before the person
 * has filled in everything. Saving checks again in the service, whatever happens here.
 */
export function useDuplicateCheck(form: IntakeForm) {
  const [duplicates, setDuplicates] = useState<DuplicateState | null>(null);
  const latest = useRef(0);

  const checkEarly = useCallback(async () => {
    const values = form.getValues();
    const client = values.client;
    const agencyId = Number(values.agencyId);
    const dateOfBirth = isCalendarDate(client.dateOfBirth) ? client.dateOfBirth : null;
    const email = client.email.trim();
    if (client.mode !== 'new' || !(agencyId > 0) || client.givenName.trim() === '' || (dateOfBirth === null && email === '')) return;
    const request = ++latest.current;
    try {
      const { clients } = await call('clients.findDuplicates', {
        agencyId,
        givenName: client.givenName,
        familyName: client.familyName,
        dateOfBirth,
        email: email.length <= 200 ? email : '',
      });
      if (request !== latest.current) return;
      setDuplicates(clients.length > 0 ? { candidates: clients, fromSubmit: false } : null);
    } catch {
      // Only an early hint: the service runs the same check when the referral is saved.
    }
  }, [form]);

  const showFromSubmit = useCallback((candidates: ClientSummary[]) => {
    latest.current += 1;
    setDuplicates({ candidates, fromSubmit: true });
  }, []);

  const clear = useCallback(() => {
    latest.current += 1;
    setDuplicates(null);
  }, []);

  return { duplicates, checkEarly, showFromSubmit, clear };
}
