import { useEffect, useState } from 'react';
import type { Agency } from '../../shared/contract/agency-schemas';
import type { Room } from '../../shared/contract/availability-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { useSession } from '../session/SessionContext';

export interface Person {
  id: number;
  displayName: string;
}

interface Loaded<T> {
  data: T | null;
  error: ErrorCode | null;
}

/** Loads once (per `key`), drops the answer if the screen went away meanwhile. */
function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null });
  useEffect(() => {
    let cancelled = false;
    setState({ data: null, error: null });
    load()
      .then((data) => {
        if (!cancelled) setState({ data, error: null });
      })
      .catch((failure: unknown) => {
        if (!cancelled) setState({ data: null, error: errorCodeOf(failure) });
      });
    return () => {
      cancelled = true;
    };
    // `load` is a fresh closure each render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

/** The active counsellors an admin may book for, by name; a counsellor only ever books for themselves. */
export function useCounsellors(): Loaded<Person[]> {
  const { session } = useSession();
  const { user } = session;
  return useLoaded(async () => {
    if (user.role !== 'admin') return [{ id: user.id, displayName: user.displayName }];
    const { users } = await call('users.list', {});
    return users
      .filter((candidate) => candidate.role === 'counsellor' && candidate.active)
      .map((candidate) => ({ id: candidate.id, displayName: candidate.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }, `${user.role}-${user.id}`);
}

/** Rooms that can still be booked. */
export function useActiveRooms(): Loaded<Room[]> {
  return useLoaded(async () => (await call('rooms.list', {})).rooms.filter((room) => room.active), 'rooms');
}

/** Open cases (a counsellor's own; an admin's: every counsellor's). */
export function useOpenCases(): Loaded<Case[]> {
  return useLoaded(async () => (await call('cases.list', { openOnly: true })).cases.filter((item) => item.closedDate === null), 'cases');
}

/** Agencies a workshop or consultation can be for. */
export function useActiveAgencies(): Loaded<Agency[]> {
  return useLoaded(async () => (await call('agencies.list', { includeInactive: false })).agencies.filter((agency) => agency.active), 'agencies');
}
