/**
 * Source positions for mathjs-syntax trees. mathjs keeps none, so the text is tokenized here and
 * the tree's leaves (symbols, constants, function names), visited in source order, are matched to
 * the tokens in order: `x + xx + x_y` places each `x` at its own occurrence. A function call is
 * placed at its name; any other node spans its first to its last leaf, with the brackets it
 * opens closed and a transpose's mark.
 */
import type { Position } from '../core/index.js';
import type { AnyNode, Node } from './math.js';

type Span = { readonly offset: number; readonly length: number };

interface Token {
  readonly kind: 'name' | 'number' | 'string' | 'punct';
  readonly text: string;
  readonly offset: number;
}

// `'` is punctuation: in answers it is a transpose (a single-quoted string is refused anyway).
const TOKEN = /([A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*)|(0[xXbBoO][0-9a-fA-F.]+(?:i\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|("(?:[^"\\]|\\.)*"?)|(\S)/g;
/** Words mathjs reads as constants, not symbols. */
const CONSTANT_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'null', 'undefined']);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind = m[1] !== undefined ? 'name' : m[2] !== undefined ? 'number' : m[3] !== undefined ? 'string' : 'punct';
    out.push({ kind, text: m[0], offset: m.index });
  }
  return out;
}

/**
 * Where each node of `root` stands in `text` (shifted by `base`), as a lookup, worked out when
 * first asked: only a finding needs a position, and most answers have none (trees are never
 * changed once read, so the answer is the same later as now).
 */
export function mathjsPositions(root: Node, text: string, base = 0): (n: Node) => Position | undefined {
  let where: ((n: Node) => Position | undefined) | undefined;
  return (n) => (where ??= positionsNow(root, text, base))(n);
}

function positionsNow(root: Node, text: string, base: number): (n: Node) => Position | undefined {
  const tokens = tokenize(text);
  const leaves = new Map<Node, Span>();
  let i = 0;
  const take = (accepts: (t: Token) => boolean): Span | undefined => {
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.kind === 'punct') continue;
      if (!accepts(t)) continue;
      i = j + 1;
      return { offset: base + t.offset, length: t.text.length };
    }
    return undefined;
  };
  const nextPunct = (): string | undefined => tokens.slice(i).find((t) => t.kind !== 'punct' || !'[(,'.includes(t.text))?.text;
  const visit = (node: Node): void => {
    const n = node as AnyNode;
    if (node.type === 'RangeNode' && nextPunct() === ':') {
      // A bare `:` in `A[:, j]`: mathjs fills in a start and an end the text does not have.
      const colon = tokens.findIndex((t, j) => j >= i && t.text === ':');
      leaves.set(node, { offset: base + tokens[colon]!.offset, length: 1 });
      i = colon + 1;
      return;
    }
    let span: Span | undefined;
    if (node.type === 'SymbolNode') span = take((t) => t.kind === 'name' && t.text === n.name);
    else if (node.type === 'ConstantNode') span = take((t) => t.kind !== 'name' || CONSTANT_WORDS.has(t.text));
    if (span) leaves.set(node, span);
    node.forEach((child) => visit(child));
  };
  visit(root);
  return spans(
    leaves,
    tokens.map((t) => ({ ...t, offset: base + t.offset })),
  );
}

/** The end of a span widened over the closing brackets it needs, and a transpose's `'`. */
function widen(lo: number, hi: number, node: Node, tokens: readonly Token[]): number {
  let open = 0;
  let j = 0;
  for (; j < tokens.length && tokens[j]!.offset < hi; j++) {
    const t = tokens[j]!;
    if (t.offset < lo || t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[') open++;
    if ((t.text === ')' || t.text === ']') && open > 0) open--;
  }
  for (; j < tokens.length && open > 0; j++) {
    const t = tokens[j]!;
    if (t.text === '(' || t.text === '[') open++;
    if (t.text === ')' || t.text === ']') open--;
    hi = t.offset + 1;
  }
  const fn = (node as Node & { fn?: unknown }).fn;
  const mark = tokens[j];
  if ((fn === 'ctranspose' || fn === 'transpose') && mark?.text === "'" && mark.offset === hi) hi++;
  return hi;
}

/** A lookup from leaf spans: a call is placed at its name, other nodes cover their leaves. */
function spans(leaves: ReadonlyMap<Node, Span>, tokens: readonly Token[]): (n: Node) => Position | undefined {
  const cache = new WeakMap<Node, Span | null>();
  const where = (node: Node): Span | undefined => {
    const known = leaves.get(node) ?? cache.get(node);
    if (known !== undefined) return known ?? undefined;
    let span: Span | undefined;
    if (node.type === 'FunctionNode') span = where((node as AnyNode).fn as Node);
    else {
      let lo = Infinity;
      let hi = -Infinity;
      node.forEach((child) => {
        const s = where(child);
        if (s) [lo, hi] = [Math.min(lo, s.offset), Math.max(hi, s.offset + s.length)];
      });
      span = lo <= hi ? { offset: lo, length: widen(lo, hi, node, tokens) - lo } : undefined;
    }
    cache.set(node, span ?? null);
    return span;
  };
  return where;
}
