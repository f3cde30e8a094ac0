/**
 * The question disclosure control answers for one report (issue 13), in the form the
 * suppression engine takes it. Everything is a sum of **atoms**: one count of one table
 * cell for one group of agencies in one block of months. The report builder chooses the
 * atoms as the coarsest pieces that every report in question (the new one and the
 * earlier ones of the same agencies that share a month with it) is a sum of: with no
 * earlier report, an atom is simply a cell of the new report.
 *
 * Values are the vault's values now. An earlier report is represented by which of its
 * counts it published, evaluated on today's atoms: an attacker differencing two reports
 * learns what the difference would be if nothing had changed, so that is what to protect.
 */
export interface CountToPublish {
  /** Unique within the report, e.g. `referrals_by_type/cell/self/referrals`. */
  key: string;
  /** Indices into `atomValues`; the count is their sum. */
  atoms: readonly number[];
}

/**
 * A sum the report publishes: `total` equals the sum of `parts` (a row, a column, a table's
 * grand total). Two tables that count the same things two ways (referrals by type and by
 * urgency) are linked by one more: `{ total: 'referrals_by_type/total', parts: ['referrals_by_urgency/total'] }`;
 * when a sum's total is not made of its parts' atoms, the audit adds that equality. The values
 * must add up (the engine throws otherwise).
 */
export interface PublishedSum {
  total: string;
  parts: readonly string[];
}

export interface EarlierCount {
  atoms: readonly number[];
  /** Published (its value is known to the attacker), or hidden. */
  published: boolean;
  /** Hidden because it was from 1 to k−1: the attacker knows it is at least 1. */
  hiddenAsSmall?: boolean;
}

/**
 * What holds of the data by definition, whatever any report publishes: the atoms of `plus`
 * add up to the atoms of `minus` (in each agency and month, the referrals by type and the
 * referrals by urgency are the same referrals). An attacker knows it of every report, the
 * earlier ones too, so the audit takes it as given.
 */
export interface AtomIdentity {
  plus: readonly number[];
  minus: readonly number[];
}

export interface SuppressionProblem {
  /** The minimum cell size. */
  k: number;
  atomValues: readonly number[];
  counts: readonly CountToPublish[];
  sums: readonly PublishedSum[];
  earlier: readonly EarlierCount[];
  identities?: readonly AtomIdentity[];
  /** Counts hidden whatever their value (for example, a sector comparison over too few agencies). */
  alwaysHidden?: readonly string[];
}

/**
 * `small_count`: from 1 to k−1 (an `alwaysHidden` count that is small is this too, since the
 * attacker may assume it is at least 1); `always_hidden`: named in `alwaysHidden`, not small;
 * `complementary`: hidden so that no hidden count can be worked out.
 */
export type SuppressionReason = 'small_count' | 'always_hidden' | 'complementary';

export interface SuppressionResult {
  /** The counts of the new report to hide, and why. Every other count is published. */
  hidden: ReadonlyMap<string, SuppressionReason>;
  /**
   * Targets (this report's hidden counts, small atoms, earlier counts hidden as small) linked
   * to this report's counts that the earlier reports alone already pin to one value: nothing
   * this report hides can protect them. The builder tells the admin; tests expect zero for
   * register histories the builder itself produced.
   */
  pinnedBeforeThisReport: number;
  /**
   * Targets this report still pins with every count that could help hidden: only possible when
   * its own small counts' "at least 1" does it together with the earlier reports. Must be 0 to
   * publish; the builder refuses the report otherwise.
   */
  unprotected: number;
}
