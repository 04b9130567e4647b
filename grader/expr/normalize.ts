/**
 * Rewrites a parsed tree into what the student meant, using the question's declarations:
 * mathjs reads `U (yhat - y)` as a call of U, and `v_c (a - b)^T` as `(v_c(a - b))^T`;
 * a value symbol before parentheses is a product, and a power or transpose after it
 * applies to the parenthesised factor. `X^T` (T not a symbol) is a transpose, and so is the
 * `^T` of `X^T (X w - y)` (mathjs reads a call of T) and of `u^T_o` (the transposed entry u_o).
 * `tanh^2(x)` is tanh(x)^2.
 */
import { N, type AnyNode, type Node } from './math.js';
import { mapChildren } from './children.js';

export interface Names {
  /** Whether a name denotes a value (a symbol, size or family member), not a function. */
  isValue(name: string): boolean;
  /** The name a declared spelling stands for (`L` for `\mathcal{L}`), if any. */
  alias(name: string): string | undefined;
  /** Whether a name is a function of the vocabulary (`tanh`). */
  isFunction(name: string): boolean;
  /** Told of each node rewritten into another, so that the new one is placed where the old one was. */
  moved?(to: Node, from: Node): void;
}

const nameOf = (n: Node | undefined): string | undefined => (n?.type === 'SymbolNode' ? (n as AnyNode).name : undefined);
const isT = (name: string | undefined, names: Names): boolean => (name === 'T' || name === 'top') && !names.isValue(name);

/** The rewrites of a power whose exponent is a transpose mark run into more text; undefined when none applies. */
function transposeMark(base: Node, exp: Node, names: Names, again: (m: Node) => Node): Node | undefined {
  const e = exp as AnyNode;
  // `X^T (X w - y)`: mathjs reads `T(X w - y)`, a call of T.
  if (exp.type === 'FunctionNode' && isT(nameOf(e.fn as Node), names) && e.args!.length === 1 && !names.isFunction('T'))
    return N.op('*', 'multiply', [N.op("'", 'ctranspose', [again(base)]), N.paren(again(e.args![0]!))], true);
  // `u^T_o`: the subscript belongs to u.
  const sub = /^(T|top)_(.+)$/.exec(nameOf(exp) ?? '');
  const b = nameOf(base);
  if (sub && b && isT(sub[1], names) && !names.isValue(nameOf(exp)!)) return N.op("'", 'ctranspose', [again(N.symbol(`${b}_${sub[2]}`))]);
  return undefined;
}

/** `tanh^2(x)`, read by mathjs as (tanh^2) * (x), is tanh(x)^2. */
function functionPower(node: AnyNode, names: Names, again: (m: Node) => Node): Node | undefined {
  if (node.type !== 'OperatorNode' || node.fn !== 'multiply' || !node.implicit) return undefined;
  const [left, right] = node.args as [AnyNode, Node];
  if (left.type !== 'OperatorNode' || left.fn !== 'pow' || right.type !== 'ParenthesisNode') return undefined;
  const [f, k] = left.args as [Node, AnyNode];
  const name = nameOf(f);
  if (!name || !names.isFunction(name) || names.isValue(name) || k.type !== 'ConstantNode' || !Number.isInteger(k.value) || !(k.value! > 0)) return undefined;
  return N.op('^', 'pow', [again(N.call(name, [(right as AnyNode).content!])), k]);
}

const valueCall = (n: Node, names: Names): AnyNode | undefined => {
  const f = n as AnyNode;
  if (n.type !== 'FunctionNode' || f.args!.length !== 1) return undefined;
  const name = (f.fn as AnyNode).name!;
  return names.isValue(name) ? f : undefined;
};

const product = (call: AnyNode, factor: Node): Node => N.op('*', 'multiply', [N.symbol((call.fn as AnyNode).name!), factor], true);
const asFactor = (n: Node): Node => (n.type === 'ParenthesisNode' || n.type === 'SymbolNode' || n.type === 'ConstantNode' ? n : N.paren(n));

export function normalize(node: Node, names: Names): Node {
  const again = (m: Node): Node => {
    const out = rewrite(m, names, again);
    if (out !== m) names.moved?.(out, m);
    return out;
  };
  return again(node);
}

function rewrite(node: Node, names: Names, again: (m: Node) => Node): Node {
  const n = node as AnyNode;
  // `type` is a getter on each node class, slow to read: read once here.
  const type = node.type;
  if (type === 'SymbolNode') {
    const alias = names.alias(n.name!);
    return alias ? N.symbol(alias) : node;
  }
  if (type === 'ConstantNode') return node;
  if (type === 'FunctionNode') {
    const alias = names.alias((n.fn as AnyNode).name!);
    if (alias) return again(N.call(alias, n.args!));
  }
  if (type === 'OperatorNode') {
    const power = functionPower(n, names, again);
    if (power) return power;
    const fn = n.fn;
    if (fn === 'pow') {
      const mark = transposeMark(n.args![0]!, n.args![1]!, names, again);
      if (mark) return mark;
    }
    if (fn === 'pow' || fn === 'ctranspose' || fn === 'transpose') {
      const [base, exp] = n.args as [Node, Node | undefined];
      const expName = nameOf(exp);
      const isT = exp?.type === 'SymbolNode' && (expName === 'T' || expName === 'top') && !names.isValue(expName);
      const apply = (b: Node): Node => (isT || fn !== 'pow' ? N.op("'", 'ctranspose', [b]) : N.op('^', 'pow', [b, again(exp!)]));
      const inner = valueCall(base, names);
      if (inner) return product(inner, apply(asFactor(again(inner.args![0]!))));
      if (isT) return apply(again(base));
    }
  }
  const call = type === 'FunctionNode' ? valueCall(node, names) : undefined;
  if (call) return product(call, asFactor(again(call.args![0]!)));
  return mapChildren(node, type, again);
}
