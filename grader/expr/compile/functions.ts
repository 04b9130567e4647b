/**
 * The function vocabulary, one row per function (after KaTeX's defineFunction): its names in
 * mathjs syntax, its LaTeX commands, its shape rule, its evaluation and its LaTeX rendering.
 * The LaTeX reader (latex/commands.ts), the renderer (latex/render.ts) and the compiler all
 * read this table, so adding a function is one row here and one test row.
 * Elementwise functions keep the shape; the others say what they accept.
 */
import { isScalar, isVector, SCALAR, size, type Shape } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import * as meter from '../../linalg/meter.js';

type Check = (shapes: Shape[]) => Shape | { expected: string };

export interface FunctionDef {
  /** mathjs-syntax names; the first is the canonical one, the tree's name. */
  readonly names: readonly string[];
  /** LaTeX commands read as this function (`tanh` for `\tanh`), each applied like `\tanh(x)` or `\tanh x`. */
  readonly latex?: readonly string[];
  /** How the function is shown in LaTeX: a head before `\left(...\right)`, or the whole text from the arguments' LaTeX. */
  readonly tex?: string | ((args: readonly string[]) => string);
  readonly arity: number;
  readonly shape: Check;
  /** Writes into `out` when given one (a compiled node's own output, of the shape the rule gives). */
  readonly run: (args: M.Mat[], out?: M.Mat) => M.Mat;
  /** Costs a constant times the argument size. */
  readonly cost?: number;
  /** For an elementwise function: the function of one number (the scalar fast path). */
  readonly scalar?: (x: number) => number;
}

const sigma = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

const elementwise = (names: string[], f: (x: number) => number, tex: Partial<FunctionDef> = {}): FunctionDef => ({
  names,
  ...tex,
  arity: 1,
  shape: ([s]) => s!,
  run: ([a], out) => M.map(a!, f, out),
  scalar: f,
});

const vectorOrScalar: Check = ([s]) => (isVector(s!) || isScalar(s!) ? s! : { expected: 'a vector' });

const sech = (x: number): number => 1 / Math.cosh(x);

export const FUNCTIONS: readonly FunctionDef[] = [
  // `\sigma` is a Greek letter, read as this function when the question has no symbol sigma.
  elementwise(['sigma', 'sigmoid', 'logistic'], sigma, { tex: '\\sigma' }),
  elementwise(['sigmaprime'], (x) => sigma(x) * sigma(-x), { tex: "\\sigma'" }), // not 1 - sigma(x): it cancels to 0 for x > 37
  elementwise(['exp'], meter.exp, { latex: ['exp'] }), // a value out of range is noted: excused at large points
  elementwise(['log'], meter.log, { latex: ['log'] }),
  elementwise(['ln'], meter.log, { latex: ['ln'] }),
  elementwise(['tanh'], Math.tanh, { latex: ['tanh'] }),
  elementwise(['cosh'], Math.cosh, { latex: ['cosh'] }),
  elementwise(['sinh'], Math.sinh, { latex: ['sinh'] }),
  elementwise(['sech'], sech, { latex: ['sech'], tex: '\\operatorname{sech}' }),
  elementwise(['relu', 'ReLU'], (x) => (x > 0 ? x : 0)),
  // `\sqrt{x}` and `|x|` are read by the LaTeX parser's own structures (a braced argument, delimiters).
  elementwise(['sqrt'], Math.sqrt, { tex: ([a]) => `\\sqrt{${a}}` }),
  elementwise(['abs'], Math.abs, { tex: ([a]) => `\\left|${a}\\right|` }),
  elementwise(['sin'], Math.sin, { latex: ['sin'] }),
  elementwise(['cos'], Math.cos, { latex: ['cos'] }),
  elementwise(['arctan', 'atan'], Math.atan, { latex: ['arctan'] }),
  {
    names: ['norm'],
    arity: 1,
    // The Euclidean norm of a vector (Frobenius for a matrix), read from `\lVert x \rVert` or `\| x \|`.
    shape: () => SCALAR,
    run: ([a]) => M.scalar(Math.sqrt(a!.data.reduce((s, x) => s + x * x, 0))),
    tex: ([a]) => `\\left\\lVert ${a}\\right\\rVert`,
  },
  { names: ['softmax'], arity: 1, shape: vectorOrScalar, run: ([a], out) => M.softmax(a!, out), cost: 3 },
  { names: ['transpose'], arity: 1, shape: ([s]) => ({ rows: s!.cols, cols: s!.rows }), run: ([a], out) => M.transpose(a!, out) },
  {
    names: ['dot'],
    arity: 2,
    shape: ([a, b]) => (isVector(a!) && isVector(b!) && size(a!) === size(b!) ? SCALAR : { expected: 'two vectors of one length' }),
    run: ([a, b]) => M.scalar(M.sumAll(M.hadamard(a!, M.mat(a!.rows, a!.cols, b!.data)))),
  },
  // sum(x): the sum of the entries; sum(k, ...) with an index is a special form (compile/forms.ts).
  { names: ['sum'], arity: 1, shape: () => SCALAR, run: ([a]) => M.scalar(M.sumAll(a!)) },
];

export const FUNCTION_BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(FUNCTIONS.flatMap((f) => f.names.map((n) => [n, f] as const)));

/** Functions compiled as special forms (they bind names, need constants, or read shapes), not in the table. */
export const SPECIAL_FORMS: readonly string[] = ['sum', 'onehot', 'zeros', 'cdot'];
