import type { ReportFrame, EarlierReport } from './report-problem';
import type { ScopeFigure } from './report-tables';

/**
 * The figures that count people or cases but are not sums of the atoms disclosure control
 * works on: the unique clients seen (a person seen in two months counts once in both) and
 * the cases with a WHO-5 change. Subtracting one report's figure from another's whose
 * agencies and months lie inside it counts the people of the difference: "one client was
 * seen only in December". Each is published where it appears in a report's metrics.
 */
const DIFFERENCED_FIGURES = {
  clientsSeen: { metric: 'utilisation_rate', part: 'numerator' },
  who5Pairs: { metric: 'who5_mean_change', part: 'denominator' },
} as const satisfies Partial<Record<ScopeFigure, { metric: string; part: 'numerator' | 'denominator' }>>;

type DifferencedFigure = keyof typeof DIFFERENCED_FIGURES;

function within(inner: ReportFrame, outer: ReportFrame): boolean {
  const agencies = new Set(outer.agencyIds);
  const months = new Set(outer.months);
  return inner.agencyIds.every((id) => agencies.has(id)) && inner.months.every((m) => months.has(m));
}

/**
 * The figures this report must hide because an earlier report nested with it (its agencies
 * and months inside this one's, or this one's inside its) published the same figure, and
 * the difference, which anyone can work out, is from 1 to k−1. The difference is taken as
 * the attacker takes it: this report's value against the value the earlier one published.
 */
export function figuresGivenAwayBySubtraction(figures: Record<ScopeFigure, number>, k: number, frame: ReportFrame, earlier: readonly EarlierReport[]): Set<ScopeFigure> {
  const hide = new Set<ScopeFigure>();
  for (const report of earlier) {
    if (!within(report.frame, frame) && !within(frame, report.frame)) continue;
    for (const [figure, where] of Object.entries(DIFFERENCED_FIGURES) as Array<[DifferencedFigure, (typeof DIFFERENCED_FIGURES)[DifferencedFigure]]>) {
      const published = report.document.metrics.find((m) => m.id === where.metric)?.[where.part];
      if (published === null || published === undefined) continue;
      const difference = Math.abs(figures[figure] - published);
      if (difference >= 1 && difference < k) hide.add(figure);
    }
  }
  return hide;
}
