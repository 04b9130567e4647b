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
import { code, decline, DOT_CARET, DOT_SLASH, DOT_STAR, END, EQUAL, LARGER_EQ, Lexer, NUMBER, SMALLER_EQ, SYMBOL, UNEQUAL } from './fastparse-lex.js';

/**
 * A node as this parser reads it back: the few fields of mathjs's nodes it looks at. (Declared
 * here, not imported from math.ts, which imports this module: math.ts casts the trees back.)
 */
export interface Node {
  readonly op?: string;
  readonly args?: readonly Node[];
  readonly items?: readonly Node[];
}

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
const LPAREN = code('(');
const RPAREN = code(')');
const LBRACK = code('[');
const RBRACK = code(']');
const COMMA = code(',');
const SEMICOLON = code(';');
const COLON = code(':');
const QUESTION = code('?');
const PLUS = code('+');
const MINUS = code('-');
const SLASH = code('/');
const CARET = code('^');
const BANG = code('!');
const STAR = code('*');
const SMALLER = code('<');
const LARGER = code('>');
const isRelational = (c: number): boolean => c === EQUAL || c === UNEQUAL || c === SMALLER || c === LARGER || c === SMALLER_EQ || c === LARGER_EQ;
const QUOTE = code("'");
/** No conditional is being read (mathjs's conditionalLevel null). */
const NONE = -1;

export function createFastParse(C: NodeClasses): (text: string) => Node | undefined {
  let lx = new Lexer('');
  /** mathjs's nestingLevel (brackets open) and conditionalLevel (where a `?` awaits its `:`). */
  let nest = 0;
  let condLevel = NONE;

  const isOp = (n: Node): boolean => (n as object) instanceof C.OperatorNode;
  const isConstant = (n: Node): boolean => (n as object) instanceof C.ConstantNode;
  const expect = (close: number): void => {
    if (lx.code !== close) decline();
  };

  // parseAssignment: `=` never reaches here (the lexer declines it), so it is parseConditional.
  function conditional(): Node {
    let node = relational();
    while (lx.code === QUESTION) {
      const prev = condLevel;
      condLevel = nest;
      lx.next();
      const trueExpr = conditional();
      expect(COLON);
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
    if (!isRelational(lx.code)) return first;
    const params = [first];
    const conditionals: string[] = [];
    const names: string[] = [];
    let fn: string | undefined;
    while (isRelational(lx.code) && (fn = RELATIONAL.get(lx.tok)) !== undefined) {
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
    if (lx.code === COLON) {
      if (condLevel === nest) decline(); // an empty true part of `? :`
      node = new C.ConstantNode(1);
    } else node = addSubtract();
    if (lx.code === COLON && condLevel !== nest) {
      const params = [node];
      while (lx.code === COLON && params.length < 3) {
        lx.next();
        params.push(lx.kind === END || lx.code === RPAREN || lx.code === RBRACK || lx.code === COMMA ? new C.SymbolNode('end') : addSubtract());
      }
      node = params.length === 3 ? new C.RangeNode(params[0]!, params[2]!, params[1]!) : new C.RangeNode(params[0]!, params[1]!);
    }
    return node;
  }

  function addSubtract(): Node {
    let node = multiplyDivide();
    while (lx.code === PLUS || lx.code === MINUS) {
      const name = lx.tok;
      lx.next();
      node = new C.OperatorNode(name, name === '+' ? 'add' : 'subtract', [node, multiplyDivide()]);
    }
    return node;
  }

  function multiplyDivide(): Node {
    let node = implicitMultiplication();
    let fn: string | undefined;
    while ((lx.code === STAR || lx.code === SLASH || lx.code === DOT_STAR || lx.code === DOT_SLASH) && (fn = MULTIPLY.get(lx.tok)) !== undefined) {
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
      const k = lx.kind;
      const number = k === NUMBER && !isConstant(last) && (!isOp(last) || last.op === '!');
      if (!(k === SYMBOL || number || lx.code === LPAREN)) return node;
      last = rule2();
      node = new C.OperatorNode('*', 'multiply', [node, last], true);
    }
  }

  /** A number divided by a number binds tighter than the implicit product that follows: `1/2x`. */
  function rule2(): Node {
    let node = unary();
    let last = node;
    while (lx.code === SLASH && rule2Node(last)) {
      const atSlash = save();
      lx.next();
      if (lx.kind !== NUMBER) {
        restore(atSlash);
        break;
      }
      const atNumber = save();
      lx.next();
      if (!(lx.kind === SYMBOL || lx.code === LPAREN)) {
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
  const save = (): readonly [number, string, number, number] => [lx.pos, lx.tok, lx.kind, lx.code];
  const restore = ([pos, tok, k, c]: readonly [number, string, number, number]): void => {
    lx.pos = pos;
    lx.tok = tok;
    lx.kind = k;
    lx.code = c;
  };
  const rule2Node = (n: Node): boolean => {
    if (isConstant(n)) return true;
    return isOp(n) && n.args!.length === 1 && isConstant(n.args![0]!) && '-+~'.includes(n.op!);
  };

  function unary(): Node {
    if (lx.code === MINUS || lx.code === PLUS) {
      const name = lx.tok;
      lx.next();
      return new C.OperatorNode(name, name === '-' ? 'unaryMinus' : 'unaryPlus', [unary()]);
    }
    return pow();
  }

  /** Right-associative, and its exponent may be signed: `2^-3`. */
  function pow(): Node {
    const node = leftHandOperators();
    if (lx.code === CARET || lx.code === DOT_CARET) {
      const name = lx.tok;
      lx.next();
      return new C.OperatorNode(name, name === '^' ? 'pow' : 'dotPow', [node, unary()]);
    }
    return node;
  }

  function leftHandOperators(): Node {
    let node = primary();
    while (lx.code === BANG || lx.code === QUOTE) {
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
    if (lx.code === LBRACK) return accessors(matrix());
    if (lx.code === LPAREN) {
      const content = inside(RPAREN, conditional);
      return accessors(new C.ParenthesisNode(content));
    }
    return decline();
  }

  /** Reads what `f` reads between an opening bracket (the current token) and `close`. */
  function inside<T>(close: number, f: () => T): T {
    nest++;
    lx.next();
    const result = f();
    expect(close);
    nest--;
    lx.next();
    return result;
  }

  /** Comma-separated arguments, possibly none. */
  const list = (close: number) => (): Node[] => {
    const params: Node[] = [];
    if (lx.code === close) return params;
    params.push(conditional());
    while (lx.code === COMMA) {
      lx.next();
      params.push(conditional());
    }
    return params;
  };
  const callArgs = list(RPAREN);
  const indexArgs = list(RBRACK);

  /** Calls `f(x)` (of a symbol or an accessor only: `(a)(b)` is a product) and indices `a[i]`. */
  function accessors(node: Node): Node {
    for (;;) {
      if (lx.code === LPAREN) {
        const n = node as object;
        if (!(n instanceof C.SymbolNode || n instanceof C.AccessorNode)) return node;
        node = new C.FunctionNode(node, inside(RPAREN, callArgs));
      } else if (lx.code === LBRACK) node = new C.AccessorNode(node, new C.IndexNode(inside(RBRACK, indexArgs)));
      else return node;
    }
  }

  /** `[a, b]`, `[a, b; c, d]`, trailing commas allowed; rows of unequal length are mathjs's error. */
  function matrix(): Node {
    return inside(RBRACK, () => {
      if (lx.code === RBRACK) return new C.ArrayNode([]);
      const first = row();
      if (!(lx.code === SEMICOLON)) return first;
      const rows = [first];
      while (lx.code === SEMICOLON) {
        lx.next();
        if (!(lx.code === RBRACK)) rows.push(row());
      }
      const cols = first.items!.length;
      if (rows.some((r) => r.items!.length !== cols)) decline();
      return new C.ArrayNode(rows);
    });
  }

  function row(): Node {
    const items = [conditional()];
    while (lx.code === COMMA) {
      lx.next();
      if (!(lx.code === RBRACK || lx.code === SEMICOLON)) items.push(conditional());
    }
    return new C.ArrayNode(items);
  }

  return (text: string): Node | undefined => {
    lx = new Lexer(text);
    nest = 0;
    condLevel = NONE;
    try {
      lx.next();
      if (lx.kind === END) return undefined;
      const node = conditional();
      return lx.kind === END ? node : undefined;
    } catch {
      // DECLINE, or anything else (a stack overflow on absurd nesting): mathjs's to report.
      return undefined;
    }
  };
}
