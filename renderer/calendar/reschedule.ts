import type { ChannelInput } from '../../shared/contract/channels';
import type { ScheduleProblem, SessionView } from '../../shared/contract/session-schemas';
import { call, isApiError } from '../api/client';
import type { Confirmation } from './ConfirmBookingStep';

export type RescheduleOutcome =
  | { kind: 'moved'; session: SessionView | null }
  | { kind: 'confirm'; confirmation: Confirmation }
  | { kind: 'conflict'; problems: ScheduleProblem[] };

/**
 * Moves a session through the same checks as booking (the form and a drag in the calendar
 * both come here). A conflict comes back as its problems; anything else refused is thrown.
 */
export async function rescheduleSession(input: ChannelInput<'sessions.reschedule'>): Promise<RescheduleOutcome> {
  try {
    const result = await call('sessions.reschedule', input);
    if (result.outcome === 'booked') return { kind: 'moved', session: result.sessions[0] ?? null };
    return { kind: 'confirm', confirmation: { overrides: result.overrides, allowance: result.allowance } };
  } catch (error) {
    if (isApiError(error) && error.code === 'SCHEDULE_CONFLICT' && error.problems.length > 0) return { kind: 'conflict', problems: error.problems };
    throw error;
  }
}
