/**
 * The atoms of a LaTeX formula: commands (looked up in the command table), runs of letters, and
 * delimited groups. Each is read into the same mathjs nodes the mathjs-syntax path produces.
 */
import { fail, unreachable } from '../../core/index.js';
import { suggest } from '../../core/suggest.js';
import { N, type AnyNode, type Node } from '../math.js';
import { COMMANDS } from './commands.js';
import { at, describe, rawGroup } from './cursor.js';
import type { Token } from './lexer.js';
import { BARS, OPENERS, type Parser } from './types.js';
import { parseCases, parseSum } from './structures.js';

const wrap = (n: Node): Node =>
  n.type === 'SymbolNode' || n.type === 'ConstantNode' || n.type === 'ParenthesisNode' || n.type === 'FunctionNode' ? n : N.paren(n);

export function parseCommand(p: Parser, t: Token): Node {
  const c = p.c;
  const cmd = c.command(t);
  if (!cmd) return fail('LATEX_UNKNOWN_COMMAND', { command: `\\${t.text}`, suggestions: suggest(t.text, COMMANDS.keys()).map((s) => `\\${s}`) }, at(t));
  switch (cmd.kind) {
    case 'letter':
      c.next();
      return p.vocab.isFunction(cmd.name) ? p.application(cmd.name, t) : c.mark(N.symbol(cmd.name), t);
    case 'function':
      c.next();
      return p.application(cmd.name, t);
    case 'text': {
      c.next();
      const word = rawGroup(p.c).replace(/\s+/g, '');
      if (!word) return fail('LATEX_EMPTY', { command: `\\${t.text}` }, at(t));
      return p.vocab.isFunction(word) ? p.application(word, t) : c.mark(N.symbol(word), t);
    }
    case 'font':
      c.next();
      return p.parseArg();
    case 'fontSwitch':
      c.next();
      return p.parsePrimary();
    case 'accent': {
      c.next();
      return c.mark(accent(p.parseArg(), cmd.suffix, t), t);
    }
    case 'frac': {
      c.next();
      const num = p.parseArg();
      const den = p.parseArg();
      return c.mark(N.op('/', 'divide', [wrap(num), wrap(den)]), t);
    }
    case 'sqrt':
      c.next();
      return c.mark(N.call('sqrt', [p.parseArg()]), t);
    case 'sum':
      return parseSum(p, t);
    case 'sizing': {
      c.next();
      const open = c.next();
      const oc = c.command(open);
      const char = oc?.kind === 'delimiter' ? oc.char : open.text;
      if (!(char in OPENERS)) fail('LATEX_EXPECTED', { expected: 'a delimiter after \\' + t.text, got: describe(open) }, at(open));
      return c.mark(delimitedBody(p, char), t);
    }
    case 'delimiter':
      if (cmd.char === '{' || cmd.char === '(' || (BARS.has(cmd.char) && cmd.side !== 'close' && (cmd.side === 'open' || p.absDepth === 0))) {
        c.next();
        return c.mark(delimitedBody(p, cmd.char), t);
      }
      return fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    case 'env':
      if (cmd.begin) return parseCases(p, t);
      return fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    case 'transposeMark':
      // Only a superscript gives it meaning (`^{\top}`); elsewhere `T` is an unknown name.
      c.next();
      return c.mark(N.symbol('T'), t);
    case 'unsupported':
      return fail('LATEX_UNSUPPORTED', { command: `\\${t.text}`, hint: cmd.hint }, at(t));
    // Commands that join or separate factors cannot start one.
    case 'space':
    case 'operator':
    case 'relation':
    case 'qualifier':
    case 'newline':
      return fail('LATEX_UNEXPECTED', { got: describe(t) }, at(t));
    default:
      return unreachable(cmd, 'command kind');
  }
}

/** After an opening delimiter: the content, an optional `\right`, and any closing delimiter. */
export function delimitedBody(p: Parser, open: string): Node {
  const c = p.c;
  if (BARS.has(open)) p.absDepth++;
  const inner = p.parseExpr();
  if (BARS.has(open)) p.absDepth--;
  c.skipSpace();
  if (c.command()?.kind === 'sizing') c.next();
  const close = c.next();
  const cc = c.command(close);
  const char = cc?.kind === 'delimiter' ? cc.char : close.text;
  if (![')', ']', '|', '‖', '.', '}'].includes(char) || close.kind === 'eof')
    fail('LATEX_EXPECTED', { expected: `a closing ${OPENERS[open] || 'delimiter'}`, got: describe(close) }, at(close));
  return open === '|' ? N.call('abs', [inner]) : open === '‖' ? N.call('norm', [inner]) : N.paren(inner);
}

function accent(inner: Node, suffix: string, t: Token): Node {
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
export function parseWord(p: Parser): Node {
  const c = p.c;
  const t = c.next();
  const w = t.text;
  if (p.vocab.isFunction(w)) return p.application(w, t);
  if (p.vocab.isName(w) || w.length === 1) return c.mark(N.symbol(w), t);
  const pieces = w.match(/[A-Za-z]|\d+/g)!;
  const subscripted = c.isChar('_');
  const known = pieces.slice(0, -1).every((x) => /^\d/.test(x) || p.vocab.isName(x)) && (p.vocab.isName(pieces[pieces.length - 1]!) || subscripted);
  if (!known) return c.mark(N.symbol(w), t);
  const nodes: Node[] = pieces.map((x) => (/^\d/.test(x) ? N.constant(Number(x)) : N.symbol(x)));
  const product = nodes.reduce((a, b) => N.op('*', 'multiply', [a, b], true));
  if (nodes.length === 2) p.splits.add(product);
  return c.mark(product, t);
}
