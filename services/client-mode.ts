import { AppError } from '../shared/errors';
import type { ChannelName, ChannelOutput, ParsedInput } from '../shared/contract';
import { actorOf } from './actor';
import { alertsRaisedSince } from './measure-alerts';
import { caseToWrite } from './measure-access';
import { confirmPassphrase, type VaultDeps } from './vault-service';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Client mode (issue 12): the counsellor hands the desktop to the client to answer
 * questionnaires on one case. Until the counsellor's passphrase ends it, the dispatcher
 * answers only the channels below (the rest of the app cannot be reached, whatever the
 * screen shows), answers are recorded only as the client's on that case, and the idle lock
 * waits: a client may take their time.
 */
export const CLIENT_MODE_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app.status',
  'session.activity',
  'session.lock',
  'measures.instruments',
  'measures.record',
  'measures.endClientMode',
]);

/** Refuses what client mode does not allow; a recorded questionnaire must be the client's, on the handed-over case. */
export function assertAllowedInClientMode(session: OpenSession, channel: ChannelName, input: unknown): void {
  const mode = session.clientMode;
  if (!mode) return;
  if (!CLIENT_MODE_CHANNELS.has(channel)) throw new AppError('CLIENT_MODE', 'The desktop is with a client. The counsellor’s passphrase ends client mode.');
  if (channel === 'measures.record') {
    const record = input as ParsedInput<'measures.record'>;
    if (record.caseId !== mode.caseId || record.mode !== 'client') throw new AppError('CLIENT_MODE', 'The desktop is with a client. The counsellor’s passphrase ends client mode.');
  }
}

export async function startClientMode(session: OpenSession, clock: Clock, input: ParsedInput<'measures.startClientMode'>): Promise<ChannelOutput<'measures.startClientMode'>> {
  const actor = actorOf(session, clock);
  await caseToWrite(session, actor, input.caseId);
  session.clientMode = { caseId: input.caseId, since: actor.at };
  return { started: true };
}

/** Only the signed-in counsellor's passphrase ends it (wrong ones count towards the sign-in delay, as at unlock). */
export async function endClientMode(deps: VaultDeps, session: OpenSession, input: ParsedInput<'measures.endClientMode'>): Promise<ChannelOutput<'measures.endClientMode'>> {
  const mode = session.clientMode;
  if (!mode) return { alerts: [] };
  await confirmPassphrase(deps, session, input.passphrase);
  session.clientMode = null;
  return { alerts: await alertsRaisedSince(session.dataSource.manager, mode.caseId, mode.since) };
}
