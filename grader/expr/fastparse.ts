/**
 * A fast parser for the mathjs syntax students and the bank write, building exactly the tree
 * `math.parse` builds (same node classes, flags, values and names) or declining (undefined), in
 * which case math.ts falls back to mathjs, so every error message and exotic construct stays
 * mathjs's. Each function below is the mathjs function of the same name (parse.js, 15.x) with
 * the constructs outside the subset removed: mathjs descends through ~25 precedence levels per
 * leaf and copies its state to look ahead; this descends through the dozen that remain.
 * Read: numbers, symbols, + - * / .* ./ ^ .^, unary - +, implicit products (with mathjs's
 * rule 2: `1/2x` is `(1/2) x`), calls, accessors `a[i, :]`, ranges, matrices, `'`, `!`,
 * comparisons and `? :`. test/expr/fastparse*.test.ts compare both parsers tree for tree.
 */
import { decline, DELIMITER, END, Lexer, NUMBER, SYMBOL, type Kind } from './fastparse-lex.js';
import type { AnyNode, Node } from './math.js';

/** The math instance's node classes (math.ts passes its own, so the trees are mathjs's). */
export interface NodeClasses {
  readonly AccessorNode: new (object: Node, index: Node) => Node;
  readonly ArrayNode: new (items: Node[]) => Node;
  readonly ConditionalNode: new (condition: Node, trueExpr: Node, falseExpr: Node) => Node;
  readonly ConstantNode: new (value: number) => Node;
  readonly FunctionNode: new (fn: Node, args: Node[]) => Node;
  readonly IndexNode: new (dimensions: Node[]) => Node;
  readonly OperatorNode: new (op: string, fn: string, args: Node[], implicit?: boolean) => Node;
  readonly ParenthesisNode: new (content: Node) => Node;
  readonly RangeNode: { new (start: Node, end: Node): Node; new (start: Node, end: Node, step: Node): Node };
  readonly RelationalNode: new (conditionals: string[], params: Node[]) => Node;
  readonly SymbolNode: new (name: string) => Node;
}

const RELATIONAL = new Map([
  ['==', 'equal'],
  ['!=', 'unequal'],
  ['<', 'smaller'],
  ['>', 'larger'],
  ['<=', 'smallerEq'],
  ['>=', 'largerEq'],
]);
const MULTIPLY = new Map([
  ['*', 'multiply'],
  ['.*', 'dotMultiply'],
  ['/', 'divide'],
  ['./', 'dotDivide'],
]);
/** Words mathjs turns into constants (true, NaN…): rare in answers, left to mathjs. */
const CONSTANTS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);
/** No conditional is being read (mathjs's conditionalLevel null). */
const NONE = -1;

export function createFastParse(C: NodeClasses): (text: string) => Node | undefined {
  let lx = new Lexer('');
  /** mathjs's nestingLevel (brackets open) and conditionalLevel (where a `?` awaits its `:`). */
  let nest = 0;
  let condLevel = NONE;

  const isOp = (n: Node): boolean => (n as object) instanceof C.OperatorNode;
  const isConstant = (n: Node): boolean => (n as object) instanceof C.ConstantNode;
  /** Whether the current token is the delimiter t (functions, so TypeScript does not narrow across next()). */
  const at = (t: string): boolean => lx.tok === t && lx.kind === DELIMITER;
  const kind = (): Kind => lx.kind;
  const expect = (t: string): void => {
    if (!at(t)) decline();
  };

  // parseAssignment: `=` never reaches here (the lexer declines it), so it is parseConditional.
  function conditional(): Node {
    let node = relational();
    while (at('?')) {
      const prev = condLevel;
      condLevel = nest;
      lx.next();
      const trueExpr = conditional();
      expect(':');
      condLevel = NONE;
      lx.next();
      node = new C.ConditionalNode(node, trueExpr, conditional());
      condLevel = prev;
    }
    return node;
  }

  // Below relational, mathjs's shift and conversion levels read only tokens the lexer declines.
  function relational(): Node {
    const first = range();
    if (lx.kind !== DELIMITER || !RELATIONAL.has(lx.tok)) return first;
    const params = [first];
    const conditionals: string[] = [];
    const names: string[] = [];
    let fn: string | undefined;
    while (lx.kind === DELIMITER && (fn = RELATIONAL.get(lx.tok)) !== undefined) {
      names.push(lx.tok);
      conditionals.push(fn);
      lx.next();
      params.push(range());
    }
    if (params.length === 1) return params[0]!;
    if (params.length === 2) return new C.OperatorNode(names[0]!, conditionals[0]!, params);
    return new C.RelationalNode(conditionals, params);
  }

  function range(): Node {
    let node: Node;
    if (at(':')) {
      if (condLevel === nest) decline(); // an empty true part of `? :`
      node = new C.ConstantNode(1);
    } else node = addSubtract();
    if (at(':') && condLevel !== nest) {
      const params = [node];
      while (at(':') && params.length < 3) {
        lx.next();
        params.push(kind() === END || at(')') || at(']') || at(',') ? new C.SymbolNode('end') : addSubtract());
      }
      node = params.length === 3 ? new C.RangeNode(params[0]!, params[2]!, params[1]!) : new C.RangeNode(params[0]!, params[1]!);
    }
    return node;
  }

  function addSubtract(): Node {
    let node = multiplyDivide();
    while (at('+') || at('-')) {
      const name = lx.tok;
      lx.next();
      node = new C.OperatorNode(name, name === '+' ? 'add' : 'subtract', [node, multiplyDivide()]);
    }
    return node;
  }

  function multiplyDivide(): Node {
    let node = implicitMultiplication();
    let fn: string | undefined;
    while (lx.kind === DELIMITER && (fn = MULTIPLY.get(lx.tok)) !== undefined) {
      const name = lx.tok;
      lx.next();
      node = new C.OperatorNode(name, fn, [node, implicitMultiplication()]);
    }
    return node;
  }

  /** `2x`, `(a)(b)`, `a b`, `(a+b)2` (not `2 3`, nor a number after an operator other than `!`). */
  function implicitMultiplication(): Node {
    let node = rule2();
    let last = node;
    for (;;) {
      const k = kind();
      const number = k === NUMBER && !isConstant(last) && (!isOp(last) || (last as AnyNode).op === '!');
      if (!(k === SYMBOL || number || at('('))) return node;
      last = rule2();
      node = new C.OperatorNode('*', 'multiply', [node, last], true);
    }
  }

  /** A number divided by a number binds tighter than the implicit product that follows: `1/2x`. */
  function rule2(): Node {
    let node = unary();
    let last = node;
    while (at('/') && rule2Node(last)) {
      const atSlash = save();
      lx.next();
      if (kind() !== NUMBER) {
        restore(atSlash);
        break;
      }
      const atNumber = save();
      lx.next();
      if (!(kind() === SYMBOL || at('('))) {
        restore(atSlash);
        break;
      }
      restore(atNumber);
      last = unary();
      node = new C.OperatorNode('/', 'divide', [node, last]);
    }
    return node;
  }
  /** mathjs copies its whole state to look ahead; the lexer's three fields are all that change. */
  const save = (): readonly [number, string, Kind] => [lx.pos, lx.tok, lx.kind];
  const restore = ([pos, tok, k]: readonly [number, string, Kind]): void => {
    lx.pos = pos;
    lx.tok = tok;
    lx.kind = k;
  };
  const rule2Node = (n: Node): boolean => {
    if (isConstant(n)) return true;
    const a = n as AnyNode;
    return isOp(n) && a.args!.length === 1 && isConstant(a.args![0]!) && '-+~'.includes(a.op!);
  };

  function unary(): Node {
    if (at('-') || at('+')) {
      const name = lx.tok;
      lx.next();
      return new C.OperatorNode(name, name === '-' ? 'unaryMinus' : 'unaryPlus', [unary()]);
    }
    return pow();
  }

  /** Right-associative, and its exponent may be signed: `2^-3`. */
  function pow(): Node {
    const node = leftHandOperators();
    if (at('^') || at('.^')) {
      const name = lx.tok;
      lx.next();
      return new C.OperatorNode(name, name === '^' ? 'pow' : 'dotPow', [node, unary()]);
    }
    return node;
  }

  function leftHandOperators(): Node {
    let node = primary();
    while (at('!') || at("'")) {
      const name = lx.tok;
      lx.next();
      node = accessors(new C.OperatorNode(name, name === '!' ? 'factorial' : 'ctranspose', [node]));
    }
    return node;
  }

  /** parseSymbol, parseMatrix, parseNumber and parseParentheses (strings and objects decline). */
  function primary(): Node {
    const { kind, tok } = lx;
    if (kind === SYMBOL) {
      if (CONSTANTS.has(tok)) decline();
      lx.next();
      return accessors(new C.SymbolNode(tok));
    }
    if (kind === NUMBER) {
      lx.next();
      return new C.ConstantNode(Number(tok));
    }
    if (kind === DELIMITER && tok === '[') return accessors(matrix());
    if (kind === DELIMITER && tok === '(') {
      const content = inside(')', conditional);
      return accessors(new C.ParenthesisNode(content));
    }
    return decline();
  }

  /** Reads what `f` reads between an opening bracket (the current token) and `close`. */
  function inside<T>(close: string, f: () => T): T {
    nest++;
    lx.next();
    const result = f();
    expect(close);
    nest--;
    lx.next();
    return result;
  }

  /** Comma-separated arguments, possibly none. */
  const list = (close: string) => (): Node[] => {
    const params: Node[] = [];
    if (at(close)) return params;
    params.push(conditional());
    while (at(',')) {
      lx.next();
      params.push(conditional());
    }
    return params;
  };
  const callArgs = list(')');
  const indexArgs = list(']');

  /** Calls `f(x)` (of a symbol or an accessor only: `(a)(b)` is a product) and indices `a[i]`. */
  function accessors(node: Node): Node {
    for (;;) {
      if (at('(')) {
        const n = node as object;
        if (!(n instanceof C.SymbolNode || n instanceof C.AccessorNode)) return node;
        node = new C.FunctionNode(node, inside(')', callArgs));
      } else if (at('[')) node = new C.AccessorNode(node, new C.IndexNode(inside(']', indexArgs)));
      else return node;
    }
  }

  /** `[a, b]`, `[a, b; c, d]`, trailing commas allowed; rows of unequal length are mathjs's error. */
  function matrix(): Node {
    return inside(']', () => {
      if (at(']')) return new C.ArrayNode([]);
      const first = row();
      if (!at(';')) return first;
      const rows = [first];
      while (at(';')) {
        lx.next();
        if (!at(']')) rows.push(row());
      }
      const cols = (first as AnyNode & { items: Node[] }).items.length;
      if (rows.some((r) => (r as AnyNode & { items: Node[] }).items.length !== cols)) decline();
      return new C.ArrayNode(rows);
    });
  }

  function row(): Node {
    const items = [conditional()];
    while (at(',')) {
      lx.next();
      if (!(at(']') || at(';'))) items.push(conditional());
    }
    return new C.ArrayNode(items);
  }

  return (text: string): Node | undefined => {
    lx = new Lexer(text);
    nest = 0;
    condLevel = NONE;
    try {
      lx.next();
      if (kind() === END) return undefined;
      const node = conditional();
      return kind() === END ? node : undefined;
    } catch {
      // DECLINE, or anything else (a stack overflow on absurd nesting): mathjs's to report.
      return undefined;
    }
  };
}
