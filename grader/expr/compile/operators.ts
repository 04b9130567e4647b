/** Operators: shape rules checked here, once; closures over Float64Array kernels returned. */
import { fail, finding, isScalar, isVector, sameShape, SCALAR, size, type Shape } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import * as meter from '../../linalg/meter.js';
import type { Node } from '../math.js';
import { elementwiseShape, productShape, requireScalar, shapeArgs, type ShapeRuleCode } from './shapes.js';
import { numOf, scalarCompiled } from './scalar.js';
import { whereOf, type Column, type Compiled, type Ctx, type Env, type Scope } from './types.js';
import { indexNumber } from './forms.js';
import { addOuterView, addScaledView, contiguous, dotViews, outerView, scaleView, view, type Reader } from './views.js';

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
    // A literal operand is the number itself, not a closure to call (`sigma(z) - 1`, `2 * x`).
    if (b.literal && !a.literal) {
      const y = b.constant!;
      return scalarCompiled((env) => f(na(env), y), w, constant);
    }
    if (a.literal && !b.literal) {
      const x = a.constant!;
      return scalarCompiled((env) => f(x, nb(env)), w, constant);
    }
    return scalarCompiled((env) => f(na(env), nb(env)), w, constant);
  }
  const [ra, rb] = [a.run, b.run];
  const out = M.zeros(shape.rows, shape.cols); // this node's own output (M.copy in compileExpr)
  // A scalar times a matrix, the commonest broadcast, has its own loop (M.scale).
  const product = f === times;
  if (product && isVector(shape) && (isScalar(a.shape) || isScalar(b.shape))) {
    const [s, v] = isScalar(a.shape) ? [a, b] : [b, a];
    return scaledVector(shape, numOf(s), readerOf(v), s === a, w, v.column);
  }
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

/** A vector's entries where they are: its own reader, or its output. */
export const readerOf = (c: Compiled): Reader => c.read ?? contiguous(c.run);

/** A scalar times a vector read in place (a column of U, scaled, is not copied first); the operand written first runs first. */
function scaledVector(shape: Shape, ns: (env: Env) => number, rv: Reader, scalarFirst: boolean, work: number, column?: Column): Compiled {
  const n = size(shape);
  if (column && scalarFirst) {
    // s * u_k: the column read from the matrix's slot, in this node's own closure.
    const { slot, cols, index, sign, at } = column;
    const out = M.zeros(shape.rows, shape.cols);
    const od = out.data;
    return {
      shape,
      run: (env) => {
        const s = ns(env);
        const m = env[slot]!.data;
        const j = indexNumber(index(env), cols, at) - 1;
        for (let i = 0; i < n; i++) od[i] = sign * m[j + i * cols]! * s;
        return out;
      },
      addTo: (env, acc) => {
        const s = ns(env);
        const m = env[slot]!.data;
        const j = indexNumber(index(env), cols, at) - 1;
        for (let i = 0; i < n; i++) acc[i]! += sign * m[j + i * cols]! * s;
      },
      work,
    };
  }
  const v = view();
  const out = M.zeros(shape.rows, shape.cols);
  if (scalarFirst)
    return {
      shape,
      run: (env) => {
        const s = ns(env);
        rv(env, v);
        scaleView(v, s, out.data, n);
        return out;
      },
      addTo: (env, acc) => {
        const s = ns(env);
        rv(env, v);
        addScaledView(v, s, acc, n);
      },
      work,
    };
  return {
    shape,
    run: (env) => {
      rv(env, v);
      scaleView(v, ns(env), out.data, n);
      return out;
    },
    addTo: (env, acc) => {
      rv(env, v);
      addScaledView(v, ns(env), acc, n);
    },
    work,
  };
}

/** u' v (a row times a column, or two vectors under cdot) as a number, both read in place. */
function dotProduct(a: Compiled, b: Compiled, work: number): Compiled {
  // A column of a sampled matrix and a sampled vector (u_k' v_c): both read from their slots,
  // in one closure. A slot has nothing to run, so reading it first or second is the same.
  const [c, v] = a.column && b.slot !== undefined ? [a.column, b.slot] : b.column && a.slot !== undefined ? [b.column, a.slot] : [];
  if (c && v !== undefined) {
    const { slot, cols, index, sign, at } = c;
    const n = size(a.shape);
    return scalarCompiled((env) => {
      const m = env[slot]!.data;
      const j = indexNumber(index(env), cols, at) - 1;
      const x = env[v]!.data;
      let s = 0;
      for (let i = 0; i < n; i++) s += sign * m[j + i * cols]! * x[i]!;
      return s;
    }, work);
  }
  const [ra, rb, va, vb, n] = [readerOf(a), readerOf(b), view(), view(), size(a.shape)];
  return scalarCompiled((env) => {
    ra(env, va);
    rb(env, vb);
    return dotViews(va, vb, n);
  }, work);
}

/** a b' for a column a and a row b (`v_c * (yhat - y)'`), both read in place; a sum adds it straight into its total. */
function outerProduct(a: Compiled, b: Compiled, work: number): Compiled {
  const [m, n] = [a.shape.rows, b.shape.cols];
  const [ra, rb, va, vb] = [readerOf(a), readerOf(b), view(), view()];
  const out = M.zeros(m, n);
  return {
    shape: { rows: m, cols: n },
    run: (env) => {
      ra(env, va);
      rb(env, vb);
      outerView(va, vb, out.data, m, n);
      return out;
    },
    addTo: (env, acc) => {
      ra(env, va);
      rb(env, vb);
      addOuterView(va, vb, acc, m, n);
    },
    work,
  };
}

/**
 * `yhat - onehot(o, V)` (or +): a copy of a with one entry changed. x ± 0 is x exactly, and the
 * meter notes no sum with a zero operand, so this is M.sub with its meter, entry for entry.
 */
function plusOnehot(a: Compiled, hot: (env: Env) => number, f: ScalarFn, work: number): Compiled {
  const ra = a.run;
  const out = M.zeros(a.shape.rows, a.shape.cols);
  const od = out.data;
  // x - 0 is x, but -0 + 0 is +0: the other entries are x + 0 for a sum, as M.add has them.
  const plus = f === meter.add;
  return {
    shape: a.shape,
    run: (env) => {
      const ad = ra(env).data;
      const i = hot(env);
      if (plus) for (let k = 0; k < od.length; k++) od[k] = ad[k]! + 0;
      else for (let k = 0; k < od.length; k++) od[k] = ad[k]!;
      od[i] = f(ad[i]!, 1);
      return out;
    },
    work,
  };
}

/** Compiles a unary or binary operator whose operands are already compiled. */
export function compileOperator(node: Node, fn: string, op: string, args: Compiled[], scope: Scope, ctx: Ctx): Compiled {
  const at = whereOf(ctx, node);
  const [a, b] = args as [Compiled, Compiled];
  if (fn === 'unaryMinus') {
    const constant = a.constant === undefined ? undefined : -a.constant;
    if (isScalar(a.shape)) {
      const na = numOf(a);
      return scalarCompiled((env) => -na(env), a.work + 1, constant);
    }
    const ra = a.run;
    const out = M.zeros(a.shape.rows, a.shape.cols);
    const run = (env: Env): M.Mat => M.negate(ra(env), out);
    if (!isVector(a.shape)) return { shape: a.shape, run, work: a.work + size(a.shape), constant };
    // -u_k' read in place: the same entries, each negated as it is read.
    const rv = readerOf(a);
    const read: Reader = (env, into) => {
      rv(env, into);
      into.sign = -into.sign;
    };
    const column = a.column && { ...a.column, sign: -a.column.sign };
    return { shape: a.shape, run, work: a.work + size(a.shape), constant, read, column };
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
      ctx.notes.push(finding('READ_AS_ELEMENTWISE', { text: node.toString() }, at(), 'info'));
      return binary(a.shape, a, b, times, M.hadamard, size(a.shape));
    }
    const shape = productShape(a.shape, b.shape, scope, at);
    if ((node as { implicit?: boolean }).implicit && !isScalar(a.shape) && sameShape(a.shape, b.shape))
      ctx.notes.push(finding('READ_AS_PRODUCT', { text: node.toString() }, at(), 'info'));
    const work = isScalar(a.shape) || isScalar(b.shape) ? size(shape) : a.shape.rows * a.shape.cols * b.shape.cols;
    // A row times a column (u' * v): a dot product, as a number.
    if (isScalar(shape) && !isScalar(a.shape)) return dotProduct(a, b, a.work + b.work + work);
    if (isVector(a.shape) && isVector(b.shape) && a.shape.cols === 1) return outerProduct(a, b, a.work + b.work + work);
    if (!isScalar(a.shape) && isVector(b.shape) && b.shape.cols === 1) {
      // A matrix times a column (U (yhat - y)): M.multiply's own loop for it, with no dispatch.
      const [ra, rb, out, as] = [a.run, b.run, M.zeros(shape.rows, 1), a.slot];
      // The matrix read from its slot when it is a symbol: nothing to run.
      const run = as === undefined ? (env: Env) => M.matVec(ra(env), rb(env), out) : (env: Env) => M.matVec(env[as]!, rb(env), out);
      return { shape, run, work: a.work + b.work + work };
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
    if (!isScalar(a.shape)) fail('SHAPE_POWER', { ...shapeArgs(scope, 'base', a.shape) }, at());
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
  if (!ew) return fail('NOT_ALLOWED', { what: `the operator ${op}` }, at());
  const [f, kernel, code] = ew;
  const shape = elementwiseShape(code, op, a.shape, b.shape, scope, at);
  if ((fn === 'add' || fn === 'subtract') && b.hot && sameShape(a.shape, b.shape)) return plusOnehot(a, b.hot, f, size(a.shape) + a.work + b.work);
  if ((fn === 'add' || fn === 'subtract') && !isScalar(a.shape) && sameShape(a.shape, b.shape)) {
    // Two matrices summed: the kernel and the meter called from here (one closure, not three).
    const [ra, rb, out, sign] = [a.run, b.run, M.zeros(shape.rows, shape.cols), fn === 'add' ? 1 : -1] as const;
    const sum = fn === 'add' ? M.add : M.sub;
    const [as, bs] = [a.slot, b.slot];
    const both = (x: M.Mat, y: M.Mat): M.Mat => {
      sum(x, y, out);
      meter.noteAll(x, y, out, sign);
      return out;
    };
    // Two symbols (yhat - y) read from their slots: nothing to run.
    const run = as !== undefined && bs !== undefined ? (env: Env) => both(env[as]!, env[bs]!) : (env: Env) => both(ra(env), rb(env));
    return { shape, run, work: a.work + b.work + size(shape), constant: fold(a, b, f) };
  }
  return binary(shape, a, b, f, kernel, size(shape), fold(a, b, f));
}

/** `a \cdot b`: a product where the shapes allow one, else the dot product of two equal vectors. */
export function compileCdot(node: Node, [a, b]: [Compiled, Compiled], scope: Scope, ctx: Ctx): Compiled {
  if (isVector(a.shape) && sameShape(a.shape, b.shape)) {
    ctx.notes.push(finding('READ_AS_DOT', { text: node.toString() }, ctx.where(node), 'info'));
    return dotProduct(a, b, a.work + b.work + size(a.shape));
  }
  return compileOperator(node, 'multiply', '*', [a, b], scope, ctx);
}

export function transposeOf(a: Compiled): Compiled {
  const ra = a.run;
  const work = a.work + size(a.shape);
  if (isScalar(a.shape)) return { ...a, work };
  if (isVector(a.shape)) {
    // A vector's transpose is its entries under another shape: one Mat of this node's, re-pointed each run.
    const t = { rows: a.shape.cols, cols: a.shape.rows, data: view().data };
    const run = (env: Env): M.Mat => {
      t.data = ra(env).data;
      return t;
    };
    return { shape: { rows: t.rows, cols: t.cols }, run, read: readerOf(a), column: a.column, work };
  }
  const out = M.zeros(a.shape.cols, a.shape.rows);
  return {
    shape: { rows: a.shape.cols, cols: a.shape.rows },
    run: (env) => M.transpose(ra(env), out),
    work: a.work + size(a.shape),
    constant: a.constant,
    zeroLiteral: a.zeroLiteral,
  };
}
