import type { EntityManager } from 'typeorm';
import type { TextOf } from '../../shared/i18n/text';
import { PRESENTING_ISSUES } from '../../shared/domain/referrals';
import type { SuppressionResult } from '../../shared/reports/disclosure/problem';
import { evaluateInsight, type InsightRule } from '../../shared/reports/insight-rules';
import type { ReportPeriod } from '../../shared/reports/period';
import type { HiddenValue, InsightRow, ReportDocument } from '../../shared/reports/report-document';
import type { ReportProblem } from '../../shared/reports/report-problem';
import { WORKPLACE_STRESSORS, type WorkplaceStressor } from '../../shared/reports/report-tables';
import { overlappingReports } from './report-register';
import { MIN_AGENCIES_FOR_SECTOR_COMPARISON, type ResolvedScope } from './report-scope';

/**
 * The organisational insight of a report (issue 13): each workplace stressor's share of the
 * scope's new referrals beside its share in the comparison group, and the actions the rules
 * in `shared/reports/insight-rules.ts` suggest. Shares follow the rates' rule: published
 * only out of at least k, and never when their count is hidden. The comparison group's
 * shares are those its own report in the register published (see `comparisonCounts`).
 */
interface InsightInput {
  scope: ResolvedScope;
  period: ReportPeriod;
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
  /** What the comparison group's own report published: its referrals and each stressor's mentions (null: hidden there); null when it has none in the register. */
  published: { referrals: number | null; issues: Map<string, number | null> } | null;
}

/**
 * The comparison group's counts as its own report in the register published them (the
 * sector's report for these months, or all agencies' for a sector report), or null when
 * there is no comparison. A share is a count over a count: worked out from live data it
 * would publish the group's counts again, past the disclosure control of the group's own
 * report, which may have hidden them. Taken from that report, it gives away nothing it did
 * not publish.
 */
async function comparisonCounts(m: EntityManager, input: InsightInput): Promise<ComparisonCounts | null> {
  const agencyIds = input.scope.comparisonAgencyIds;
  if (agencyIds.length === 0) return null;
  if (agencyIds.length < MIN_AGENCIES_FOR_SECTOR_COMPARISON) return { agencies: agencyIds.length, published: null };
  const wanted = [...agencyIds].sort((a, b) => a - b).join(',');
  const ownReport = (await overlappingReports(m, agencyIds, input.period.from, input.period.to))
    .filter((e) => e.periodFrom === input.period.from && e.periodTo === input.period.to && [...e.agencyIds].sort((a, b) => a - b).join(',') === wanted)
    .at(-1);
  if (!ownReport) return { agencies: agencyIds.length, published: null };
  const { document } = ownReport.published as { document: ReportDocument };
  const issuesTable = document.tables.find((t) => t.id === 'presenting_issues');
  const issues = new Map(PRESENTING_ISSUES.map((issue, row) => [issue as string, issuesTable?.cells[row]?.[0] ?? null]));
  return { agencies: agencyIds.length, published: { referrals: document.tables.find((t) => t.id === 'referrals_by_type')?.total ?? null, issues } };
}

function comparisonShare(comparison: ComparisonCounts, stressor: WorkplaceStressor, k: number): Share {
  if (comparison.agencies < MIN_AGENCIES_FOR_SECTOR_COMPARISON) return { value: null, reason: 'too_few_agencies' };
  if (comparison.published === null) return { value: null, reason: 'no_comparison_report' };
  return shareOf(comparison.published.issues.get(stressor) ?? null, comparison.published.referrals, k);
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
