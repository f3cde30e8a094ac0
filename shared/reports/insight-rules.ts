import { WORKPLACE_STRESSORS, type WorkplaceStressor } from './report-tables';

/**
 * The organisational insight of an agency report (issue 13), as data: which workplace
 * stressors stand out among the agency's clients, and what the agency could do about each.
 * Pure: the report builder gives each stressor's share of the scope's referrals and of
 * its sector's (either hidden, `null`, by disclosure control or when the sector has too
 * few agencies), and prints the actions with the rule that suggested them, written out
 * from `i18n reportInsight.rules.<kind>` (for example "Conflict with the public: 2.1× the
 * sector's share").
 */

export const ORGANISATIONAL_ACTIONS = [
  'stress_management_training',
  'workload_review',
  'conflict_resolution_training',
  'leader_training',
  'peer_support_groups',
  'critical_incident_protocols',
  'regular_evaluation',
] as const;
export type OrganisationalAction = (typeof ORGANISATIONAL_ACTIONS)[number];

/**
 * What each stressor suggests, the most direct action first. Regular evaluation and
 * feedback goes with the stressors that are about how the organisation is run, where
 * staff's view of the change is the measure of it.
 */
export const STRESSOR_ACTIONS: Readonly<Record<WorkplaceStressor, readonly OrganisationalAction[]>> = {
  workload_stress: ['workload_review', 'stress_management_training'],
  burnout: ['workload_review', 'stress_management_training', 'peer_support_groups'],
  conflict_with_public: ['conflict_resolution_training', 'peer_support_groups'],
  interpersonal_conflict: ['conflict_resolution_training', 'leader_training'],
  leadership_management: ['leader_training', 'regular_evaluation'],
  organisational_change: ['regular_evaluation', 'leader_training'],
  critical_incident_trauma: ['critical_incident_protocols', 'peer_support_groups'],
};

/**
 * - A stressor stands out against its sector when its share is at least 1.5 times the
 *   sector's and at least 10 % of the scope's referrals: half as common again is a pattern
 *   worth acting on, and below a tenth of referrals a ratio is mostly noise of small numbers.
 * - Without a sector to compare with (hidden, or fewer than three agencies), or when the
 *   ratio does not reach 1.5, a stressor stands out on its own when it is named in at least
 *   a quarter of the scope's referrals: common enough to act on whatever the sector does.
 * Shares are 0–1; a rule that fires reports the numbers it compared.
 */
export const INSIGHT_THRESHOLDS = {
  ratioToSector: 1.5,
  minShareForRatio: 0.1,
  shareAtLeast: 0.25,
} as const;

export type InsightRule =
  | { stressor: WorkplaceStressor; kind: 'ratio_to_sector'; ratio: number; share: number; sectorShare: number; threshold: number }
  | { stressor: WorkplaceStressor; kind: 'share_at_least'; share: number; threshold: number };

export interface StressorShares {
  stressor: WorkplaceStressor;
  /** Share of the scope's referrals naming the stressor, 0–1; null when hidden. */
  share: number | null;
  /** The same in the sector; null when hidden or unavailable. */
  sectorShare: number | null;
}

export interface StressorInsight extends StressorShares {
  /** Empty when no rule fired. */
  actions: OrganisationalAction[];
  rule: InsightRule | null;
}

/**
 * Shares are quotients of counts, and 0.15 / 0.1 is 1.4999999999999998 in floating point:
 * a threshold is reached when the number is within this of it, as the written fraction is.
 */
const EPSILON = 1e-9;
const atLeast = (value: number, threshold: number) => value >= threshold - EPSILON;

/** The rule that fires for one stressor, or null. */
export function insightRuleFor({ stressor, share, sectorShare }: StressorShares): InsightRule | null {
  if (share === null) return null;
  const t = INSIGHT_THRESHOLDS;
  if (sectorShare !== null && sectorShare > 0 && atLeast(share, t.minShareForRatio)) {
    const ratio = share / sectorShare;
    if (atLeast(ratio, t.ratioToSector)) return { stressor, kind: 'ratio_to_sector', ratio, share, sectorShare, threshold: t.ratioToSector };
  }
  if (atLeast(share, t.shareAtLeast)) return { stressor, kind: 'share_at_least', share, threshold: t.shareAtLeast };
  return null;
}

/** The insight for every workplace stressor, in WORKPLACE_STRESSORS order; a stressor not given counts as hidden. */
export function evaluateInsight(shares: readonly StressorShares[]): StressorInsight[] {
  const byStressor = new Map(shares.map((s) => [s.stressor, s]));
  return WORKPLACE_STRESSORS.map((stressor) => {
    const given = byStressor.get(stressor) ?? { stressor, share: null, sectorShare: null };
    const rule = insightRuleFor(given);
    return { stressor, share: given.share, sectorShare: given.sectorShare, actions: rule ? [...STRESSOR_ACTIONS[stressor]] : [], rule };
  });
}
