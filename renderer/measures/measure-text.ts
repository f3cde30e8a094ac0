import type { Administration, InstrumentView } from '../../shared/contract/measure-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { Language } from '../../shared/settings';
import { localStartAt, localStartToMs, shortDateTimeText } from '../calendar/calendar-time';
import { caseReadGround } from '../../shared/domain/note-access';

/**
 * Small pure helpers the measures screens share. Administration times come from the service
 * as the clinic's wall clock (`YYYY-MM-DDTHH:mm`), like a session's booked start.
 */

/** "Mon 7 Dec 09:00" for a wall-clock time of the clinic. */
export function wallClockText(wallClock: string, zone: string, language: Language): string {
  return shortDateTimeText(localStartToMs(wallClock, zone), zone, language);
}

/** The clinic's "now" as the contract's wall clock, for a form's default and its upper bound. */
export function clinicNowWallClock(zone: string): string {
  return localStartAt(Date.now(), zone);
}

/** The instrument's short name, or its id when the clinic no longer uses it (an old administration). */
export function shortNameOf(instruments: ReadonlyMap<string, InstrumentView>, instrumentId: string): string {
  return instruments.get(instrumentId)?.shortName ?? instrumentId.toUpperCase();
}

/** A band's label in the instrument's language (bands are the instrument's words, not the app's). */
export function bandLabel(instrument: InstrumentView | undefined, bandId: string | null): string | null {
  if (bandId === null) return null;
  return instrument?.bands.find((band) => band.id === bandId)?.label ?? bandId;
}

/** Each band with where it ends: the next band's start, or the top of the range. */
export function bandSpans(instrument: InstrumentView): { id: string; label: string; from: number; to: number }[] {
  const sorted = [...instrument.bands].sort((a, b) => a.min - b.min);
  return sorted.map((band, index) => ({ id: band.id, label: band.label, from: band.min, to: sorted[index + 1]?.min ?? instrument.range.max }));
}

/** The subscales' scores of an administration, in the instrument's order ("Personal burnout 50"). */
export function subscaleScores(instrument: InstrumentView | undefined, administration: Administration): { id: string; label: string; score: number | null; band: string | null }[] {
  const scores = administration.score.subscales;
  if (!scores) return [];
  const labels = instrument?.subscales ?? Object.keys(scores).map((id) => ({ id, label: id }));
  return labels.map(({ id, label }) => ({ id, label, score: scores[id]?.score ?? null, band: scores[id]?.band ?? null }));
}

/** Scores shown rounded to one decimal at most (CBI means can be fractions). */
export function scoreText(score: number | null): string {
  if (score === null) return '—';
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/**
 * The cases whose measures the person may see, as the service's case wall draws it: an
 * admin sees every case; a counsellor their own cases, and while they hold an open case of
 * this client, the client's closed earlier cases (continuity of care). Asking for the others
 * would only be refused (and audited) as not found.
 */
export function readableCases(cases: Case[], user: { id: number; role: string }): Case[] {
  if (user.role === 'admin') return cases;
  const own = cases.filter((clientCase) => clientCase.counsellorId === user.id);
  return cases.filter((clientCase) => caseReadGround(user.id, clientCase, own) !== null);
}

/** The counsellor of this open case is the one who records and plans its measures. */
export function mayWriteMeasures(clientCase: Case, user: { id: number; role: string }): boolean {
  return user.role === 'counsellor' && clientCase.counsellorId === user.id && clientCase.closedDate === null;
}
