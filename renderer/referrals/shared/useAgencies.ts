import { useEffect, useState } from 'react';
import type { Agency } from '../../../shared/contract/agency-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';

/** The partner agencies, for pickers and filters (null while loading). */
export function useAgencies(): { agencies: Agency[] | null; error: ErrorCode | null } {
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    let cancelled = false;
    call('agencies.list', { includeInactive: true })
      .then((listed) => {
        if (!cancelled) setAgencies(listed.agencies);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorCodeOf(failure));
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return { agencies, error };
}
