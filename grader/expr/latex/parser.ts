/**
 * LaTeX tokens → the same mathjs trees the mathjs-syntax path produces. A precedence parser:
 * sums of terms; terms are products of factors (juxtaposition multiplies); factors are primaries
 * with subscripts, superscripts and primes. Commands and words are read in atoms.ts; sums and
 * cases in structures.ts.
 */
import { fail } from '../../core/index.js';
import { N, type AnyNode, type Node } from '../math.js';
import { at, Cursor, describe } from './cursor.js';
import type { Token } from './lexer.js';
import { delimitedBody, parseCommand, parseWord } from './atoms.js';
import { STARTS_FACTOR } from './commands.js';

import { BARS, CLOSING_SIZES, OPENERS, type Parser, type Vocab } from './types.js';

export type { Vocab } from './types.js';

export class LatexParser implements Parser {
  readonly c: Cursor;
  absDepth = 0;
  /** Products made by splitting a word (`xW`): a subscript binds to their last factor. */
  readonly splits = new WeakSet<Node>();

  constructor(
    tokens: readonly Token[],
    readonly vocab: Vocab,
  ) {
    this.c = new Cursor(tokens);
  }

  parseAll(): Node {
    const node = this.parseExpr();
    this.c.skipSpace();
    const t = this.c.peek();
    if (t.kind !== 'eof') fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    return node;
  }

  /** A sum of terms, with a leading sign. */
  parseExpr(): Node {
    const c = this.c;
    c.skipSpace();
    const start = c.peek();
    let node: Node;
    if (c.isChar('-') || c.isChar('+')) {
      const minus = c.next().text === '-';
      const term = this.parseTerm();
      node = minus ? c.mark(N.op('-', 'unaryMinus', [term]), start) : term;
    } else node = this.parseTerm();
    for (;;) {
      c.skipSpace();
      if (!c.isChar('+') && !c.isChar('-')) return node;
      const op = c.next().text;
      node = c.mark(N.op(op, op === '+' ? 'add' : 'subtract', [node, this.parseTerm()]), start);
    }
  }

  /** Factors joined by `*`, `/`, `\cdot`, `\odot`, `\times` or juxtaposition. */
  parseTerm(): Node {
    const c = this.c;
    c.skipSpace();
    const start = c.peek();
    let node = this.parseFactor();
    for (;;) {
      c.skipSpace();
      const t = c.peek();
      const cmd = c.command(t);
      const op = t.kind === 'char' && (t.text === '*' || t.text === '/') ? t.text : cmd?.kind === 'operator' ? cmd.op : undefined;
      if (op) {
        c.next();
        const right = this.parseFactor();
        node = c.mark(
          op === 'cdot'
            ? N.call('cdot', [node, right])
            : op === '.*'
              ? N.op('.*', 'dotMultiply', [node, right])
              : op === '/'
                ? N.op('/', 'divide', [node, right])
                : N.op('*', 'multiply', [node, right]),
          start,
        );
      } else if (this.canStartFactor(t)) {
        node = c.mark(N.op('*', 'multiply', [node, this.parseFactor()], true), start);
      } else return node;
    }
  }

  canStartFactor(t: Token): boolean {
    if (t.kind === 'num' || t.kind === 'word') return true;
    if (t.kind === 'char') return t.text === '(' || t.text === '[' || t.text === '{' || (t.text === '|' && this.absDepth === 0);
    const cmd = this.c.command(t);
    if (!cmd) return t.kind === 'cmd';
    if (cmd.kind === 'sizing') return !CLOSING_SIZES.has(t.text) && this.isOpener(this.c.peek(1));
    if (cmd.kind === 'delimiter')
      return cmd.char === '{' || cmd.char === '(' || (BARS.has(cmd.char) && cmd.side !== 'close' && (cmd.side === 'open' || this.absDepth === 0));
    if (cmd.kind === 'env') return cmd.begin;
    return STARTS_FACTOR[cmd.kind] === true;
  }

  private isOpener(t: Token): boolean {
    const cmd = this.c.command(t);
    return (
      (t.kind === 'char' && ['(', '[', '.'].includes(t.text)) ||
      (t.kind === 'char' && t.text === '|' && this.absDepth === 0) ||
      (cmd?.kind === 'delimiter' && ['{', '(', '|', '‖'].includes(cmd.char))
    );
  }

  parseFactor(): Node {
    const c = this.c;
    c.skipSpace();
    const start = c.peek();
    if (c.isChar('-')) {
      c.next();
      return c.mark(N.op('-', 'unaryMinus', [this.parseFactor()]), start);
    }
    return this.parsePostfix(this.parsePrimary(), start);
  }

  parsePostfix(base: Node, start: Token): Node {
    const c = this.c;
    for (;;) {
      c.skipSpace();
      if (c.isChar('_')) {
        c.next();
        base = c.mark(this.subscript(base, this.parseArg(true)), start);
      } else if (c.isChar('^')) {
        c.next();
        base = c.mark(this.superscript(base, this.parseArg(true)), start);
      } else if (c.isChar("'")) {
        const t = c.next();
        if (!this.vocab.primeTranspose) fail('PRIME_AMBIGUOUS', {}, at(t));
        base = c.mark(N.op("'", 'ctranspose', [base]), start);
      } else return base;
    }
  }

  /** `u_o` → `u_o`; `y_{o_j}` → the family call `y_(o_j)`; `softmax(x)_j` → an entry. */
  private subscript(base: Node, sub: Node): Node {
    const b = base as AnyNode;
    if (this.splits.has(base)) {
      const args = b.args!;
      return N.op('*', 'multiply', [args[0]!, this.subscript(args[1]!, sub)], true);
    }
    // `u^T_o`: the subscript belongs to the symbol, the transpose to the entry (`u_o^T`).
    if (base.type === 'OperatorNode' && (b.fn as unknown) === 'ctranspose' && b.args![0]!.type === 'SymbolNode')
      return N.op("'", 'ctranspose', [this.subscript(b.args![0]!, sub)]);
    if (base.type === 'SymbolNode') {
      const s = sub as AnyNode;
      if (sub.type === 'SymbolNode' && !s.name!.includes('_')) return N.symbol(`${b.name}_${s.name}`);
      if (sub.type === 'ConstantNode' && Number.isInteger(s.value)) return N.symbol(`${b.name}_${s.value}`);
      return N.call(`${b.name}_`, [sub]);
    }
    return N.access(base, [sub]);
  }

  /** `^T`, `^\top`, `^{\mathsf{T}}` transpose; `e^{x}` is exp(x); otherwise a power. */
  private superscript(base: Node, sup: Node): Node {
    const name = (sup as AnyNode).name;
    if (sup.type === 'SymbolNode' && (name === 'T' || name === 'top' || name === 'intercal') && !this.vocab.isName('T')) return N.op("'", 'ctranspose', [base]);
    if (base.type === 'SymbolNode' && (base as AnyNode).name === 'e' && !this.vocab.isName('e')) return N.call('exp', [sup]);
    return N.op('^', 'pow', [base, sup]);
  }

  /** A positive whole power written on a function's name (`\sin^2`), consumed; else nothing is read. */
  private functionPower(): Node | undefined {
    const c = this.c;
    if (!c.isChar('^')) return undefined;
    const save = c.position;
    c.next();
    const power = this.parseArg(true) as AnyNode;
    if (power.type === 'ConstantNode' && Number.isInteger(power.value) && power.value! > 0) return power;
    c.rewind(save);
    return undefined;
  }

  /** A command's argument: a braced group, or one token (one character of a word or number). */
  parseArg(single = false): Node {
    const c = this.c;
    c.skipSpace();
    const t = c.peek();
    if (c.isChar('{')) {
      c.next();
      const inner = this.parseExpr();
      c.expectChar('}');
      return c.mark(inner, t);
    }
    if ((t.kind === 'word' || t.kind === 'num') && t.text.length > 1) c.splitWord(1);
    if (single && t.kind === 'cmd' && c.command(t)?.kind === 'transposeMark') {
      c.next();
      return c.mark(N.symbol('T'), t);
    }
    return this.parsePrimary();
  }

  parsePrimary(): Node {
    const c = this.c;
    c.skipSpace();
    const t = c.peek();
    if (t.kind === 'num') {
      c.next();
      return c.mark(N.constant(Number(t.text)), t);
    }
    if (t.kind === 'word') return parseWord(this);
    if (t.kind === 'char' && (t.text === '(' || t.text === '[' || t.text === '{')) {
      c.next();
      const inner = this.parseExpr();
      c.skipSpace();
      if (c.command()?.kind === 'sizing') c.next();
      c.expectChar(OPENERS[t.text]!);
      return c.mark(t.text === '{' ? inner : N.paren(inner), t);
    }
    if (t.kind === 'char' && t.text === '|' && this.absDepth === 0) {
      c.next();
      return c.mark(delimitedBody(this, '|'), t);
    }
    if (t.kind !== 'cmd') return fail(t.kind === 'eof' ? 'LATEX_INCOMPLETE' : 'LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    return parseCommand(this, t);
  }

  /** A function applied to parenthesised arguments, or to the next factor (`\log \hat y_o`); `\tanh^2(x)` is tanh(x)^2. */
  application(name: string, start: Token): Node {
    const c = this.c;
    const power = this.functionPower();
    if (power) return c.mark(N.op('^', 'pow', [this.application(name, start), power]), start);
    if (c.isChar("'")) {
      const p = c.next();
      if (name !== 'sigma' && name !== 'sigmoid') fail('PRIME_AMBIGUOUS', {}, at(p));
      name = 'sigmaprime';
    }
    c.skipSpace();
    const t = c.peek();
    const sized = c.command(t)?.kind === 'sizing' && !CLOSING_SIZES.has(t.text);
    if (c.isChar('(') || c.isChar('[') || sized) {
      if (sized) c.next();
      const open = c.next();
      const args = [this.parseExpr()];
      while ((c.skipSpace(), c.isChar(','))) {
        c.next();
        args.push(this.parseExpr());
      }
      c.skipSpace();
      if (c.command()?.kind === 'sizing') c.next();
      c.expectChar(OPENERS[open.text] ?? ')');
      return c.mark(N.call(name, args), start);
    }
    if (!this.canStartFactor(t)) fail('FUNCTION_NEEDS_ARGUMENT', { name }, at(start));
    return c.mark(N.call(name, [this.parseFactor()]), start);
  }
}
