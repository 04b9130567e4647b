/**
 * Special forms: indexed sums (which bind a name), one-hot vectors and indexing (which need
 * sizes fixed at compile time), and conditionals (whose branches must agree in shape).
 */
import { fail, InputError, finding, isScalar, isVector, sameShape, SCALAR, size } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import { LIMITS } from '../limits.js';
import type { AnyNode, Node } from '../math.js';
import { requireScalar, shapeArgs } from './shapes.js';
import { familyMember } from './names.js';
import { numOf, scalarCompiled } from './scalar.js';
import type { Reader } from './views.js';
import { whereOf, withBinding, type Compiled, type Ctx, type Scope, type Where } from './types.js';

type CompileFn = (node: Node, scope: Scope, ctx: Ctx) => Compiled;

/** A value that must be known before evaluation: a sum bound, a one-hot length. */
function constantInt(c: Compiled, what: string, at: Where): number {
  if (c.constant === undefined || !Number.isInteger(c.constant)) return fail('NOT_CONSTANT', { what }, at());
  return c.constant;
}

/** Reads an index at run time: an integer in 1..n, or an error the student can act on. */
export function indexNumber(v: number, n: number, at: Where): number {
  if (!Number.isInteger(v) || v < 1 || v > n) throw new InputError(finding('INDEX_RANGE', { value: v, max: n }, at()));
  return v;
}

/**
 * An index range left implicit, taken from the family the index reaches: in `sum(i, yhat_i)`,
 * i runs over the entries of yhat; in `sum(i, u_i)`, over the columns of U. Undefined when no
 * family says, or two disagree.
 */
function rangeFromFamilies(body: Node, index: string, scope: Scope): { lo: number; hi: number } | undefined {
  const ranges = new Set<number>();
  body.traverse((n) => {
    const name = (n as AnyNode).name;
    const member = n.type === 'SymbolNode' && name ? familyMember(name, scope) : undefined;
    if (member?.sub !== index) return;
    const family = scope.families.get(member.base)!;
    const hi = familyLength(family.body, family.param, scope);
    if (hi !== undefined) ranges.add(hi);
  });
  return ranges.size === 1 ? { lo: 1, hi: [...ranges][0]! } : undefined;
}

/** How many members a family has: the length of the dimension its parameter indexes. */
function familyLength(body: Node, param: string, scope: Scope): number | undefined {
  const isParam = (d: Node) => d.type === 'SymbolNode' && (d as AnyNode).name === param;
  const b = body as AnyNode & { fn?: AnyNode };
  if (body.type === 'AccessorNode' && b.object!.type === 'SymbolNode') {
    const binding = scope.bindings.get((b.object as AnyNode).name!);
    if (binding?.kind !== 'slot') return undefined;
    const dims = b.index!.dimensions;
    const { rows, cols } = binding.shape;
    if (dims.length === 1 && isParam(dims[0]!)) return rows * cols;
    if (dims.length === 2) return isParam(dims[0]!) ? rows : isParam(dims[1]!) ? cols : undefined;
  }
  if (body.type === 'FunctionNode' && b.fn?.name === 'onehot' && b.args?.length === 2 && isParam(b.args[0]!)) {
    const size = scope.bindings.get((b.args[1] as AnyNode).name ?? '');
    return size?.kind === 'const' ? size.value : undefined;
  }
  return undefined;
}

/** `sum(k, 1, K, body)`, or `sum(k, body)` over the declared range of the index k. */
export function compileSum(n: AnyNode, scope: Scope, ctx: Ctx, compile: CompileFn): Compiled {
  const at = whereOf(ctx, n);
  const args = n.args!;
  if (!(args.length === 2 || args.length === 4) || args[0]!.type !== 'SymbolNode') return fail('SUM_FORM', {}, at());
  const v = args[0]!;
  const name = (v as AnyNode).name!;
  let lo: number;
  let hi: number;
  if (args.length === 4) {
    lo = constantInt(compile(args[1]!, scope, ctx), `the lower bound of the sum over ${name}`, at);
    hi = constantInt(compile(args[2]!, scope, ctx), `the upper bound of the sum over ${name}`, at);
  } else {
    const decl = scope.indices.get(name) ?? rangeFromFamilies(args[1]!, name, scope);
    if (!decl) return fail('SUM_RANGE_UNKNOWN', { index: name }, at());
    ({ lo, hi } = decl);
  }
  const count = Math.max(0, hi - lo + 1);
  if (count > LIMITS.maxSumRange) fail('SUM_TOO_LONG', { index: name, count, max: LIMITS.maxSumRange }, at());
  const slot = ctx.nextSlot++;
  const body = compile(args[args.length - 1]!, withBinding(scope, name, { kind: 'slot', slot, shape: SCALAR }), ctx);
  const { shape } = body;
  const work = count * (body.work + size(shape));
  // The index's cell and the accumulator are this node's own, reused by every run (compileExpr copies the result).
  const cell = M.scalar(0);
  if (isScalar(shape)) {
    const nb = numOf(body);
    return scalarCompiled((env) => {
      env[slot] = cell;
      let acc = 0;
      for (let k = lo; k <= hi; k++) {
        cell.data[0] = k;
        acc += nb(env);
      }
      return acc;
    }, work);
  }
  const acc = M.zeros(shape.rows, shape.cols);
  const addTo = body.addTo;
  // A body that can add itself into the total (s * u_k, an outer product) is not written out first.
  if (addTo) {
    const total = acc.data;
    const run = (env: M.Mat[]): M.Mat => {
      for (let i = 0; i < total.length; i++) total[i] = 0; // a loop: fill is a builtin call, dearer for a few entries
      env[slot] = cell;
      for (let k = lo; k <= hi; k++) {
        cell.data[0] = k;
        addTo(env, total);
      }
      return acc;
    };
    return { shape, run, work };
  }
  const run = (env: M.Mat[]): M.Mat => {
    acc.data.fill(0);
    env[slot] = cell;
    for (let k = lo; k <= hi; k++) {
      cell.data[0] = k;
      M.addInto(acc, body.run(env));
    }
    return acc;
  };
  return { shape, run, work };
}

/** `onehot(i, n)`: the n-vector with a 1 at i; n is fixed so the shape is known. */
export function compileOnehot(n: AnyNode, scope: Scope, ctx: Ctx, compile: CompileFn): Compiled {
  const at = whereOf(ctx, n);
  const args = n.args!;
  if (args.length !== 2) fail('ARITY', { fn: 'onehot', expected: 2, got: args.length }, at());
  const index = compile(args[0]!, scope, ctx);
  requireScalar('the index of onehot', index.shape, scope, at);
  const len = constantInt(compile(args[1]!, scope, ctx), 'the length of onehot', at);
  if (len < 1 || len > LIMITS.maxEntries) fail('TOO_LARGE', { what: 'onehot', size: len, max: LIMITS.maxEntries }, at());
  const ni = numOf(index);
  const out = M.zeros(len, 1);
  const hot = (env: M.Mat[]): number => indexNumber(ni(env), len, at) - 1;
  const run = (env: M.Mat[]): M.Mat => {
    const i = hot(env);
    out.data.fill(0);
    out.data[i] = 1;
    return out;
  };
  return { shape: { rows: len, cols: 1 }, run, hot, work: index.work + len };
}

/** `zeros(n)` (a column) or `zeros(m, n)`: sizes fixed at compile time. */
export function compileZeros(n: AnyNode, scope: Scope, ctx: Ctx, compile: CompileFn): Compiled {
  const at = whereOf(ctx, n);
  const args = n.args!;
  if (args.length < 1 || args.length > 2) fail('ARITY', { fn: 'zeros', expected: 2, got: args.length }, at());
  const [rows, cols] = [args[0]!, args[1]].map((a) => (a ? constantInt(compile(a, scope, ctx), 'the size of zeros', at) : 1)) as [number, number];
  if (rows < 1 || cols < 1 || rows * cols > LIMITS.maxEntries) fail('TOO_LARGE', { what: 'zeros', size: rows * cols, max: LIMITS.maxEntries }, at());
  const zero = M.zeros(rows, cols);
  return { shape: { rows, cols }, run: () => zero, work: 0, zeroLiteral: false };
}

const isFullRange = (d: Node): boolean => {
  const r = d as Node & { start?: AnyNode; end?: AnyNode; step?: Node | null };
  // The constant's value, not its text: printing a node with mathjs costs more than compiling it.
  return d.type === 'RangeNode' && !r.step && r.start?.type === 'ConstantNode' && Number(r.start.value) === 1 && r.end?.name === 'end';
};

/** `x[i]` (an entry of a vector), `A[i, j]`, `A[:, j]` (a column), `A[i, :]` (a row). */
export function compileAccess(node: Node, scope: Scope, ctx: Ctx, compile: CompileFn): Compiled {
  const at = whereOf(ctx, node);
  const n = node as AnyNode;
  const obj = compile(n.object!, scope, ctx);
  const dims = n.index!.dimensions;
  const { rows, cols } = obj.shape;
  const idx = dims.map((d) => {
    if (isFullRange(d)) return undefined;
    if (d.type === 'RangeNode') return fail('NOT_ALLOWED', { what: 'a range other than :' }, at());
    const c = compile(d, scope, ctx);
    requireScalar('an index', c.shape, scope, at);
    return c;
  });
  const ro = obj.run;
  const work = obj.work + idx.reduce((w, c) => w + (c?.work ?? 0), 0);
  if (idx.length === 1) {
    if (!(isVector(obj.shape) || isScalar(obj.shape)) || !idx[0]) return fail('INDEX_FORM', { ...shapeArgs(scope, 'shape', obj.shape), dims: 1 }, at());
    const ni = numOf(idx[0]);
    const len = rows * cols;
    const [os, is] = [obj.slot, idx[0].slot];
    // `negs[k]`, a symbol at an index, read straight from their slots.
    if (os !== undefined && is !== undefined)
      return scalarCompiled((env) => {
        const m = env[os]!;
        return m.data[indexNumber(env[is]!.data[0]!, len, at) - 1]!;
      }, work + 1);
    return scalarCompiled((env) => ro(env).data[indexNumber(ni(env), len, at) - 1]!, work + 1);
  }
  if (idx.length !== 2 || (!idx[0] && !idx[1])) return fail('INDEX_FORM', { ...shapeArgs(scope, 'shape', obj.shape), dims: idx.length }, at());
  if (idx[0] && idx[1]) {
    const [ni, nj] = [numOf(idx[0]), numOf(idx[1])];
    return scalarCompiled((env) => ro(env).data[(indexNumber(ni(env), rows, at) - 1) * cols + indexNumber(nj(env), cols, at) - 1]!, work + 1);
  }
  if (idx[1]) {
    const nj = numOf(idx[1]);
    const out = M.zeros(rows, 1);
    // The column where it is, for a kernel that reads it (u_k' v_c, s u_k): entry i at j + i * cols.
    const os = obj.slot;
    const read: Reader = (env, into) => {
      const m = os === undefined ? ro(env) : env[os]!;
      into.offset = indexNumber(nj(env), cols, at) - 1;
      into.data = m.data;
      into.stride = cols;
      into.sign = 1;
    };
    return {
      shape: { rows, cols: 1 },
      run: (env) => {
        const m = ro(env);
        const j = indexNumber(nj(env), cols, at) - 1;
        for (let i = 0; i < rows; i++) out.data[i] = m.data[i * cols + j]!;
        return out;
      },
      work: work + rows,
      read: rows > 1 ? read : undefined,
      column: rows > 1 && os !== undefined ? { slot: os, cols, index: nj, sign: 1, at } : undefined,
    };
  }
  const ni = numOf(idx[0]!);
  const out = M.zeros(1, cols);
  // The row where it is: entries i * cols ... (i + 1) * cols - 1.
  const read: Reader = (env, into) => {
    const i = indexNumber(ni(env), rows, at) - 1;
    into.data = ro(env).data;
    into.offset = i * cols;
    into.stride = 1;
    into.sign = 1;
  };
  return {
    shape: { rows: 1, cols },
    run: (env) => {
      const i = indexNumber(ni(env), rows, at) - 1;
      out.data.set(ro(env).data.subarray(i * cols, (i + 1) * cols));
      return out;
    },
    work: work + cols,
    read: cols > 1 ? read : undefined,
  };
}

/** `cond ? a : b`; a literal 0 branch takes the other branch's shape. */
export function compileConditional(node: Node, scope: Scope, ctx: Ctx, compile: CompileFn): Compiled {
  const at = whereOf(ctx, node);
  const n = node as Node & { condition: Node; trueExpr: Node; falseExpr: Node };
  const cond = compile(n.condition, scope, ctx);
  requireScalar('a condition', cond.shape, scope, at);
  const a = compile(n.trueExpr, scope, ctx);
  const b = compile(n.falseExpr, scope, ctx);
  const shape = a.zeroLiteral ? b.shape : a.shape;
  if (!sameShape(shape, b.zeroLiteral ? shape : b.shape))
    fail('SHAPE_BRANCHES', { ...shapeArgs(scope, 'left', a.shape), ...shapeArgs(scope, 'right', b.shape) }, at());
  const zero = M.zeros(shape.rows, shape.cols);
  const pick = (c: Compiled) => (c.zeroLiteral && !isScalar(shape) ? () => zero : c.run);
  const [ra, rb, rc] = [pick(a), pick(b), cond.run];
  return { shape, run: (env) => (rc(env).data[0] !== 0 ? ra(env) : rb(env)), work: cond.work + Math.max(a.work, b.work) };
}
