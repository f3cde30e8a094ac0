import type { MeasurementPlan } from '../../shared/domain/measurement-plan';

/**
 * A measurement plan as its form holds it, under `plan` so that the service's issues
 * (`plan.everySessions`) land on the right field in the case's dialog and in Settings alike.
 */
export interface PlanFormValues {
  plan: {
    /** Checked instrument ids (react-hook-form gives a lone checkbox as a boolean, hence the union). */
    instruments: string[] | string | boolean;
    atIntake: boolean;
    /** '' for "none between intake and closure", else "2" … "12". */
    everySessions: string;
    atClosure: boolean;
  };
}

export const PLAN_FIELDS = ['plan', 'plan.instruments', 'plan.atIntake', 'plan.everySessions', 'plan.atClosure'] as const;

export function planFormValues(plan: MeasurementPlan): PlanFormValues {
  return { plan: { instruments: plan.instruments, atIntake: plan.atIntake, everySessions: plan.everySessions === null ? '' : String(plan.everySessions), atClosure: plan.atClosure } };
}

/** The plan to send, instruments in the order the form lists them. */
export function planOf(values: PlanFormValues, order: string[]): MeasurementPlan {
  const raw = values.plan.instruments;
  const checked = new Set(Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : raw && order.length === 1 ? order : []);
  return {
    instruments: order.filter((id) => checked.has(id)),
    atIntake: values.plan.atIntake,
    everySessions: values.plan.everySessions === '' ? null : Number(values.plan.everySessions),
    atClosure: values.plan.atClosure,
  };
}
