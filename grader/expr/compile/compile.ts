/**
 * Checked tree → closures over Float64Array. Every shape is known here, before any number
 * is computed; anything not handled below is refused, so this switch is the allow-list for meaning.
 */
import { fail, size, type Shape } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import { LIMITS } from '../limits.js';
import type { AnyNode, Node } from '../math.js';
import { compileAccess, compileConditional, compileOnehot, compileSum, compileZeros } from './forms.js';
import { FUNCTION_BY_NAME } from './functions.js';
import { applyFamily, functionCandidates, literal, resolve } from './names.js';
import { compileCdot, compileOperator } from './operators.js';
import { numOf, scalarCompiled } from './scalar.js';
import { suggest } from '../../core/suggest.js';
import { whereOf, type Compiled, type Ctx, type Scope } from './types.js';
import { stabilize } from './stable.js';

export function compileNode(node: Node, scope: Scope, ctx: Ctx): Compiled {
  const n = node as AnyNode;
  // A node's position is looked up where a finding may need it, not for every node.
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value!;
      return literal(v, v === 0);
    }
    case 'SymbolNode':
      return resolve(n.name!, scope, ctx, compileNode, whereOf(ctx, node));
    case 'ParenthesisNode':
      return compileNode(n.content!, scope, ctx);
    case 'OperatorNode': {
      const args = n.args!;
      const compiled = args.map((a) => compileNode(a, scope, ctx));
      return compileOperator(node, String(n.fn), n.op!, compiled, scope, ctx);
    }
    case 'FunctionNode':
      return compileCall(n, scope, ctx);
    case 'AccessorNode':
      return compileAccess(node, scope, ctx, compileNode);
    case 'ConditionalNode':
      return compileConditional(node, scope, ctx, compileNode);
    default:
      return fail('NOT_ALLOWED', { what: node.type }, ctx.where(node));
  }
}

function compileCall(n: AnyNode, scope: Scope, ctx: Ctx): Compiled {
  const written = (n.fn as AnyNode).name!;
  const name = scope.bindings.has(written) ? written : (scope.aliases.get(written) ?? written);
  const args = n.args!;
  const at = whereOf(ctx, n);
  if (name.endsWith('_') && scope.families.has(name.slice(0, -1)) && args.length === 1)
    return applyFamily(name.slice(0, -1), args[0]!, scope, ctx, compileNode, at);
  if (name === 'sum' && args.length !== 1) return compileSum(n, scope, ctx, compileNode);
  if (name === 'onehot') return compileOnehot(n, scope, ctx, compileNode);
  if (name === 'zeros') return compileZeros(n, scope, ctx, compileNode);
  if (name === 'cdot' && args.length === 2) return compileCdot(n, args.map((a) => compileNode(a, scope, ctx)) as [Compiled, Compiled], scope, ctx);
  const def = FUNCTION_BY_NAME.get(name);
  if (!def) return fail('UNKNOWN_FUNCTION', { name, suggestions: suggest(name, functionCandidates()) }, at());
  if (args.length !== def.arity) fail('ARITY', { fn: name, expected: def.arity, got: args.length }, at());
  const compiled = args.map((a) => compileNode(a, scope, ctx));
  const shapes: Shape[] = compiled.map((c) => c.shape);
  const shape = def.shape(shapes);
  if ('expected' in shape) return fail('SHAPE_ARG', { fn: name, expected: shape.expected, got: shapes.map((s) => `${s.rows} x ${s.cols}`).join(', ') }, at());
  const runs = compiled.map((c) => c.run);
  const work = compiled.reduce((w, c) => w + c.work + size(c.shape) * (def.cost ?? 1), 0);
  if (def.scalar && compiled.length === 1 && shape.rows * shape.cols === 1) {
    // An elementwise function of a scalar: a number in, a number out.
    const [f, na] = [def.scalar, numOf(compiled[0]!)];
    return scalarCompiled((env) => f(na(env)), work, compiled[0]!.constant === undefined ? undefined : f(compiled[0]!.constant));
  }
  const out = M.zeros(shape.rows, shape.cols);
  const run =
    runs.length === 1
      ? (env: M.Mat[]) => def.run([runs[0]!(env)], out)
      : (env: M.Mat[]) =>
          def.run(
            runs.map((r) => r(env)),
            out,
          );
  // Functions of constants are constants (`|V|`, `sqrt(d)`), so that they can bound a sum.
  const constant = compiled.every((c) => c.constant !== undefined) && shape.rows * shape.cols === 1 ? run([]).data[0] : undefined;
  return { shape, run, work, constant };
}

/**
 * The last few trees' stable forms: an answer is compiled at each size set of its question from
 * the very same tree (read once, see compare/sizes.ts), one compile soon after the other, and
 * its stable form depends on the tree alone (trees are never changed once read). A WeakMap
 * cost more than the rewrite it saved (a hash made for every tree).
 */
const RECENT = 8;
const recentTrees: (Node | undefined)[] = Array.from({ length: RECENT }, () => undefined);
const recentForms: Node[] = [];
let nextRecent = 0;
function stableOf(node: Node): Node {
  for (let i = 0; i < RECENT; i++) if (recentTrees[i] === node) return recentForms[i]!;
  const stable = stabilize(node);
  recentTrees[nextRecent] = node;
  recentForms[nextRecent] = stable;
  nextRecent = (nextRecent + 1) % RECENT;
  return stable;
}

/** Compiles a whole answer (in its stable forms, stable.ts) and bounds the work one evaluation may take. */
export function compileExpr(node: Node, scope: Scope, ctx: Ctx): Compiled {
  const c = compileNode(stableOf(node), scope, ctx);
  if (c.work > LIMITS.maxWork) fail('TOO_MUCH_WORK', { work: c.work, max: LIMITS.maxWork });
  // Nodes write into outputs of their own, made once here and reused by every run: what leaves
  // the expression is a copy, so that no caller ever holds a buffer the next run overwrites.
  const inner = c.run;
  return { ...c, run: (env) => M.copy(inner(env)), shared: inner };
}
