/**
 * The function vocabulary, as a table: names, arity and what each does to shapes and values.
 * Elementwise functions keep the shape; the others say what they accept.
 */
import { isScalar, isVector, SCALAR, size, type Shape } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import * as meter from '../../linalg/meter.js';

type Check = (shapes: Shape[]) => Shape | { expected: string };

export interface FunctionDef {
  readonly names: readonly string[];
  readonly arity: number;
  readonly shape: Check;
  readonly run: (args: M.Mat[]) => M.Mat;
  /** Costs a constant times the argument size. */
  readonly cost?: number;
  /** For an elementwise function: the function of one number (the scalar fast path). */
  readonly scalar?: (x: number) => number;
}

const sigma = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

const elementwise = (names: string[], f: (x: number) => number): FunctionDef => ({
  names,
  arity: 1,
  shape: ([s]) => s!,
  run: ([a]) => M.map(a!, f),
  scalar: f,
});

const vectorOrScalar: Check = ([s]) => (isVector(s!) || isScalar(s!) ? s! : { expected: 'a vector' });

export const FUNCTIONS: readonly FunctionDef[] = [
  elementwise(['sigma', 'sigmoid', 'logistic'], sigma),
  elementwise(['sigmaprime'], (x) => sigma(x) * sigma(-x)), // not 1 - sigma(x): it cancels to 0 for x > 37
  elementwise(['exp'], meter.exp), // an overflow is noted: the grader excuses it at large points
  elementwise(['log', 'ln'], meter.log),
  elementwise(['tanh'], Math.tanh),
  elementwise(['relu', 'ReLU'], (x) => (x > 0 ? x : 0)),
  elementwise(['sqrt'], Math.sqrt),
  elementwise(['abs'], Math.abs),
  elementwise(['sin'], Math.sin),
  elementwise(['cos'], Math.cos),
  { names: ['softmax'], arity: 1, shape: vectorOrScalar, run: ([a]) => M.softmax(a!), cost: 3 },
  { names: ['transpose'], arity: 1, shape: ([s]) => ({ rows: s!.cols, cols: s!.rows }), run: ([a]) => M.transpose(a!) },
  {
    names: ['dot'],
    arity: 2,
    shape: ([a, b]) =>
      isVector(a!) && isVector(b!) && size(a!) === size(b!) ? SCALAR : { expected: 'two vectors of one length' },
    run: ([a, b]) => M.scalar(M.sumAll(M.hadamard(a!, M.mat(a!.rows, a!.cols, b!.data)))),
  },
  { names: ['sum'], arity: 1, shape: () => SCALAR, run: ([a]) => M.scalar(M.sumAll(a!)) },
];

export const FUNCTION_BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(
  FUNCTIONS.flatMap((f) => f.names.map((n) => [n, f] as const)),
);

/** Functions compiled as special forms (they bind names, need constants, or read shapes), not in the table. */
export const SPECIAL_FORMS: readonly string[] = ['sum', 'onehot', 'zeros', 'cdot'];
