import { describe, expect, it } from 'vitest';
import { figuresGivenAwayBySubtraction } from './figure-differences';
import { monthsBetween } from './period';
import type { ReportDocument } from './report-document';
import type { EarlierReport, ReportFrame } from './report-problem';

const frame = (agencyIds: number[], from: string, to: string): ReportFrame => ({ agencyIds, months: monthsBetween(from, to) });
/** An earlier report that published these figures (null: hidden). */
const earlier = (f: ReportFrame, clientsSeen: number | null, who5Pairs: number | null = null): EarlierReport => ({
  frame: f,
  document: {
    metrics: [
      { id: 'utilisation_rate', label: '', value: null, numerator: clientsSeen, denominator: 500 },
      { id: 'who5_mean_change', label: '', value: null, numerator: null, denominator: who5Pairs },
    ],
  } as unknown as ReportDocument,
  hidden: [],
});
const figures = (clientsSeen: number, who5Pairs = 0) => ({ clientsSeen, who5Pairs, coveredHeadcount: 500, who5ChangeSum: 0 });
const quarter = frame([1], '2026-07', '2026-09');

describe('figures an earlier report would give away by subtraction', () => {
  it('hides the clients seen in a quarter when a month inside it published a number 1 to k−1 below', () => {
    expect(figuresGivenAwayBySubtraction(figures(12), 5, quarter, [earlier(frame([1], '2026-07', '2026-08'), 9)])).toEqual(new Set(['clientsSeen']));
    // And the other way round: the month inside a quarter published earlier.
    expect(figuresGivenAwayBySubtraction(figures(9), 5, frame([1], '2026-07', '2026-08'), [earlier(quarter, 12)])).toEqual(new Set(['clientsSeen']));
  });

  it('leaves it when the difference is 0 or at least k, the earlier figure was hidden, or the periods only overlap', () => {
    expect(figuresGivenAwayBySubtraction(figures(12), 5, quarter, [earlier(frame([1], '2026-07', '2026-07'), 12)])).toEqual(new Set());
    expect(figuresGivenAwayBySubtraction(figures(12), 5, quarter, [earlier(frame([1], '2026-07', '2026-07'), 7)])).toEqual(new Set());
    expect(figuresGivenAwayBySubtraction(figures(12), 5, quarter, [earlier(frame([1], '2026-07', '2026-07'), null)])).toEqual(new Set());
    // August to October is not inside July to September, nor the other way round.
    expect(figuresGivenAwayBySubtraction(figures(12), 5, quarter, [earlier(frame([1], '2026-08', '2026-10'), 10)])).toEqual(new Set());
  });

  it('counts agencies as it counts months: a sector against one of its agencies', () => {
    expect(figuresGivenAwayBySubtraction(figures(40), 5, frame([1, 2, 3], '2026-07', '2026-09'), [earlier(quarter, 38)])).toEqual(new Set(['clientsSeen']));
    expect(figuresGivenAwayBySubtraction(figures(40), 5, frame([2, 3], '2026-07', '2026-09'), [earlier(quarter, 38)])).toEqual(new Set());
  });

  it('does the same for the cases with a WHO-5 change, so no one client’s change is given away', () => {
    expect(figuresGivenAwayBySubtraction(figures(0, 6), 5, quarter, [earlier(frame([1], '2026-07', '2026-08'), null, 5)])).toEqual(new Set(['who5Pairs']));
  });
});
