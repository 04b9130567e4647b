/**
 * A tree → mathjs text, byte for byte what `node.toString({ implicit: 'show' })` prints, at a
 * tenth of the cost: mathjs looks every operator's precedence up by building its identifier and
 * searching a list of tables, and formats every number through a digit split. Here both are
 * one table lookup (operators.js, copied in order) and integers print directly. Nodes this does
 * not know (accessors, ranges, arrays, assignments…) are printed by mathjs itself: a node's text
 * never depends on its parent, which only adds parentheses from the node's precedence.
 * test/expr/print.test.ts compares both on every bank formula, answer and generated trees.
 */
import type { AnyNode, Node } from './math.js';

const OPTIONS = { implicit: 'show' } as const;

type Assoc = 'left' | 'right' | undefined;
interface Row {
  readonly id: string;
  readonly assoc?: Assoc;
  readonly with?: readonly string[];
}
const op = (fn: string, assoc: Assoc, withIds?: readonly string[]): Row => ({ id: `OperatorNode:${fn}`, assoc, ...(withIds ? { with: withIds } : {}) });
const left = (fn: string): Row => op(fn, 'left', []);

/** mathjs's `properties` (expression/operators.js), one array per precedence level, lowest first; names as mathjs spells them. */
const LEVELS: readonly (readonly Row[])[] = [
  [{ id: 'AssignmentNode' }, { id: 'FunctionAssignmentNode' }],
  [{ id: 'ConditionalNode' }],
  [left('or')],
  [left('xor')],
  [left('and')],
  [left('bitOr')],
  [left('bitXor')],
  [left('bitAnd')],
  [...['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq'].map(left), { id: 'RelationalNode', assoc: 'left', with: [] }],
  [left('leftShift'), left('rightArithShift'), left('rightLogShift')],
  [left('to')],
  [{ id: 'RangeNode' }],
  [op('add', 'left', ['OperatorNode:add', 'OperatorNode:subtract']), left('subtract')],
  [
    op('multiply', 'left', ['OperatorNode:multiply', 'OperatorNode:divide', 'Operator:dotMultiply', 'Operator:dotDivide']),
    left('divide'),
    op('dotMultiply', 'left', ['OperatorNode:multiply', 'OperatorNode:divide', 'OperatorNode:dotMultiply', 'OperatorNode:doDivide']),
    left('dotDivide'),
    left('mod'),
  ],
  // (a second multiply row for implicit products is only read with implicit: 'hide')
  [],
  [op('unaryPlus', 'right'), op('unaryMinus', 'right'), op('bitNot', 'right'), op('not', 'right')],
  [left('pow'), left('dotPow')].map((r) => ({ ...r, assoc: 'right' as const })),
  [left('nullish')],
  [op('factorial', 'left')],
  [op('ctranspose', 'left')],
];

type Entry = { readonly level: number; readonly row: Row };
const PRECEDENCE = new Map<string, Entry>();
LEVELS.forEach((rows, level) => rows.forEach((row) => PRECEDENCE.has(row.id) || PRECEDENCE.set(row.id, { level, row })));
/** The operators' entries by `fn`, so that the usual lookup builds no identifier string. */
const BY_FN = new Map([...PRECEDENCE].filter(([id]) => id.startsWith('OperatorNode:')).map(([id, e]) => [id.slice('OperatorNode:'.length), e]));

const idOf = (n: AnyNode): string => (n.type === 'OperatorNode' ? `OperatorNode:${String(n.fn)}` : n.type);
const entryOf = (n: AnyNode): Entry | undefined => (n.type === 'OperatorNode' ? BY_FN.get(String(n.fn)) : PRECEDENCE.get(n.type));
const levelOf = (n: AnyNode): number | null => entryOf(n)?.level ?? null;
const assocWith = (root: Row, child: AnyNode): boolean => root.with?.includes(idOf(child)) ?? false;

/** A number as mathjs formats it (notation auto: exponents from 1e5 up): safe integers here, the rest by mathjs. */
function constant(n: AnyNode, node: Node): string {
  const v = n.value;
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    if (v === 0) return '0';
    const abs = Math.abs(v);
    if (abs < 1e5) return String(v);
    const digits = String(abs).replace(/0+$/, '');
    const exponent = String(abs).length - 1;
    return `${v < 0 ? '-' : ''}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e+${exponent}`;
  }
  return node.toString(OPTIONS);
}

const wrap = (text: string, parens: boolean): string => (parens ? `(${text})` : text);

function operator(n: AnyNode, node: Node): string {
  const me = entryOf(n);
  const args = n.args as readonly AnyNode[];
  if (!me) return node.toString(OPTIONS);
  const { level, row } = me;
  if (args.length === 1) {
    const inner = levelOf(args[0]!);
    const operand = wrap(toText(args[0] as Node), inner !== null && inner <= level);
    const named = /[a-zA-Z]+/.test(n.op!) ? ' ' : '';
    if (row.assoc === 'right') return `${n.op}${named}${operand}`;
    if (row.assoc === 'left') return `${operand}${named}${n.op}`;
    return node.toString(OPTIONS);
  }
  if (args.length === 2) {
    const [a, b] = args as [AnyNode, AnyNode];
    const la = levelOf(a);
    const lb = levelOf(b);
    const pa = la !== null && ((la === level && row.assoc === 'right' && !assocWith(row, a)) || la < level);
    const pb = lb !== null && ((lb === level && row.assoc === 'left' && !assocWith(row, b)) || lb < level);
    return `${wrap(toText(a), pa)} ${n.op} ${wrap(toText(b), pb)}`;
  }
  if (args.length > 2 && (row.id === 'OperatorNode:add' || row.id === 'OperatorNode:multiply'))
    return args
      .map((arg) => {
        const l = levelOf(arg);
        const argAssoc = l === null ? undefined : entryOf(arg)!.row.assoc;
        const parens = l !== null && ((l === level && row.assoc === argAssoc && !assocWith(row, arg)) || l < level);
        return wrap(toText(arg), parens);
      })
      .join(` ${n.op} `);
  return node.toString(OPTIONS);
}

/** mathjs text of a tree, with implicit products shown (`2 * x`, not `2 x`). */
export function toText(node: Node): string {
  const n = node as AnyNode;
  switch (node.type) {
    case 'SymbolNode':
      return n.name!;
    case 'ConstantNode':
      return constant(n, node);
    case 'ParenthesisNode':
      return `(${toText(n.content!)})`;
    case 'OperatorNode':
      return operator(n, node);
    case 'FunctionNode':
      if (n.fn && (n.fn as unknown as AnyNode).type === 'FunctionAssignmentNode') return node.toString(OPTIONS);
      return `${toText(n.fn as unknown as Node)}(${(n.args as readonly Node[]).map(toText).join(', ')})`;
    case 'ConditionalNode': {
      // mathjs brackets every operator here, and anything binding as loosely as `? :` (level 1).
      const part = (p: Node): string => {
        const l = levelOf(p);
        return wrap(toText(p), p.type === 'OperatorNode' || (l !== null && l <= 1));
      };
      return `${part(n.condition!)} ? ${part(n.trueExpr!)} : ${part(n.falseExpr!)}`;
    }
    default:
      return node.toString(OPTIONS);
  }
}
