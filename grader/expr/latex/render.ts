/**
 * A tree → LaTeX, for showing students how their answer was read (mathjs's own toTex prints
 * `yhat_o` as `yhat\_o`). Names are dressed as in the assignments: `\hat{y}_{o}`, `W_{2}`, `\sigma`.
 */
import { FUNCTION_BY_NAME } from '../compile/functions.js';
import type { AnyNode, Node } from '../math.js';
import { COMMANDS } from './commands.js';

const RELATIONS: Readonly<Record<string, string>> = {
  equal: '=',
  unequal: '\\neq',
  smaller: '<',
  larger: '>',
  smallerEq: '\\le',
  largerEq: '\\ge',
  and: '\\land',
  or: '\\lor',
};

/**
 * Names already dressed: a batch shows the same few dozen names in thousands of answers, and
 * dressing one runs three regular expressions per part. Bounded, as the names are students'.
 */
const dressed = new Map<string, string>();
const DRESSED_MAX = 4096;

/** `yhat` → `\hat{y}`, `theta` → `\theta`, `W2` → `W_{2}`, `negs` → `\mathrm{negs}`, `v_c` → `v_{c}`. */
export function latexName(name: string): string {
  const known = dressed.get(name);
  if (known !== undefined) return known;
  const latex = dress(name);
  if (dressed.size >= DRESSED_MAX) dressed.clear();
  dressed.set(name, latex);
  return latex;
}

function dress(name: string): string {
  const i = name.indexOf('_');
  if (i > 0 && i < name.length - 1) return `${latexName(name.slice(0, i))}_{${latexName(name.slice(i + 1))}}`;
  const hat = /^(.+?)(hat|tilde|bar)$/.exec(name);
  if (hat && hat[1]!.length <= 2) return `\\${hat[2] === 'hat' ? 'hat' : hat[2]}{${latexName(hat[1]!)}}`;
  if (COMMANDS.get(name)?.kind === 'letter') return `\\${name}`;
  const digits = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (digits) return `${latexName(digits[1]!)}_{${digits[2]}}`;
  return name.length === 1 || /^\d+$/.test(name) ? name : `\\mathrm{${name}}`;
}

const PREC: Readonly<Record<string, number>> = {
  add: 1,
  subtract: 1,
  multiply: 2,
  dotMultiply: 2,
  divide: 5,
  dotDivide: 2,
  unaryMinus: 3,
  unaryPlus: 3,
  pow: 4,
  dotPow: 4,
  ctranspose: 4,
  transpose: 4,
};
const precOf = (n: AnyNode): number => (n.type === 'OperatorNode' ? (PREC[String(n.fn)] ?? 0) : n.type === 'ConditionalNode' ? 0 : 6);
const at = (n: Node, min: number): string => (precOf(n) < min ? `\\left(${toLatexText(n)}\\right)` : toLatexText(n));

const bare = (n: Node): Node => (n.type === 'ParenthesisNode' ? bare((n as AnyNode).content!) : n);

export function toLatexText(node: Node): string {
  const n = node as AnyNode;
  switch (node.type) {
    case 'ConstantNode':
      return String(n.value);
    case 'SymbolNode':
      return latexName(n.name!);
    case 'ParenthesisNode':
      return `\\left(${toLatexText(n.content!)}\\right)`;
    case 'RangeNode':
      return ':';
    case 'AccessorNode':
      return `${at(n.object!, 5)}_{${n.index!.dimensions.map(toLatexText).join(',')}}`;
    case 'ConditionalNode':
      return `\\begin{cases} ${toLatexText(bare(n.trueExpr!))} & ${toLatexText(bare(n.condition!))} \\\\ ${toLatexText(bare(n.falseExpr!))} & \\text{otherwise} \\end{cases}`;
    case 'OperatorNode':
      return operator(n);
    case 'FunctionNode':
      return call(n);
    default:
      return node.toString();
  }
}

function operator(n: AnyNode): string {
  const fn = String(n.fn);
  const [a, b] = n.args as [Node, Node];
  switch (fn) {
    case 'add':
      return `${at(a, 1)} + ${at(b, 2)}`;
    case 'subtract':
      return `${at(a, 1)} - ${at(b, 2)}`;
    case 'unaryMinus':
      return `-${at(a, 2)}`;
    case 'unaryPlus':
      return at(a, 2);
    case 'multiply':
      return a.type === 'ConstantNode' && b.type === 'ConstantNode' ? `${at(a, 2)} \\cdot ${at(b, 3)}` : `${at(a, 2)} \\, ${at(b, 3)}`;
    case 'dotMultiply':
      return `${at(a, 2)} \\odot ${at(b, 3)}`;
    case 'divide':
    case 'dotDivide':
      return `\\frac{${toLatexText(bare(a))}}{${toLatexText(bare(b))}}`;
    case 'pow':
    case 'dotPow':
      return `{${at(a, 5)}}^{${toLatexText(b)}}`;
    case 'ctranspose':
    case 'transpose':
      return `{${at(a, 5)}}^{\\top}`;
    case 'not':
      return `\\lnot ${at(a, 5)}`;
    default:
      return `${at(a, 1)} ${RELATIONS[fn] ?? n.op} ${at(b, 1)}`;
  }
}

function call(n: AnyNode): string {
  const name = (n.fn as AnyNode).name!;
  const args = n.args!;
  if (name === 'sum' && args.length > 1) {
    const [v, lo, hi, body] = args.length === 4 ? args : [args[0], undefined, undefined, args[1]];
    const range = lo && hi ? `_{${toLatexText(v!)}=${toLatexText(lo)}}^{${toLatexText(hi)}}` : `_{${toLatexText(v!)}}`;
    return `\\sum${range} ${at(body!, 2)}`;
  }
  if (name === 'cdot') return `${at(args[0]!, 2)} \\cdot ${at(args[1]!, 3)}`;
  if (name.endsWith('_') && args.length === 1) return `${latexName(name.slice(0, -1))}_{${toLatexText(args[0]!)}}`;
  // The function's own row says how it is shown (compile/functions.ts).
  const def = FUNCTION_BY_NAME.get(name);
  const tex = def?.tex ?? (def?.latex ? `\\${def.latex[0]}` : `\\operatorname{${name}}`);
  const texts = args.map(toLatexText);
  return typeof tex === 'function' && texts.length === def?.arity
    ? tex(texts)
    : `${typeof tex === 'string' ? tex : `\\operatorname{${name}}`}\\left(${texts.join(', ')}\\right)`;
}
