import type { AtomConstraint, AtomSystem, LinearSolver } from './linear-solver';

/**
 * Whether a set of constraints pins a sum of atoms to one whole number: its range under the
 * linear relaxation (atoms real ≥ 0) holds at most one whole number.
 *
 * The constraints split into independent components (atoms linked by a shared constraint);
 * a sum's range is the sum of its parts' ranges, so each component is one small linear
 * system, opened lazily and asked for every target that touches it. Two shortcuts skip
 * linear programmes: a sum with an atom in no `=` constraint is unbounded above (raising
 * that atom breaks nothing), and a sum whose maximum reaches its true value + 1 is not
 * pinned whatever its minimum.
 */
export class PinnedCheck {
  private readonly componentOfAtom: Int32Array;
  private readonly inEquality: Uint8Array;
  private readonly constraintsOfComponent = new Map<number, AtomConstraint[]>();
  private readonly systems = new Map<number, { system: AtomSystem; localIndex: Map<number, number> }>();
  linearProgrammes = 0;

  constructor(
    private readonly solver: LinearSolver,
    atomCount: number,
    constraints: readonly AtomConstraint[],
  ) {
    const parent = Int32Array.from({ length: atomCount }, (_, i) => i);
    const find = (a: number): number => {
      while (parent[a] !== a) {
        parent[a] = parent[parent[a]!]!;
        a = parent[a]!;
      }
      return a;
    };
    this.inEquality = new Uint8Array(atomCount);
    for (const c of constraints) {
      const first = c.atoms[0];
      if (first === undefined) continue;
      for (const a of c.atoms) {
        parent[find(a)] = find(first);
        if (c.relation === '=') this.inEquality[a] = 1;
      }
    }
    this.componentOfAtom = Int32Array.from({ length: atomCount }, (_, i) => find(i));
    for (const c of constraints) {
      const first = c.atoms[0];
      if (first === undefined) continue;
      const root = this.componentOfAtom[first]!;
      const list = this.constraintsOfComponent.get(root);
      if (list) list.push(c);
      else this.constraintsOfComponent.set(root, [c]);
    }
  }

  /** The component an atom belongs to (atoms in no constraint are alone in theirs). */
  component(atom: number): number {
    return this.componentOfAtom[atom]!;
  }

  /** Whether the constraints pin the sum of `atoms` (whose true value is `value`) to one whole number. */
  isPinned(atoms: readonly number[], value: number): boolean {
    if (atoms.length === 0) return true;
    if (atoms.some((a) => this.inEquality[a] === 0)) return false;
    const tolerance = 1e-6 * (1 + Math.abs(value));
    const parts = this.splitByComponent(atoms);
    let max = 0;
    for (const [root, part] of parts) max += this.systemOf(root).maximum(part);
    this.linearProgrammes += parts.size;
    if (max >= value + 1 - tolerance) return false;
    let min = 0;
    for (const [root, part] of parts) min += this.systemOf(root).minimum(part);
    this.linearProgrammes += parts.size;
    return Math.floor(max + tolerance) - Math.ceil(min - tolerance) < 1;
  }

  close(): void {
    for (const { system } of this.systems.values()) system.close();
    this.systems.clear();
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

  /** The component's linear system, with its atoms renumbered 0..n−1; `atoms` are translated on the way in. */
  private systemOf(root: number): AtomSystem {
    let open = this.systems.get(root);
    if (!open) {
      const localIndex = new Map<number, number>();
      const local = (a: number): number => {
        let i = localIndex.get(a);
        if (i === undefined) localIndex.set(a, (i = localIndex.size));
        return i;
      };
      const constraints = (this.constraintsOfComponent.get(root) ?? []).map((c) => ({ ...c, atoms: c.atoms.map(local) }));
      open = { system: this.solver.system(localIndex.size, constraints), localIndex };
      this.systems.set(root, open);
    }
    const { system, localIndex } = open;
    const translate = (atoms: readonly number[]) => atoms.map((a) => localIndex.get(a)!);
    return {
      minimum: (atoms) => system.minimum(translate(atoms)),
      maximum: (atoms) => system.maximum(translate(atoms)),
      close: () => system.close(),
    };
  }
}
