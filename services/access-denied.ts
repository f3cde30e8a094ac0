import { AppError } from '../shared/errors';

/**
 * A refusal of another counsellor's record, answered exactly like a record that does not
 * exist (NOT_FOUND), and audited. Thrown where the check happens, often inside the request's
 * write transaction: the dispatcher writes the `access.denied` entry once that transaction
 * has rolled back, so the refusal is on record even though nothing else is.
 */
export class AccessDenied extends AppError {
  constructor(readonly record: { type: string; id: number }) {
    super('NOT_FOUND', 'There is no such record.');
  }
}
