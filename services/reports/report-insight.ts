import type { EntityManager } from 'typeorm';
import type { TextOf } from '../../shared/i18n/text';
import { PRESENTING_ISSUES } from '../../shared/domain/referrals';
import type { SuppressionResult } from '../../shared/reports/disclosure/problem';
import { evaluateInsight, type InsightRule } from '../../shared/reports/insight-rules';
import type { ReportPeriod } from '../../shared/reports/period';
import type { HiddenValue, InsightRow } from '../../shared/reports/report-document';
import type { ReportProblem } from '../../shared/reports/report-problem';
import { WORKPLACE_STRESSORS, type WorkplaceStressor } from '../../shared/reports/report-tables';
import { readReferralCounts } from './report-data';
import { MIN_AGENCIES_FOR_SECTOR_COMPARISON, type ResolvedScope } from './report-scope';

/**
 * The organisational insight of a report (issue 13): each workplace stressor's share of the
 * scope's new referrals beside its share in the comparison group, and the actions the rules
 * in `shared/reports/insight-rules.ts` suggest. Shares follow the rates' rule: published
 * only out of at least k, and never when their count is hidden.
 */
interface InsightInput {
  scope: ResolvedScope;
  period: ReportPeriod;
  timeZone: string;
  referrals: ReportProblem;
  suppression: SuppressionResult;
  text: TextOf;
  language: 'en' | 'id';
}

type Share = { value: number; reason: null } | { value: null; reason: HiddenValue['reason'] };

const rounded = (share: number) => Math.round(share * 10_000) / 10_000;

function shareOf(numerator: number | null, denominator: number | null, k: number): Share {
  if (denominator !== null && denominator < k) return { value: null, reason: 'small_denominator' };
  if (numerator === null || denominator === null) return { value: null, reason: 'hidden_count' };
  return { value: rounded(numerator / denominator), reason: null };
}

export async function reportInsight(m: EntityManager, input: InsightInput): Promise<{ rows: InsightRow[]; hidden: HiddenValue[] }> {
  const { scope, referrals, suppression, text } = input;
  const k = scope.k;
  const published = (key: string) => (suppression.hidden.has(key) ? null : referrals.valueOf(key));
  const referralTotal = published(referrals.keyOf({ kind: 'total', table: 'referrals_by_type' }));
  const issueCount = (stressor: WorkplaceStressor) => published(referrals.keyOf({ kind: 'cell', table: 'presenting_issues', row: PRESENTING_ISSUES.indexOf(stressor), col: 0 }));

  const comparison = await comparisonCounts(m, input);
  const hidden: HiddenValue[] = [];
  const shares = WORKPLACE_STRESSORS.map((stressor) => {
    const share = shareOf(issueCount(stressor), referralTotal, k);
    if (share.reason) hidden.push({ place: { kind: 'insight', stressor, part: 'share' }, reason: share.reason });
    // An all-agencies report has nothing to be compared with: no share, and nothing hidden.
    const sectorShare = comparison === null ? null : comparisonShare(comparison, stressor, k);
    if (sectorShare?.reason) hidden.push({ place: { kind: 'insight', stressor, part: 'sectorShare' }, reason: sectorShare.reason });
    return { stressor, share: share.value, sectorShare: sectorShare?.value ?? null };
  });
  const rows = evaluateInsight(shares).map(
    (insight): InsightRow => ({
      stressor: insight.stressor,
      share: insight.share,
      sectorShare: insight.sectorShare,
      actions: insight.actions.map((action) => text(`reportInsight.actions.${action}`)),
      rule: insight.rule ? ruleText(insight.rule, text, input.language) : null,
    }),
  );
  return { rows, hidden };
}

interface ComparisonCounts {
  agencies: number;
  referrals: number;
  issues: Map<string, number>;
}

/** The comparison group's referrals and stressor mentions in the period, or null when there is none. */
async function comparisonCounts(m: EntityManager, input: InsightInput): Promise<ComparisonCounts | null> {
  const agencyIds = input.scope.comparisonAgencyIds;
  if (agencyIds.length === 0) return null;
  if (agencyIds.length < MIN_AGENCIES_FOR_SECTOR_COMPARISON) return { agencies: agencyIds.length, referrals: 0, issues: new Map() };
  const issues = new Map<string, number>();
  let referrals = 0;
  for (const count of await readReferralCounts(m, agencyIds, input.period, input.timeZone)) {
    if (count.table === 'referrals_by_type') referrals += count.value;
    if (count.table === 'presenting_issues') issues.set(count.row, (issues.get(count.row) ?? 0) + count.value);
  }
  return { agencies: agencyIds.length, referrals, issues };
}

function comparisonShare(comparison: ComparisonCounts, stressor: WorkplaceStressor, k: number): Share {
  if (comparison.agencies < MIN_AGENCIES_FOR_SECTOR_COMPARISON) return { value: null, reason: 'too_few_agencies' };
  const count = comparison.issues.get(stressor) ?? 0;
  // The comparison's own counts are not published: a small one is hidden, as a count would be.
  if (count >= 1 && count < k) return { value: null, reason: 'small_count' };
  return shareOf(count, comparison.referrals, k);
}

/** The rule that fired, written out with the numbers it compared ("… is 2.1× the sector's share …"). */
function ruleText(rule: InsightRule, text: TextOf, language: 'en' | 'id'): string {
  const stressor = text(`vocab.presentingIssue.${rule.stressor}`);
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const percent = (share: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  const decimal = (x: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(x);
  return rule.kind === 'ratio_to_sector'
    ? text('reportInsight.rules.ratio_to_sector', { stressor, ratio: decimal(rule.ratio), share: percent(rule.share), sectorShare: percent(rule.sectorShare), threshold: decimal(rule.threshold) })
    : text('reportInsight.rules.share_at_least', { stressor, share: percent(rule.share), threshold: percent(rule.threshold) });
}
