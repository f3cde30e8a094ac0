/**
 * The linear programming the disclosure audit needs, as an interface: `shared/` stays pure
 * and the app injects a solver (`services/reports/highs-solver.ts`, HiGHS in WebAssembly).
 *
 * The variables are atoms, whole numbers ≥ 0 relaxed to real numbers ≥ 0. A constraint is
 * a published count (its atoms' sum `=` its value), a count hidden because it was small
 * (`>=` 1), or a published sum whose total and parts are different atoms (two tables sharing
 * a total: Σ total's atoms − Σ parts' atoms `=` 0, the only place coefficients are not 1).
 */
export interface AtomConstraint {
  /** Indices of the system's variables, each at most once. */
  atoms: readonly number[];
  /** One per atom; all 1 when left out. `>=` constraints never have negative ones. */
  coefficients?: readonly number[];
  relation: '=' | '>=';
  value: number;
}

/** The optimum of a sum over a system: its value, and a point (every atom's value) that reaches it. */
export interface Optimum {
  /** `Infinity` when the system does not bound the sum above. */
  value: number;
  /** Absent when unbounded. */
  point?: ArrayLike<number>;
}

/** One system of constraints, asked for the range of several sums in turn. */
export interface AtomSystem {
  /** The least value of the sum of `atoms` over the system (never below 0). */
  minimum(atoms: readonly number[]): Optimum;
  /** The greatest value of the sum of `atoms`. */
  maximum(atoms: readonly number[]): Optimum;
  /** Frees what the solver holds for this system. */
  close(): void;
}

export interface LinearSolver {
  /**
   * A system of `variableCount` atoms (≥ 0) under `constraints`. The audit only builds
   * systems its true values satisfy; a solver that finds one infeasible must throw.
   */
  system(variableCount: number, constraints: readonly AtomConstraint[]): AtomSystem;
}
