import type { InstrumentView } from '../../shared/contract/measure-schemas';
import type { MeasurementPlan } from '../../shared/domain/measurement-plan';

/** The instruments a plan may name: the active ones, and any the plan still names that the clinic has since switched off. */
export function planOptions(instruments: ReadonlyMap<string, InstrumentView>, plan: MeasurementPlan) {
  const active = [...instruments.values()].map((instrument) => ({ id: instrument.id, label: `${instrument.shortName} · ${instrument.name}`, instrument }));
  const retired = plan.instruments.filter((id) => !instruments.has(id)).map((id) => ({ id, label: id.toUpperCase(), instrument: undefined }));
  return [...active, ...retired];
}
