/** Operators: shape rules checked here, once; closures over Float64Array kernels returned. */
import { fail, finding, isScalar, isVector, sameShape, SCALAR, size, type Shape } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import * as meter from '../../linalg/meter.js';
import type { Node } from '../math.js';
import { elementwiseShape, productShape, requireScalar, shapeArgs, type ShapeRuleCode } from './shapes.js';
import { numOf, scalarCompiled } from './scalar.js';
import type { Compiled, Ctx, Scope } from './types.js';

type Kernel = (a: M.Mat, b: M.Mat, out?: M.Mat) => M.Mat;
type ScalarFn = (x: number, y: number) => number;

const bool = (x: boolean): number => (x ? 1 : 0);
const times: ScalarFn = (x, y) => x * y;
const COMPARISONS: Readonly<Record<string, ScalarFn>> = {
  equal: (x, y) => bool(x === y),
  unequal: (x, y) => bool(x !== y),
  smaller: (x, y) => bool(x < y),
  larger: (x, y) => bool(x > y),
  smallerEq: (x, y) => bool(x <= y),
  largerEq: (x, y) => bool(x >= y),
  and: (x, y) => bool(x !== 0 && y !== 0),
  or: (x, y) => bool(x !== 0 || y !== 0),
};

const ELEMENTWISE: Readonly<Record<string, [ScalarFn, Kernel, ShapeRuleCode]>> = {
  // Sums and differences report their cancellation to the meter (the tolerance reads it).
  add: [meter.add, (a, b, out) => metered(a, b, M.add(a, b, out), 1), 'SHAPE_ADD'],
  subtract: [meter.sub, (a, b, out) => metered(a, b, M.sub(a, b, out), -1), 'SHAPE_ADD'],
  dotMultiply: [times, M.hadamard, 'SHAPE_ELEMENTWISE'],
  // Quotients report a value out of range, like exp (excused at large points).
  dotDivide: [meter.div, (a, b, out) => quotients(a, b, M.divide(a, b, out)), 'SHAPE_ELEMENTWISE'],
  // Division by a matrix has no meaning in these courses, so `/` is elementwise like `./`.
  divide: [meter.div, (a, b, out) => quotients(a, b, M.divide(a, b, out)), 'SHAPE_ELEMENTWISE'],
  dotPow: [(x, y) => x ** y, M.power, 'SHAPE_ELEMENTWISE'],
};

const metered = (a: M.Mat, b: M.Mat, r: M.Mat, sign: 1 | -1): M.Mat => {
  meter.noteAll(a, b, r, sign);
  return r;
};

const quotients = (a: M.Mat, b: M.Mat, r: M.Mat): M.Mat => {
  meter.noteQuotients(a, b, r);
  return r;
};

const fold = (a: Compiled, b: Compiled, f: ScalarFn): number | undefined =>
  a.constant !== undefined && b.constant !== undefined ? f(a.constant, b.constant) : undefined;

/**
 * A binary operation, on the fastest path the shapes allow: two scalars as plain numbers, a
 * scalar and a matrix without building a 1 x 1 matrix, two matrices through the kernel.
 */
function binary(shape: Shape, a: Compiled, b: Compiled, f: ScalarFn, kernel: Kernel, work: number, constant?: number): Compiled {
  const w = a.work + b.work + work;
  if (isScalar(a.shape) && isScalar(b.shape)) {
    const [na, nb] = [numOf(a), numOf(b)];
    return scalarCompiled((env) => f(na(env), nb(env)), w, constant);
  }
  const [ra, rb] = [a.run, b.run];
  const out = M.zeros(shape.rows, shape.cols); // this node's own output (M.copy in compileExpr)
  // A scalar times a matrix, the commonest broadcast, has its own loop (M.scale).
  const product = f === times;
  if (isScalar(a.shape)) {
    const na = numOf(a);
    if (product)
      return {
        shape,
        run: (env) => {
          const s = na(env); // the left operand first, as written: its error is the one reported
          return M.scale(rb(env), s, out);
        },
        work: w,
      };
    return { shape, run: (env) => M.mapLeft(na(env), rb(env), f, out), work: w };
  }
  if (isScalar(b.shape)) {
    const nb = numOf(b);
    if (product) return { shape, run: (env) => M.scale(ra(env), nb(env), out), work: w };
    return { shape, run: (env) => M.mapRight(ra(env), nb(env), f, out), work: w };
  }
  return { shape, run: (env) => kernel(ra(env), rb(env), out), work: w, constant };
}

/** Compiles a unary or binary operator whose operands are already compiled. */
export function compileOperator(node: Node, fn: string, op: string, args: Compiled[], scope: Scope, ctx: Ctx): Compiled {
  const at = ctx.where(node);
  const [a, b] = args as [Compiled, Compiled];
  if (fn === 'unaryMinus') {
    const constant = a.constant === undefined ? undefined : -a.constant;
    if (isScalar(a.shape)) {
      const na = numOf(a);
      return scalarCompiled((env) => -na(env), a.work + 1, constant);
    }
    const ra = a.run;
    const out = M.zeros(a.shape.rows, a.shape.cols);
    return { shape: a.shape, run: (env) => M.negate(ra(env), out), work: a.work + size(a.shape), constant };
  }
  if (fn === 'unaryPlus') return a;
  if (fn === 'ctranspose' || fn === 'transpose') return transposeOf(a);
  if (fn === 'not') {
    requireScalar('the operand of not', a.shape, scope, at);
    const na = numOf(a);
    return scalarCompiled((env) => bool(na(env) === 0), a.work + 1);
  }
  if (fn === 'multiply') {
    // Juxtaposition of equal shapes that cannot be a matrix product (`h(1 - h)`) is elementwise.
    if ((node as { implicit?: boolean }).implicit && !isScalar(a.shape) && a.shape.cols !== b.shape.rows && sameShape(a.shape, b.shape)) {
      ctx.notes.push(finding('READ_AS_ELEMENTWISE', { text: node.toString() }, at, 'info'));
      return binary(a.shape, a, b, times, M.hadamard, size(a.shape));
    }
    const shape = productShape(a.shape, b.shape, scope, at);
    if ((node as { implicit?: boolean }).implicit && !isScalar(a.shape) && sameShape(a.shape, b.shape))
      ctx.notes.push(finding('READ_AS_PRODUCT', { text: node.toString() }, at, 'info'));
    const work = isScalar(a.shape) || isScalar(b.shape) ? size(shape) : a.shape.rows * a.shape.cols * b.shape.cols;
    if (isScalar(shape) && !isScalar(a.shape)) {
      // A row times a column (u' * v): a dot product, as a number.
      const [ra, rb] = [a.run, b.run];
      return scalarCompiled((env) => M.dotData(ra(env), rb(env)), a.work + b.work + work);
    }
    return binary(
      shape,
      a,
      b,
      times,
      M.multiply,
      work,
      fold(a, b, (x, y) => x * y),
    );
  }
  if (fn === 'pow') {
    if (!isScalar(a.shape)) fail('SHAPE_POWER', { ...shapeArgs(scope, 'base', a.shape) }, at);
    requireScalar('an exponent', b.shape, scope, at);
    return binary(
      SCALAR,
      a,
      b,
      meter.pow,
      M.power,
      1,
      fold(a, b, (x, y) => x ** y),
    );
  }
  const cmp = Object.hasOwn(COMPARISONS, fn) ? COMPARISONS[fn] : undefined;
  if (cmp) {
    requireScalar(`each side of ${op}`, a.shape, scope, at);
    requireScalar(`each side of ${op}`, b.shape, scope, at);
    return binary(SCALAR, a, b, cmp, (x, y) => M.scalar(cmp(x.data[0]!, y.data[0]!)), 1, fold(a, b, cmp));
  }
  const ew = Object.hasOwn(ELEMENTWISE, fn) ? ELEMENTWISE[fn] : undefined;
  if (!ew) return fail('NOT_ALLOWED', { what: `the operator ${op}` }, at);
  const [f, kernel, code] = ew;
  const shape = elementwiseShape(code, op, a.shape, b.shape, scope, at);
  return binary(shape, a, b, f, kernel, size(shape), fold(a, b, f));
}

/** `a \cdot b`: a product where the shapes allow one, else the dot product of two equal vectors. */
export function compileCdot(node: Node, [a, b]: [Compiled, Compiled], scope: Scope, ctx: Ctx): Compiled {
  if (isVector(a.shape) && sameShape(a.shape, b.shape)) {
    ctx.notes.push(finding('READ_AS_DOT', { text: node.toString() }, ctx.where(node), 'info'));
    const [ra, rb] = [a.run, b.run];
    return scalarCompiled((env) => M.dotData(ra(env), rb(env)), a.work + b.work + size(a.shape));
  }
  return compileOperator(node, 'multiply', '*', [a, b], scope, ctx);
}

export function transposeOf(a: Compiled): Compiled {
  const ra = a.run;
  const out = M.zeros(a.shape.cols, a.shape.rows);
  return {
    shape: { rows: a.shape.cols, cols: a.shape.rows },
    run: (env) => M.transpose(ra(env), out),
    work: a.work + size(a.shape),
    constant: a.constant,
    zeroLiteral: a.zeroLiteral,
  };
}
