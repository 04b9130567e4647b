/**
 * Numerically stable forms of a few spellings, applied to the tree just before it is compiled
 * (the answer is still shown as written): a value float64 can hold is then computed, for the
 * reference and for a student's answer alike, where the literal form would cancel or overflow.
 *   1 - sigma(z)            → sigma(-z)     (1 - 1 = 0 for z > 37: every digit cancelled)
 *   exp(z) / (1 + exp(z))   → sigma(z)      (∞ / ∞ for z > 709)
 *   1 / (1 + exp(-z))       → sigma(z),  1 / (1 + exp(z)) → sigma(-z)
 * Each rewrite is an identity, so a verdict can only change where float64 failed the literal form.
 */
import { N, type Node } from '../math.js';

type AnyNode = Node & { name?: string; fn?: AnyNode | string; args?: Node[]; value?: unknown; content?: Node };

const SIGMA = new Set(['sigma', 'sigmoid', 'logistic']);

const bare = (n: Node): AnyNode => {
  let m = n as AnyNode;
  while (m.type === 'ParenthesisNode') m = m.content as AnyNode;
  return m;
};
const isOne = (n: Node): boolean => bare(n).type === 'ConstantNode' && Number(bare(n).value) === 1;
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

function rewrite(n: Node): Node | undefined {
  const diff = opOf(n, 'subtract');
  if (diff && isOne(diff[0]!)) {
    const z = argOf(diff[1]!, SIGMA);
    if (z) return sigma(neg(z));
  }
  const quotient = opOf(n, 'divide');
  if (quotient) {
    const [top, bottom] = quotient as [Node, Node];
    const z = onePlusExp(bottom);
    if (z && isOne(top)) return sigma(neg(z));
    const up = argOf(top, EXP);
    if (z && up && up.toString() === z.toString()) return sigma(z);
  }
  return undefined;
}

type Parts = { fn?: unknown; args?: Node[]; content?: Node; object?: Node; index?: Node; dimensions?: Node[] };

/**
 * A node's children in mathjs's order, read directly for the kinds answers are made of: mathjs's
 * own forEach builds a path string per child, which cost more than the rewrite itself.
 */
export function childrenOf(node: Node): Node[] {
  const n = node as Node & Parts;
  switch (node.type) {
    case 'ConstantNode':
    case 'SymbolNode':
      return [];
    case 'OperatorNode':
      return n.args!;
    case 'FunctionNode':
      return [n.fn as Node, ...n.args!];
    case 'ParenthesisNode':
      return [n.content!];
    case 'AccessorNode':
      return [n.object!, n.index!];
    case 'IndexNode':
      return n.dimensions!;
    default: {
      const children: Node[] = [];
      node.forEach((c) => children.push(c));
      return children;
    }
  }
}

/** The tree with every stable rewrite applied, bottom up; unchanged subtrees are the same nodes. */
export function stabilize(node: Node): Node {
  const children = childrenOf(node);
  const after = children.map(stabilize);
  let i = 0;
  const rebuilt = after.every((a, k) => a === children[k]) ? node : node.map(() => after[i++]!);
  return rewrite(rebuilt) ?? rebuilt;
}
