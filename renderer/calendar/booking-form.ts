import { z } from 'zod';
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, Resolver } from 'react-hook-form';
import { zodErrorMap } from '../forms/issue-messages';
import { sessionBookSchema } from '../../shared/contract/session-schemas';
import { RECURRENCES } from '../../shared/domain/scheduling';

/**
 * The booking form: the contract's fields, with the start split into a date and a time
 * and the repeat as a choice plus a count, piped into the contract's own schema (so every
 * rule of `sessions.book` is checked, under the field it concerns, before anything is sent).
 */

export const REPEAT_CHOICES = ['none', ...RECURRENCES] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];

type ContractInput = z.input<typeof sessionBookSchema>;

/** What the form holds: the contract's fields, but the start as a date and a time, and the repeat as a choice and a count. */
export type BookingFormValues = Omit<ContractInput, 'localStart' | 'repeat' | 'overrideReason' | 'allowanceReason'> & {
  date: string;
  time: string;
  repeat: { recurrence: RepeatChoice; count: number };
};

// Every rule is the contract's, checked in one pass so each field shows its problem at once
// (a first stage that could fail would hide the contract's messages until it passed).
export const bookingFormSchema = z
  .custom<BookingFormValues>(() => true)
  .transform(({ date, time, repeat, ...rest }): ContractInput => ({
    ...rest,
    localStart: `${date}T${time}`,
    repeat: repeat.recurrence === 'none' ? null : { recurrence: repeat.recurrence, count: repeat.count },
  }))
  .pipe(sessionBookSchema);

export type BookingRequest = z.output<typeof bookingFormSchema>;

/**
 * A contract resolver with its one field such forms lack (`localStart`) put where the
 * person typed it: an empty date or time is "required" under that field.
 */
export function placingLocalStart<V extends { date: string; time: string }, R>(resolver: Resolver<V, unknown, R>): Resolver<V, unknown, R> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors = result.errors as Record<string, FieldError | undefined>;
    const localStart = errors['localStart'];
    if (!localStart) return result;
    delete errors['localStart'];
    if (values.date === '') errors['date'] = { type: 'required', message: 'required' };
    else if (values.time === '') errors['time'] = { type: 'required', message: 'required' };
    else errors['date'] = { ...localStart, message: 'local_time_format' };
    return result;
  };
}

export const bookingResolver = placingLocalStart<BookingFormValues, BookingRequest>(zodResolver(bookingFormSchema, { error: zodErrorMap }));

/** The form's fields, for placing the service's field issues. */
export const BOOKING_FIELDS = [
  'caseId',
  'agencyId',
  'counsellorId',
  'sessionType',
  'modality',
  'roomId',
  'videoLink',
  'date',
  'time',
  'durationMinutes',
  'presentingIssue',
  'repeat.count',
  'topic',
  'capacity',
] as const;

export const DEFAULT_DURATION_MINUTES = 50;
export const REPEAT_COUNT = { min: 2, max: 52 } as const;
export const DURATION = { min: 5, max: 720 } as const;
export const CAPACITY = { min: 1, max: 500 } as const;

/** A select's '' means "none chosen": null for the contract, a number otherwise. */
export const optionalId = (value: unknown): number | null => (value === '' || value === null || value === undefined ? null : Number(value));
/** A select of a vocabulary where '' means none. */
export const optionalChoice = (value: unknown): string | null => (value === '' || value === null || value === undefined ? null : String(value));
/** A number input: NaN when blank (the schema says "required"), a number otherwise. */
export const optionalNumber = (value: unknown): number | null => (value === '' || value === null || value === undefined ? null : Number(value));
