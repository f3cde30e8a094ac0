import { isoAt, type Clock } from './clock';
import type { OpenSession } from './session';

/** Who is acting and when: what every audit entry and history row records. */
export interface Actor {
  at: string;
  actorUserId: number;
  actorUsername: string;
}

export function actorOf(session: OpenSession, clock: Clock): Actor {
  return { at: isoAt(clock), actorUserId: session.user.id, actorUsername: session.user.username };
}
