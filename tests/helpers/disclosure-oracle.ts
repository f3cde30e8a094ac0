import { solve, type Model } from 'yalps';
import type { SuppressionProblem, SuppressionReason } from '../../shared/reports/disclosure/problem';

/**
 * The attacker of issue 13, written apart from the engine (no code shared with
 * shared/reports/disclosure/): whole-number atoms ≥ 0, every published count (now and
 * earlier) at its value, every count hidden as small at least 1, every published sum's
 * total equal to its parts, and what holds by definition (the problem's identities). A
 * target is worked out when the integer programme (yalps, with integer variables) admits
 * exactly one value for it.
 */
interface Relation {
  terms: Map<number, number>;
  kind: 'equal' | 'atLeast';
  bound: number;
}

export interface AttackerView {
  relations: Relation[];
  /** What to attack: a description and the atoms whose sum it is. */
  targets: { what: string; atoms: readonly number[] }[];
  values: readonly number[];
}

const plainSum = (atoms: readonly number[]) => new Map(atoms.map((a) => [a, 1]));
const valueOf = (values: readonly number[], atoms: readonly number[]) => atoms.reduce((s, a) => s + values[a]!, 0);

/** What the attacker knows once the report is published with `hidden` hidden, and what they try to work out. */
export function attackerView(problem: SuppressionProblem, hidden: ReadonlyMap<string, SuppressionReason>): AttackerView {
  const relations: Relation[] = [];
  const targets: AttackerView['targets'] = [];
  const atomsOfKey = new Map(problem.counts.map((c) => [c.key, c.atoms]));
  for (const e of problem.earlier) {
    if (e.published) relations.push({ terms: plainSum(e.atoms), kind: 'equal', bound: valueOf(problem.atomValues, e.atoms) });
    else if (e.hiddenAsSmall) {
      relations.push({ terms: plainSum(e.atoms), kind: 'atLeast', bound: 1 });
      targets.push({ what: `earlier small count over atoms ${e.atoms.join('+')}`, atoms: e.atoms });
    }
  }
  for (const c of problem.counts) {
    const reason = hidden.get(c.key);
    if (reason === undefined) relations.push({ terms: plainSum(c.atoms), kind: 'equal', bound: valueOf(problem.atomValues, c.atoms) });
    else {
      if (reason === 'small_count') relations.push({ terms: plainSum(c.atoms), kind: 'atLeast', bound: 1 });
      targets.push({ what: `hidden count ${c.key}`, atoms: c.atoms });
    }
  }
  const balanced = (plus: readonly number[], minus: readonly number[]) => {
    const terms = new Map<number, number>();
    for (const a of plus) terms.set(a, (terms.get(a) ?? 0) + 1);
    for (const a of minus) terms.set(a, (terms.get(a) ?? 0) - 1);
    for (const [a, coefficient] of terms) if (coefficient === 0) terms.delete(a);
    if (terms.size > 0) relations.push({ terms, kind: 'equal', bound: 0 });
  };
  for (const s of problem.sums) balanced(atomsOfKey.get(s.total)!, s.parts.flatMap((p) => atomsOfKey.get(p)!));
  for (const { plus, minus } of problem.identities ?? []) balanced(plus, minus);
  problem.atomValues.forEach((v, a) => {
    if (v >= 1 && v < problem.k) targets.push({ what: `small atom ${a} (${v})`, atoms: [a] });
  });
  return { relations, targets, values: problem.atomValues };
}

/** The targets (those `only` keeps, or all) the attacker pins to one whole number. */
export function workedOut(view: AttackerView, only: (what: string) => boolean = () => true): string[] {
  return view.targets.filter((t) => only(t.what) && admitsOneValue(view, t.atoms)).map((t) => t.what);
}

function admitsOneValue(view: AttackerView, atoms: readonly number[]): boolean {
  const truth = valueOf(view.values, atoms);
  const relevant = relationsReaching(view.relations, atoms);
  const highest = optimise(relevant, atoms, 'maximize');
  if (highest > truth + 0.5) return false;
  return optimise(relevant, atoms, 'minimize') > truth - 0.5;
}

/** Only the relations linked to the target through shared atoms bear on it. */
function relationsReaching(relations: readonly Relation[], atoms: readonly number[]): Relation[] {
  const reached = new Set(atoms);
  const taken = new Set<Relation>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of relations) {
      if (taken.has(r) || ![...r.terms.keys()].some((a) => reached.has(a))) continue;
      taken.add(r);
      grew = true;
      for (const a of r.terms.keys()) reached.add(a);
    }
  }
  return [...taken];
}

function optimise(relations: readonly Relation[], atoms: readonly number[], direction: 'maximize' | 'minimize'): number {
  const variables = new Map<string, Map<string, number>>();
  const variable = (a: number) => {
    let v = variables.get(`x${a}`);
    if (!v) variables.set(`x${a}`, (v = new Map()));
    return v;
  };
  for (const a of atoms) variable(a).set('target', 1);
  const constraints = new Map<string, { equal?: number; min?: number }>();
  relations.forEach((r, i) => {
    constraints.set(`r${i}`, r.kind === 'equal' ? { equal: r.bound } : { min: r.bound });
    for (const [a, coefficient] of r.terms) variable(a).set(`r${i}`, coefficient);
  });
  const model: Model<string, string> = { direction, objective: 'target', constraints, variables, integers: true };
  const solution = solve(model);
  if (solution.status === 'unbounded') return direction === 'maximize' ? Infinity : -Infinity;
  if (solution.status !== 'optimal') throw new Error(`The independent check's integer programme ended ${solution.status}`);
  return solution.result;
}
