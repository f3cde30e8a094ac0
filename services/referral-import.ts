import type { ChannelOutput, ParsedInput } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/** Imports a CSV file of referrals: every row valid, then one transaction (issue 3). */
export async function importReferrals(_session: OpenSession, _clock: Clock, _input: ParsedInput<'referrals.import'>): Promise<ChannelOutput<'referrals.import'>> {
  throw new AppError('INTERNAL', 'CSV import is not built yet.');
}
