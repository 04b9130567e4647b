/**
 * The allow-list: which node types and operators an answer may contain at all.
 * Names (symbols, functions) are checked against the question's scope by compile/.
 */
import { fail, type Position } from '../core/index.js';
import { childrenByType } from './children.js';
import { LIMITS } from './limits.js';
import type { AnyNode, Node } from './math.js';

/** Operators by mathjs `fn` name. Anything else (ranges, mod, bitwise, factorial, units) is refused. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'unaryMinus',
  'unaryPlus',
  'multiply',
  'divide',
  'dotMultiply',
  'dotDivide',
  'pow',
  'dotPow',
  'ctranspose',
  'transpose',
  'equal',
  'unequal',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
  'and',
  'or',
  'not',
]);

export const ALLOWED_NODES: ReadonlySet<string> = new Set([
  'ConstantNode',
  'SymbolNode',
  'OperatorNode',
  'ParenthesisNode',
  'FunctionNode',
  'AccessorNode',
  'IndexNode',
  'ConditionalNode',
  'RangeNode',
]);

export function checkAllowed(root: Node, where: (n: Node) => Position | undefined): void {
  const count = { n: 0 };
  check(root, null, where, count);
}

/**
 * Pre-order, in mathjs's order of children (children.ts, as walk visits), each node's type read
 * once (a getter on each node class, slow to read): the first node refused is the one reported.
 */
function check(node: Node, parent: Node | null, where: (n: Node) => Position | undefined, count: { n: number }): void {
  if (++count.n > LIMITS.maxNodes) fail('TOO_MANY_NODES', { max: LIMITS.maxNodes });
  const type = node.type;
  const n = node as AnyNode;
  switch (type) {
    case 'SymbolNode':
    case 'ParenthesisNode':
      break;
    case 'ConstantNode':
      if (typeof n.value !== 'number')
        fail('NOT_ALLOWED', { what: typeof n.value === 'string' ? `text in quotes (${node.toString()})` : `the value \`${node.toString()}\`` }, where(node));
      break;
    case 'OperatorNode':
      if (!ALLOWED_OPERATORS.has(String(n.fn))) fail('NOT_ALLOWED', { what: `the operator ${n.op}` }, where(node));
      break;
    case 'FunctionNode':
      if ((n.fn as Node).type !== 'SymbolNode') fail('NOT_ALLOWED', { what: 'calling the result of an expression' }, where(node));
      break;
    default:
      if (!ALLOWED_NODES.has(type)) fail('NOT_ALLOWED', { what: describe(node) }, where(node));
      if (type === 'RangeNode' && parent?.type !== 'IndexNode') fail('NOT_ALLOWED', { what: 'a range a:b outside an index' }, where(node));
  }
  for (const child of childrenByType(node, type)) check(child, node, where, count);
}

function describe(node: Node): string {
  switch (node.type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return 'an assignment';
    case 'BlockNode':
      return 'several statements';
    case 'ArrayNode':
      return 'a matrix literal [...]';
    case 'ObjectNode':
      return 'an object {...}';
    default:
      return node.type;
  }
}
