/** The children of a mathjs node, read without mathjs's forEach. */
import type { Node } from './math.js';

export type Parts = { fn?: unknown; args?: Node[]; content?: Node; object?: Node; index?: Node; dimensions?: Node[] };

/**
 * A node's children in mathjs's order, read directly for the kinds answers are made of: mathjs's
 * own forEach builds a path string per child, which cost more than the visits and rewrites that
 * read them (walk, the allow-list, normalize, the stable rewrites).
 */
export const childrenOf = (node: Node): readonly Node[] => childrenByType(node, node.type);

/** The same, the node's type read once by the caller (a getter on each node class: slow to read). */
export function childrenByType(node: Node, type: string): readonly Node[] {
  const n = node as Node & Parts;
  switch (type) {
    case 'ConstantNode':
    case 'SymbolNode':
      return NO_CHILDREN;
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

const NO_CHILDREN: readonly Node[] = [];
