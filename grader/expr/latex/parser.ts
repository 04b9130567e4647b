/**
 * LaTeX tokens → the same mathjs trees the mathjs-syntax path produces. A precedence parser:
 * sums of terms; terms are products of factors (juxtaposition multiplies); factors are primaries
 * with subscripts, superscripts and primes. Sums and cases live in structures.ts.
 */
import { fail } from '../../core/index.js';
import { N, type Node } from '../math.js';
import { suggest } from '../compile/suggest.js';
import { COMMANDS } from './commands.js';
import { at, Cursor, describe } from './cursor.js';
import type { Token } from './lexer.js';
import { parseCases, parseSum } from './structures.js';

/** What the question knows, so that `softmax` is one name and `xW` two. */
export interface Vocab {
  isFunction(name: string): boolean;
  isName(name: string): boolean;
  /** Whether a prime on a value means a transpose (the spec says so), else it is refused. */
  readonly primeTranspose: boolean;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '|': '|', '.': '' };
const CLOSING_SIZES = new Set(['right', 'bigr', 'Bigr', 'biggr', 'Biggr']);
type AnyNode = Node & { name?: string; fn?: Node; args?: Node[]; value?: number };

export class LatexParser {
  readonly c: Cursor;
  absDepth = 0;
  /** Products made by splitting a word (`xW`): a subscript binds to their last factor. */
  private readonly splits = new WeakSet<Node>();

  constructor(tokens: readonly Token[], readonly vocab: Vocab) {
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
          op === 'cdot' ? N.call('cdot', [node, right]) : op === '.*' ? N.op('.*', 'dotMultiply', [node, right]) : op === '/' ? N.op('/', 'divide', [node, right]) : N.op('*', 'multiply', [node, right]),
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
    if (cmd.kind === 'delimiter') return cmd.char === '{' || cmd.char === '(';
    if (cmd.kind === 'env') return cmd.begin;
    return ['letter', 'function', 'font', 'fontSwitch', 'text', 'accent', 'frac', 'sqrt', 'sum', 'unsupported'].includes(cmd.kind);
  }

  private isOpener(t: Token): boolean {
    const cmd = this.c.command(t);
    return (t.kind === 'char' && ['(', '[', '.'].includes(t.text)) || (t.kind === 'char' && t.text === '|' && this.absDepth === 0) || (cmd?.kind === 'delimiter' && ['{', '(', '|'].includes(cmd.char));
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
    if (t.kind === 'word') return this.word();
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
      return c.mark(this.delimitedBody('|'), t);
    }
    if (t.kind !== 'cmd') return fail(t.kind === 'eof' ? 'LATEX_INCOMPLETE' : 'LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    return this.command(t);
  }

  private command(t: Token): Node {
    const c = this.c;
    const cmd = c.command(t);
    if (!cmd) return fail('LATEX_UNKNOWN_COMMAND', { command: `\\${t.text}`, suggestions: suggest(t.text, COMMANDS.keys()).map((s) => `\\${s}`) }, at(t));
    switch (cmd.kind) {
      case 'letter':
        c.next();
        return this.vocab.isFunction(cmd.name) ? this.application(cmd.name, t) : c.mark(N.symbol(cmd.name), t);
      case 'function':
        c.next();
        return this.application(cmd.name, t);
      case 'text': {
        c.next();
        const word = this.rawGroup().replace(/\s+/g, '');
        if (!word) return fail('LATEX_EMPTY', { command: `\\${t.text}` }, at(t));
        return this.vocab.isFunction(word) ? this.application(word, t) : c.mark(N.symbol(word), t);
      }
      case 'font':
        c.next();
        return this.parseArg();
      case 'fontSwitch':
        c.next();
        return this.parsePrimary();
      case 'accent': {
        c.next();
        return c.mark(this.accent(this.parseArg(), cmd.suffix, t), t);
      }
      case 'frac': {
        c.next();
        const num = this.parseArg();
        const den = this.parseArg();
        return c.mark(N.op('/', 'divide', [wrap(num), wrap(den)]), t);
      }
      case 'sqrt':
        c.next();
        return c.mark(N.call('sqrt', [this.parseArg()]), t);
      case 'sum':
        return parseSum(this, t);
      case 'sizing': {
        c.next();
        const open = c.next();
        const oc = c.command(open);
        const char = oc?.kind === 'delimiter' ? oc.char : open.text;
        if (!(char in OPENERS)) fail('LATEX_EXPECTED', { expected: 'a delimiter after \\' + t.text, got: describe(open) }, at(open));
        return c.mark(this.delimitedBody(char), t);
      }
      case 'delimiter':
        if (cmd.char === '{' || cmd.char === '(') {
          c.next();
          return c.mark(this.delimitedBody(cmd.char), t);
        }
        return fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
      case 'env':
        if (cmd.begin) return parseCases(this, t);
        return fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
      case 'transposeMark':
        // Only a superscript gives it meaning (`^{\top}`); elsewhere `T` is an unknown name.
        c.next();
        return c.mark(N.symbol('T'), t);
      case 'unsupported':
        return fail('LATEX_UNSUPPORTED', { command: `\\${t.text}`, hint: cmd.hint }, at(t));
      default:
        return fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    }
  }

  /** After an opening delimiter: the content, an optional `\right`, and any closing delimiter. */
  private delimitedBody(open: string): Node {
    const c = this.c;
    if (open === '|') this.absDepth++;
    const inner = this.parseExpr();
    if (open === '|') this.absDepth--;
    c.skipSpace();
    if (c.command()?.kind === 'sizing') c.next();
    const close = c.next();
    const cc = c.command(close);
    const char = cc?.kind === 'delimiter' ? cc.char : close.text;
    if (![')', ']', '|', '.', '}'].includes(char) || close.kind === 'eof') fail('LATEX_EXPECTED', { expected: `a closing ${OPENERS[open] || 'delimiter'}`, got: describe(close) }, at(close));
    return open === '|' ? N.call('abs', [inner]) : N.paren(inner);
  }

  /** The raw text of a braced group (`\text{softmax}`), or one token. */
  rawGroup(): string {
    const c = this.c;
    c.skipSpace();
    if (!c.isChar('{')) return c.next().text;
    c.next();
    let text = '';
    for (let depth = 0; ; ) {
      const t = c.next();
      if (t.kind === 'eof') return fail('LATEX_EXPECTED', { expected: '`}`', got: describe(t) }, at(t));
      if (c.isChar('}', t) && depth === 0) return text;
      if (c.isChar('{', t)) depth++;
      if (c.isChar('}', t)) depth--;
      text += ` ${t.kind === 'cmd' ? '' : t.text}`;
    }
  }

  private accent(inner: Node, suffix: string, t: Token): Node {
    const n = inner as AnyNode;
    if (inner.type === 'SymbolNode') {
      const i = n.name!.indexOf('_');
      return N.symbol(i < 0 ? n.name! + suffix : n.name!.slice(0, i) + suffix + n.name!.slice(i));
    }
    if (inner.type === 'FunctionNode' && (n.fn as AnyNode).name!.endsWith('_')) {
      const base = (n.fn as AnyNode).name!.slice(0, -1);
      return N.call(`${base}${suffix}_`, n.args!);
    }
    return fail('ACCENT_ON_EXPRESSION', { accent: suffix }, at(t));
  }

  /** A run of letters: one name when the question knows it, else single letters multiplied. */
  private word(): Node {
    const c = this.c;
    const t = c.next();
    const w = t.text;
    if (this.vocab.isFunction(w)) return this.application(w, t);
    if (this.vocab.isName(w) || w.length === 1) return c.mark(N.symbol(w), t);
    const pieces = w.match(/[A-Za-z]|\d+/g)!;
    const subscripted = c.isChar('_');
    const known = pieces.slice(0, -1).every((p) => /^\d/.test(p) || this.vocab.isName(p)) && (this.vocab.isName(pieces[pieces.length - 1]!) || subscripted);
    if (!known) return c.mark(N.symbol(w), t);
    const nodes: Node[] = pieces.map((p) => (/^\d/.test(p) ? N.constant(Number(p)) : N.symbol(p)));
    const product = nodes.reduce((a, b) => N.op('*', 'multiply', [a, b], true));
    if (nodes.length === 2) this.splits.add(product);
    return c.mark(product, t);
  }

  /** A function applied to parenthesised arguments, or to the next factor (`\log \hat y_o`). */
  application(name: string, start: Token): Node {
    const c = this.c;
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

const wrap = (n: Node): Node => (n.type === 'SymbolNode' || n.type === 'ConstantNode' || n.type === 'ParenthesisNode' || n.type === 'FunctionNode' ? n : N.paren(n));
