/**
 * The allow-list: which node types and operators an answer may contain at all.
 * Names (symbols, functions) are checked against the question's scope by compile/.
 */
import { fail, type Position } from '../core/index.js';
import { LIMITS } from './limits.js';
import type { Node } from './math.js';
import { walk } from './parse.js';

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

const ALLOWED_NODES: ReadonlySet<string> = new Set([
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
  let count = 0;
  walk(root, (node, parent) => {
    if (++count > LIMITS.maxNodes) fail('TOO_MANY_NODES', { max: LIMITS.maxNodes });
    if (!ALLOWED_NODES.has(node.type)) fail('NOT_ALLOWED', { what: describe(node) }, where(node));
    const n = node as Node & { fn?: unknown; value?: unknown };
    if (node.type === 'OperatorNode' && !ALLOWED_OPERATORS.has(String(n.fn)))
      fail('NOT_ALLOWED', { what: `the operator ${(node as { op?: string }).op}` }, where(node));
    if (node.type === 'ConstantNode' && typeof n.value !== 'number')
      fail('NOT_ALLOWED', { what: typeof n.value === 'string' ? `text in quotes (${node.toString()})` : `the value \`${node.toString()}\`` }, where(node));
    if (node.type === 'FunctionNode' && (n.fn as Node).type !== 'SymbolNode') fail('NOT_ALLOWED', { what: 'calling the result of an expression' }, where(node));
    if (node.type === 'RangeNode' && parent?.type !== 'IndexNode') fail('NOT_ALLOWED', { what: 'a range a:b outside an index' }, where(node));
  });
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
