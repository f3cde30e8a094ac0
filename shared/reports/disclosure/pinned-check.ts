import type { AtomConstraint, AtomSystem, LinearSolver, Optimum } from './linear-solver';

interface Target {
  atoms: readonly number[];
  value: number;
}

interface Component {
  system: AtomSystem;
  localIndex: Map<number, number>;
}

/**
 * Points (a value for every atom) known to satisfy the constraints: the true values with one
 * component replaced by an optimum found there. Hiding a count only removes constraints, and
 * the earlier reports' constraints are a part of the current ones, so a point found in one
 * audit stays feasible for every later round and for the earlier reports alone: one pool
 * serves them all.
 */
export class FeasiblePoints {
  /** Each point as its differences from the true values (atom → value there). */
  private readonly points: Map<number, number>[] = [];

  constructor(private readonly truth: readonly number[]) {}

  /** Whether a kept point moves the sum of `atoms` by `step` or more from `value`. */
  moves(atoms: readonly number[], value: number, step: number): boolean {
    for (const point of this.points) {
      let total = value;
      for (const a of atoms) {
        const there = point.get(a);
        if (there !== undefined) total += there - this.truth[a]!;
      }
      if (Math.abs(total - value) >= step) return true;
    }
    return false;
  }

  add(localPoint: ArrayLike<number>, localIndex: ReadonlyMap<number, number>): void {
    const point = new Map<number, number>();
    for (const [atom, local] of localIndex) {
      const there = localPoint[local]!;
      if (Math.abs(there - this.truth[atom]!) > 1e-9) point.set(atom, there);
    }
    if (point.size > 0) this.points.push(point);
  }
}

/**
 * Whether a set of constraints pins a sum of atoms to one whole number: its range under the
 * linear relaxation (atoms real ≥ 0) holds at most one whole number.
 *
 * The true values are a feasible point, so a sum is NOT pinned exactly when some feasible
 * point moves it by 1 or more; the work is finding such points cheaply:
 * - the constraints split into independent components (atoms linked by a shared constraint),
 *   each one small linear system, opened lazily; a sum's range is the sum of its parts' ranges;
 * - a published zero fixes its atoms at 0: they leave every system (HiGHS's presolve would do
 *   it too, but on every run);
 * - a sum with an atom in no `=` constraint is unbounded above (raising that atom breaks
 *   nothing): no linear programme;
 * - every optimum a linear programme returns gives a feasible point, kept in `FeasiblePoints`:
 *   a later sum that such a point already moves by 1 or more needs no programme of its own
 *   (`seed` starts the pool with the points that push all the targets of a component down and
 *   up at once);
 * - the maximum first: when it reaches the true value + 1 the minimum is not needed.
 */
export class PinnedCheck {
  private readonly componentOfAtom: Int32Array;
  private readonly inEquality: Uint8Array;
  private readonly fixedAtZero: Uint8Array;
  private readonly constraintsOfComponent = new Map<number, AtomConstraint[]>();
  private readonly components = new Map<number, Component>();
  linearProgrammes = 0;

  constructor(
    private readonly solver: LinearSolver,
    atomCount: number,
    constraints: readonly AtomConstraint[],
    private readonly pool: FeasiblePoints,
  ) {
    // A published zero fixes its atoms at 0 (atoms are ≥ 0): take them out of every system.
    this.fixedAtZero = new Uint8Array(atomCount);
    for (const c of constraints) {
      if (c.relation === '=' && c.value === 0 && !c.coefficients) for (const a of c.atoms) this.fixedAtZero[a] = 1;
    }
    const reduced = constraints
      .map((c) => this.withoutFixed(c))
      .filter((c) => c.atoms.length > 0);
    const parent = Int32Array.from({ length: atomCount }, (_, i) => i);
    const find = (a: number): number => {
      while (parent[a] !== a) {
        parent[a] = parent[parent[a]!]!;
        a = parent[a]!;
      }
      return a;
    };
    this.inEquality = new Uint8Array(atomCount);
    for (const c of reduced) {
      const first = c.atoms[0]!;
      for (const a of c.atoms) {
        parent[find(a)] = find(first);
        if (c.relation === '=') this.inEquality[a] = 1;
      }
    }
    this.componentOfAtom = Int32Array.from({ length: atomCount }, (_, i) => find(i));
    for (const c of reduced) {
      const root = this.componentOfAtom[c.atoms[0]!]!;
      const list = this.constraintsOfComponent.get(root);
      if (list) list.push(c);
      else this.constraintsOfComponent.set(root, [c]);
    }
  }

  private withoutFixed(c: AtomConstraint): AtomConstraint {
    if (!c.atoms.some((a) => this.fixedAtZero[a] === 1)) return c;
    const keep = c.atoms.flatMap((a, i) => (this.fixedAtZero[a] === 1 ? [] : [i]));
    return { ...c, atoms: keep.map((i) => c.atoms[i]!), ...(c.coefficients ? { coefficients: keep.map((i) => c.coefficients![i]!) } : {}) };
  }

  /** The component an atom belongs to (atoms in no constraint are alone in theirs). */
  component(atom: number): number {
    return this.componentOfAtom[atom]!;
  }

  /** Starts each component's pool of points with the optima of the sum of all its targets' atoms, both ways. */
  seed(targets: readonly Target[]): void {
    const atomsByComponent = new Map<number, Set<number>>();
    for (const t of targets) {
      if (!this.needsProgramme(t.atoms) || this.pool.moves(t.atoms, t.value, 1 - tolerance(t.value))) continue;
      for (const a of t.atoms) {
        if (this.fixedAtZero[a] === 1) continue;
        const root = this.componentOfAtom[a]!;
        let set = atomsByComponent.get(root);
        if (!set) atomsByComponent.set(root, (set = new Set()));
        set.add(a);
      }
    }
    for (const [root, atoms] of atomsByComponent) {
      const local = this.open(root);
      const objective = [...atoms].map((a) => local.localIndex.get(a)!);
      this.remember(local, local.system.minimum(objective));
      this.remember(local, local.system.maximum(objective));
    }
  }

  /** Whether the constraints pin the sum of `atoms` (whose true value is `value`) to one whole number. */
  isPinned(allAtoms: readonly number[], value: number): boolean {
    const atoms = allAtoms.filter((a) => this.fixedAtZero[a] === 0);
    if (atoms.length === 0) return true;
    if (!this.needsProgramme(atoms)) return false;
    const slack = tolerance(value);
    if (this.pool.moves(atoms, value, 1 - slack)) return false;
    const parts = [...this.splitByComponent(atoms)].map(([root, part]) => {
      const local = this.open(root);
      return { local, objective: part.map((a) => local.localIndex.get(a)!) };
    });
    let max = 0;
    for (const part of parts) max += this.remember(part.local, part.local.system.maximum(part.objective));
    if (max >= value + 1 - slack) return false;
    let min = 0;
    for (const part of parts) min += this.remember(part.local, part.local.system.minimum(part.objective));
    return Math.floor(max + slack) - Math.ceil(min - slack) < 1;
  }

  close(): void {
    for (const { system } of this.components.values()) system.close();
    this.components.clear();
  }

  /** False when some atom is in no equality: then the sum is unbounded above. */
  private needsProgramme(atoms: readonly number[]): boolean {
    return atoms.every((a) => this.inEquality[a] === 1 || this.fixedAtZero[a] === 1);
  }

  private remember(component: Component, optimum: Optimum): number {
    this.linearProgrammes += 1;
    if (optimum.point) this.pool.add(optimum.point, component.localIndex);
    return optimum.value;
  }

  private splitByComponent(atoms: readonly number[]): Map<number, number[]> {
    const parts = new Map<number, number[]>();
    for (const a of atoms) {
      const root = this.componentOfAtom[a]!;
      const part = parts.get(root);
      if (part) part.push(a);
      else parts.set(root, [a]);
    }
    return parts;
  }

  /** The component's linear system, with its atoms renumbered 0..n−1. */
  private open(root: number): Component {
    let open = this.components.get(root);
    if (!open) {
      const localIndex = new Map<number, number>();
      const local = (a: number): number => {
        let i = localIndex.get(a);
        if (i === undefined) localIndex.set(a, (i = localIndex.size));
        return i;
      };
      const constraints = (this.constraintsOfComponent.get(root) ?? []).map((c) => ({ ...c, atoms: c.atoms.map(local) }));
      open = { system: this.solver.system(localIndex.size, constraints), localIndex };
      this.components.set(root, open);
    }
    return open;
  }
}

/** Room for the solver's rounding: a millionth, relative to the size of the count. */
function tolerance(value: number): number {
  return 1e-6 * (1 + Math.abs(value));
}
