/**
 * Numerically stable forms of a few spellings, applied to the tree just before it is compiled
 * (the answer is still shown as written): a value float64 can hold is then computed, for the
 * reference and for a student's answer alike, where the literal form would cancel or overflow.
 *   1 - sigma(z)            → sigma(-z)     (1 - 1 = 0 for z > 37: every digit cancelled)
 *   exp(z) / (1 + exp(z))   → sigma(z)      (∞ / ∞ for z > 709)
 *   1 / (1 + exp(-z))       → sigma(z),  1 / (1 + exp(z)) → sigma(-z)
 * Each rewrite is an identity, so a verdict can only change where float64 failed the literal form.
 */
import { N, type AnyNode, type Node } from '../math.js';
import { mapChildren } from '../children.js';

const SIGMA = new Set(['sigma', 'sigmoid', 'logistic']);

const bare = (n: Node): AnyNode => {
  let m = n as AnyNode;
  while (m.type === 'ParenthesisNode') m = m.content as AnyNode;
  return m;
};
const isOne = (n: Node): boolean => {
  const m = bare(n);
  return m.type === 'ConstantNode' && Number(m.value) === 1;
};
const opOf = (n: Node, fn: string): Node[] | undefined => {
  const m = bare(n);
  return m.type === 'OperatorNode' && m.fn === fn ? m.args : undefined;
};
/** The argument of `f(z)` for a function named in `names`. */
const argOf = (n: Node, names: ReadonlySet<string>): Node | undefined => {
  const m = bare(n);
  return m.type === 'FunctionNode' && names.has((m.fn as AnyNode).name!) && m.args!.length === 1 ? m.args![0] : undefined;
};
const EXP = new Set(['exp']);
const neg = (z: Node): Node => {
  const inner = opOf(z, 'unaryMinus');
  return inner ? inner[0]! : N.op('-', 'unaryMinus', [N.paren(z)]);
};
const sigma = (z: Node): Node => N.call('sigma', [z]);

/** `1 + exp(z)` or `exp(z) + 1`: z. */
function onePlusExp(n: Node): Node | undefined {
  const sum = opOf(n, 'add');
  if (!sum) return undefined;
  const [a, b] = sum as [Node, Node];
  return isOne(a) ? argOf(b, EXP) : isOne(b) ? argOf(a, EXP) : undefined;
}

/**
 * An operator node rewritten, or undefined. Only a difference or a quotient is; a parenthesis
 * never is (its content was rewritten first, and a rewrite's result matches no rule again).
 */
function rewrite(n: AnyNode): Node | undefined {
  const [a, b] = n.args as [Node, Node];
  if (n.fn === 'subtract') {
    const z = isOne(a) ? argOf(b, SIGMA) : undefined;
    return z && sigma(neg(z));
  }
  if (n.fn === 'divide') {
    const z = onePlusExp(b);
    if (!z) return undefined;
    if (isOne(a)) return sigma(neg(z));
    const up = argOf(a, EXP);
    if (up && up.toString() === z.toString()) return sigma(z);
  }
  return undefined;
}

/** The tree with every stable rewrite applied, bottom up; unchanged subtrees are the same nodes. */
export function stabilize(node: Node): Node {
  const type = node.type;
  if (type === 'ConstantNode' || type === 'SymbolNode') return node;
  // Most answers have nothing to rewrite: no array is made for them, and no node copied.
  const rebuilt = mapChildren(node, type, stabilize);
  return type === 'OperatorNode' ? (rewrite(rebuilt) ?? rebuilt) : rebuilt;
}
