/**
 * A case's measurement plan (issue 12): which instruments are given at intake, every Nth
 * session, and at closure. The clinic sets a default; a counsellor may change it per case.
 *
 * The plan's sessions are the case's clinical sessions (intake, counselling, follow-up)
 * that took place or are still booked, in order: session 1 is the intake. A measure is due
 * at session 1 (intake) and at sessions N, 2N, … A due point is met by an administration of
 * the instrument given after the previous session started and before the next one starts,
 * so a questionnaire filled in between sessions counts for the one it prepares. Each
 * administration meets one due point at most (the earliest it can): the intake's PHQ-9 does
 * not also count for session 2.
 */

export const MEASUREMENT_MODES = ['counsellor', 'client'] as const;
export type MeasurementMode = (typeof MEASUREMENT_MODES)[number];

export const PLAN_EVERY_SESSIONS = { min: 2, max: 12 } as const;

/** Sessions of these types count in the plan. */
export const PLAN_SESSION_TYPES = ['intake_assessment', 'counselling', 'follow_up'] as const;
/** Sessions with these statuses count: the ones that happened or still will. */
export const PLAN_SESSION_STATUSES = ['scheduled', 'attended'] as const;

export interface MeasurementPlan {
  instruments: string[];
  atIntake: boolean;
  everySessions: number | null;
  atClosure: boolean;
}

export const DEFAULT_MEASUREMENT_PLAN: MeasurementPlan = { instruments: ['phq9', 'gad7', 'who5'], atIntake: true, everySessions: 2, atClosure: true };

/** A session of the plan: its wall-clock start in the clinic (`YYYY-MM-DDTHH:mm`, sortable). */
export interface PlanSession {
  id: number;
  startsAt: string;
  attended: boolean;
}

export interface GivenMeasure {
  instrumentId: string;
  administeredAt: string;
}

export interface DuePoint {
  instrumentId: string;
  reason: 'intake' | 'session';
  sessionId: number;
  /** 1 for the intake. */
  sessionNumber: number;
  sessionStartsAt: string;
  /** The session has taken place and the measure was not given in its window. */
  overdue: boolean;
}

/** Which session numbers the plan asks for measures at. */
export function plannedSessionNumbers(plan: MeasurementPlan, sessionCount: number): { number: number; reason: 'intake' | 'session' }[] {
  const points: { number: number; reason: 'intake' | 'session' }[] = [];
  for (let number = 1; number <= sessionCount; number++) {
    if (number === 1 && plan.atIntake) points.push({ number, reason: 'intake' });
    else if (plan.everySessions !== null && number % plan.everySessions === 0) points.push({ number, reason: 'session' });
  }
  return points;
}

/**
 * Every due point of the plan not yet met, in session order. `sessions` in start order,
 * `now` the clinic's wall-clock time: a point whose session has been attended before now
 * and is still unmet is overdue.
 */
export function unmetDuePoints(plan: MeasurementPlan, sessions: readonly PlanSession[], given: readonly GivenMeasure[], now: string): DuePoint[] {
  const unmet: DuePoint[] = [];
  const used = new Set<GivenMeasure>();
  const inOrder = [...given].sort((a, b) => a.administeredAt.localeCompare(b.administeredAt));
  for (const point of plannedSessionNumbers(plan, sessions.length)) {
    const session = sessions[point.number - 1]!;
    const windowStart = sessions[point.number - 2]?.startsAt ?? '';
    const windowEnd = sessions[point.number]?.startsAt ?? '\uffff';
    for (const instrumentId of plan.instruments) {
      const meeting = inOrder.find(
        (measure) => !used.has(measure) && measure.instrumentId === instrumentId && measure.administeredAt > windowStart && measure.administeredAt < windowEnd,
      );
      if (meeting) {
        used.add(meeting);
        continue;
      }
      unmet.push({
        instrumentId,
        reason: point.reason,
        sessionId: session.id,
        sessionNumber: point.number,
        sessionStartsAt: session.startsAt,
        overdue: session.attended && session.startsAt < now,
      });
    }
  }
  return unmet;
}
