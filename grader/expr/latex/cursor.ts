/** A cursor over LaTeX tokens, with the spans of the nodes built from them. */
import { fail, type Position } from '../../core/index.js';
import type { Node } from '../math.js';
import { COMMANDS, type Command } from './commands.js';
import type { Token } from './lexer.js';

export class Cursor {
  private i = 0;
  /**
   * Each mark as it was made (node, offset, length): only a finding asks where a node is, and
   * most answers have none, so the lookup is built when first asked (spanOf), not a map entry per node.
   */
  private readonly marks: (Node | number)[] = [];
  private spans: Map<Node, Position> | undefined;
  /** How many entries of marks are in spans. */
  private spanned = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  /** Replaces the current token (used to split a word: `_ow` subscripts only `o`). */
  splitWord(first: number): void {
    const t = this.peek();
    const rest: Token = { ...t, text: t.text.slice(first), offset: t.offset + first };
    const head: Token = { ...t, text: t.text.slice(0, first), end: t.offset + first };
    (this.tokens as Token[]).splice(this.i, 1, head, rest);
  }

  get position(): number {
    return this.i;
  }

  rewind(to: number): void {
    this.i = to;
  }

  command(t: Token = this.peek()): Command | undefined {
    return t.kind === 'cmd' ? COMMANDS.get(t.text) : undefined;
  }

  isChar(c: string, t: Token = this.peek()): boolean {
    return t.kind === 'char' && t.text === c;
  }

  isCmd(name: string, t: Token = this.peek()): boolean {
    return t.kind === 'cmd' && t.text === name;
  }

  /** Skips spacing commands; they never change meaning inside a formula. */
  skipSpace(): void {
    while (this.command()?.kind === 'space') this.next();
  }

  expectChar(c: string, what = `\`${c}\``): Token {
    this.skipSpace();
    const t = this.peek();
    if (!this.isChar(c)) fail('LATEX_EXPECTED', { expected: what, got: describe(t) }, at(t));
    return this.next();
  }

  /** Records that `node` was read from tokens start..(current); a node marked again keeps its first span. */
  mark<N extends Node>(node: N, start: Token): N {
    const prev = this.tokens[Math.max(0, this.i - 1)]!;
    this.marks.push(node, start.offset, Math.max(1, prev.end - start.offset));
    return node;
  }

  /** Where a node was read from: the span of its first mark. */
  spanOf(node: Node): Position | undefined {
    const spans = (this.spans ??= new Map<Node, Position>());
    const m = this.marks;
    // Marks made since the last question are added (none are, once parsing is done).
    for (let k = this.spanned; k < m.length; k += 3)
      if (!spans.has(m[k] as Node)) spans.set(m[k] as Node, { offset: m[k + 1] as number, length: m[k + 2] as number });
    this.spanned = m.length;
    return this.spans.get(node);
  }
}

export const at = (t: Token): Position => ({ offset: t.offset, length: Math.max(1, t.end - t.offset) });

export const describe = (t: Token): string => (t.kind === 'eof' ? 'the end of the answer' : t.kind === 'cmd' ? `\\${t.text}` : `\`${t.text}\``);

/** The raw text of a braced group (`\text{softmax}`), or one token. */
export function rawGroup(c: Cursor): string {
  c.skipSpace();
  if (!c.isChar('{')) return c.next().text;
  c.next();
  let text = '';
  for (let depth = 0; ;) {
    const t = c.next();
    if (t.kind === 'eof') return fail('LATEX_EXPECTED', { expected: '`}`', got: describe(t) }, at(t));
    if (c.isChar('}', t) && depth === 0) return text;
    if (c.isChar('{', t)) depth++;
    if (c.isChar('}', t)) depth--;
    text += ` ${t.kind === 'cmd' ? '' : t.text}`;
  }
}
