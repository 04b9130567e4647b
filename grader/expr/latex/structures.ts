/**
 * `\sum` with its index written every way students write it, and `\begin{cases}`.
 * Both become the mathjs forms the other notation uses: `sum(k, lo, hi, body)` and `c ? a : b`.
 */
import { fail } from '../../core/index.js';
import { N, type AnyNode, type Node } from '../math.js';
import { CASE_WORDS } from './commands.js';
import { at, describe, rawGroup } from './cursor.js';
import type { Token } from './lexer.js';
import type { Parser } from './types.js';

const RELATIONS: Readonly<Record<string, [string, string]>> = {
  '=': ['==', 'equal'],
  '!=': ['!=', 'unequal'],
  '<': ['<', 'smaller'],
  '>': ['>', 'larger'],
  '<=': ['<=', 'smallerEq'],
  '>=': ['>=', 'largerEq'],
};

/** The relation at the cursor (`=`, `\neq`, `<`, `\leq`, `\in` ...), consumed, or undefined. */
function relation(p: Parser): string | undefined {
  const c = p.c;
  c.skipSpace();
  const t = c.peek();
  const cmd = c.command(t);
  if (t.kind === 'char' && ['=', '<', '>'].includes(t.text)) {
    c.next();
    if (t.text === '=' || !c.isChar('=')) return t.text;
    c.next();
    return `${t.text}=`;
  }
  if (cmd?.kind === 'relation') {
    c.next();
    return cmd.op;
  }
  if (t.kind === 'cmd' && t.text === 'not' && c.isChar('=', c.peek(1))) {
    c.next();
    c.next();
    return '!=';
  }
  return undefined;
}

/** `a rel b` as a condition node. */
export function parseCondition(p: Parser): Node {
  const start = p.c.peek();
  const left = p.parseExpr();
  const rel = relation(p);
  if (!rel || rel === 'in') return fail('LATEX_EXPECTED', { expected: 'a condition such as w = o or w \\neq o', got: describe(p.c.peek()) }, at(p.c.peek()));
  const [op, fn] = RELATIONS[rel]!;
  return p.c.mark(N.op(op, fn, [left, p.parseExpr()]), start);
}

const isStop = (p: Parser, t: Token): boolean => t.kind === 'eof' || p.c.isChar('}', t) || p.c.command(t)?.kind === 'newline';

/** Skips `\in S` up to the end of the subscript line: the range then comes from the index. */
function skipSet(p: Parser): void {
  for (let depth = 0; ;) {
    const t = p.c.peek();
    if (depth === 0 && (isStop(p, t) || p.c.isChar(',', t))) return;
    if (p.c.isChar('{', t)) depth++;
    if (p.c.isChar('}', t)) depth--;
    p.c.next();
  }
}

interface SumIndex {
  name?: string;
  lo?: Node;
  conditions: Node[];
}

/** One line of a sum's subscript: `k=1`, `w \in V`, `w`, `i \neq j`, several joined by commas. */
function sumLine(p: Parser, index: SumIndex): void {
  for (;;) {
    const start = p.c.peek();
    const left = p.parseExpr();
    const rel = relation(p);
    const name = left.type === 'SymbolNode' ? (left as AnyNode).name : undefined;
    if (rel === undefined || rel === '=' || rel === 'in') {
      if (!name) fail('SUM_INDEX', {}, at(start));
      if (index.name && index.name !== name) fail('SUM_INDEX', {}, at(start));
      index.name = name;
      if (rel === '=') index.lo = p.parseExpr();
      if (rel === 'in') skipSet(p);
    } else {
      const [op, fn] = RELATIONS[rel]!;
      index.name ??= name;
      index.conditions.push(p.c.mark(N.op(op, fn, [left, p.parseExpr()]), start));
    }
    p.c.skipSpace();
    if (!p.c.isChar(',')) return;
    p.c.next();
  }
}

export function parseSum(p: Parser, start: Token): Node {
  const c = p.c;
  c.next();
  const index: SumIndex = { conditions: [] };
  let hi: Node | undefined;
  for (;;) {
    c.skipSpace();
    if (c.isChar('_')) {
      c.next();
      c.skipSpace();
      if (c.isChar('{')) {
        c.next();
        c.skipSpace();
        const substack = c.isCmd('substack');
        if (substack) {
          c.next();
          c.expectChar('{');
        }
        for (;;) {
          sumLine(p, index);
          c.skipSpace();
          if (c.command()?.kind !== 'newline') break;
          c.next();
        }
        c.expectChar('}');
        if (substack) c.expectChar('}');
      } else {
        const v = p.parseArg();
        if (v.type !== 'SymbolNode') fail('SUM_INDEX', {}, at(start));
        index.name = (v as AnyNode).name;
      }
    } else if (c.isChar('^')) {
      c.next();
      hi = p.parseArg();
    } else break;
  }
  if (!index.name) return fail('SUM_INDEX', {}, at(start));
  let body = p.parseTerm();
  for (const cond of index.conditions) body = N.conditional(cond, N.paren(body), N.constant(0));
  const v = N.symbol(index.name);
  const node = index.lo && hi ? N.call('sum', [v, index.lo, hi, body]) : N.call('sum', [v, body]);
  if ((index.lo === undefined) !== (hi === undefined)) fail('SUM_BOUNDS', { index: index.name }, at(start));
  return c.mark(node, start);
}

/** Reads words such as `\text{if }`, `otherwise`, `,` before a condition; true for a default row. */
function caseWords(p: Parser): boolean {
  const c = p.c;
  let otherwise = false;
  for (;;) {
    c.skipSpace();
    const t = c.peek();
    const cmd = c.command(t);
    if (c.isChar(',', t) || c.isChar('&', t)) c.next();
    else if (cmd?.kind === 'text') {
      const save = c.position;
      c.next();
      const words = rawGroup(p.c).trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.every((w) => CASE_WORDS.has(w))) {
        c.rewind(save);
        return otherwise;
      }
      otherwise ||= words.includes('otherwise') || words.includes('else');
    } else if (t.kind === 'word' && CASE_WORDS.has(t.text.toLowerCase())) {
      otherwise ||= ['otherwise', 'else'].includes(t.text.toLowerCase());
      c.next();
    } else return otherwise;
  }
}

export function parseCases(p: Parser, start: Token): Node {
  const c = p.c;
  c.next();
  const env = rawGroup(p.c).replace(/\s+/g, '');
  if (!['cases', 'dcases', 'rcases'].includes(env))
    fail('LATEX_UNSUPPORTED', { command: `\\begin{${env}}`, hint: 'only cases environments are read' }, at(start));
  const rows: { value: Node; cond?: Node }[] = [];
  for (;;) {
    const value = p.parseExpr();
    const otherwise = caseWords(p);
    const t = c.peek();
    const ended = c.command(t)?.kind === 'newline' || c.isCmd('end', t);
    rows.push(otherwise || ended ? { value } : { value, cond: parseCondition(p) });
    caseWords(p);
    c.skipSpace();
    if (c.command()?.kind === 'newline') {
      c.next();
      c.skipSpace();
      if (!c.isCmd('end')) continue;
    }
    if (!c.isCmd('end')) fail('LATEX_EXPECTED', { expected: '\\\\ or \\end{cases}', got: describe(c.peek()) }, at(c.peek()));
    c.next();
    rawGroup(p.c);
    break;
  }
  // The row without a condition (or else the last row) is what remains when no condition holds.
  const fallback = rows.findIndex((r) => !r.cond);
  const last = fallback >= 0 ? rows.splice(fallback, 1)[0]! : rows.pop()!;
  const node = rows.reduceRight<Node>((rest, r) => N.conditional(r.cond!, N.paren(r.value), rest), N.paren(last.value));
  return c.mark(node, start);
}
