/**
 * Partner agencies and their EAP contracts (product.md, "Glossary"). Pure rules only:
 * the overlap rule, the contract in force on a date, and the defaults a new contract
 * starts from.
 */
export const SECTORS = ['government_administration', 'education', 'health', 'emergency_services', 'social_services', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** What happens when a booking would pass the session allowance: ask for a reason, or refuse. */
export const ALLOWANCE_POLICIES = ['warn', 'deny'] as const;
export type AllowancePolicy = (typeof ALLOWANCE_POLICIES)[number];

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'annually'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** A time-to-first-appointment target: the same day, within N hours, or within N working days. */
export const TARGET_UNITS = ['same_day', 'hours', 'business_days'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];
export interface FirstAppointmentTarget {
  unit: TargetUnit;
  /** Ignored for `same_day`. */
  amount: number;
}

export const SESSION_ALLOWANCE = { min: 1, max: 20, default: 6 } as const;
export const MIN_CELL_SIZE = { min: 3, max: 20, default: 5 } as const;

export const DEFAULT_TARGETS: Record<Urgency, FirstAppointmentTarget> = {
  emergency: { unit: 'same_day', amount: 0 },
  urgent: { unit: 'hours', amount: 48 },
  routine: { unit: 'business_days', amount: 5 },
};

/** A contract's period: calendar dates (YYYY-MM-DD), both days included. */
export interface ContractPeriod {
  startDate: string;
  endDate: string;
}

/** True when two periods share at least one day. */
export function periodsOverlap(a: ContractPeriod, b: ContractPeriod): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** The contract in force on a date, if any (contracts of one agency never overlap). */
export function contractInForce<T extends ContractPeriod>(contracts: readonly T[], date: string): T | undefined {
  return contracts.find((c) => c.startDate <= date && date <= c.endDate);
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
