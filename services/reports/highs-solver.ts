import highsLoader, { type Highs } from 'highs';
import type { AtomConstraint, AtomSystem, LinearSolver, Optimum } from '../../shared/reports/disclosure/linear-solver';

/**
 * The disclosure audit's linear programmes on HiGHS (WebAssembly). The module is compiled
 * once per process (`highsSolver()` caches the promise); each `system()` is one persistent
 * HiGHS model whose objective is swapped for every range asked, so a target costs two
 * warm-started simplex runs, not a parse and a cold start.
 */
let loading: Promise<Highs> | null = null;

export async function highsSolver(): Promise<LinearSolver> {
  loading ??= highsLoader();
  const highs = await loading;
  return { system: (variableCount, constraints) => openSystem(highs, variableCount, constraints) };
}

function openSystem(highs: Highs, variableCount: number, constraints: readonly AtomConstraint[]): AtomSystem {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const c of constraints) {
    indices.push(...c.atoms);
    values.push(...(c.coefficients ?? c.atoms.map(() => 1)));
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: variableCount,
    numRows: constraints.length,
    colCost: new Array<number>(variableCount).fill(0),
    colLower: new Array<number>(variableCount).fill(0),
    colUpper: new Array<number>(variableCount).fill(highs.infinity),
    rowLower: constraints.map((c) => c.value),
    rowUpper: constraints.map((c) => (c.relation === '=' ? c.value : highs.infinity)),
    matrix: { format: 'csr', numRows: constraints.length, numCols: variableCount, starts, indices, values },
  });
  // Presolve redoes its work on every run and the default "choose" costs a millisecond or more
  // per run; the dual simplex, warm from the last basis, answers these small systems in ~0.2 ms.
  model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
  let costed: readonly number[] = [];
  const { modelStatus } = highs.constants;
  const answered = new Set<number>([modelStatus.optimal, modelStatus.unbounded, modelStatus.unboundedOrInfeasible]);

  const solve = (objective: readonly number[], sense: 'minimize' | 'maximize'): Optimum => {
    const atoms = [...objective].sort((a, b) => a - b);
    if (costed.length) model.changeColsCost({ kind: 'set', indices: costed }, costed.map(() => 0));
    if (atoms.length) model.changeColsCost({ kind: 'set', indices: atoms }, atoms.map(() => 1));
    costed = atoms;
    model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
    model.run();
    let status = model.getModelStatus();
    if (!answered.has(status)) {
      // A warm start on a degenerate system can end unclassified ("unknown"): solve this one
      // again from scratch, with presolve, before giving up.
      model.clearSolver();
      model.options.set({ presolve: 'on' });
      model.run();
      status = model.getModelStatus();
      model.options.set({ presolve: 'off' });
    }
    if (status === highs.constants.modelStatus.optimal) return { value: model.getObjectiveValue(), point: model.getSolution().colValue };
    if (status === highs.constants.modelStatus.unbounded && sense === 'maximize') return { value: Infinity };
    if (status === highs.constants.modelStatus.unboundedOrInfeasible && sense === 'maximize') return { value: Infinity };
    // The audit only builds systems its true values satisfy: anything else is a bug upstream.
    throw new Error(`The disclosure audit's linear programme ended with HiGHS status ${status}`);
  };

  return {
    minimum: (atoms) => solve(atoms, 'minimize'),
    maximum: (atoms) => solve(atoms, 'maximize'),
    close: () => model.dispose(),
  };
}
