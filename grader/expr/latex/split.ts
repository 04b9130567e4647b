/**
 * What surrounds a formula in a write-up, set aside before parsing: a pasted left-hand side
 * (`\frac{\partial J}{\partial v_c} = ...`, graded on its last side), a trailing qualifier
 * (`, \forall k`, `\quad \text{for } w \neq o`), and a `where` clause of the student's own names.
 */
import type { Token } from './lexer.js';

export interface Parts {
  readonly main: Token[];
  /** Set when a left-hand side (or a chain of equalities) was dropped. */
  readonly droppedSides: number;
  /** The qualifier set aside, as its tokens. */
  readonly qualifier?: Token[];
  /** `name = value` definitions from a where clause, each as its two token lists. */
  readonly definitions: { name: Token[]; value: Token[] }[];
}

const QUALIFIER_WORDS = new Set(['for', 'forall', 'if', 'when', 'with', 'all']);
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const TEXT_COMMANDS = new Set(['text', 'textrm', 'mathrm', 'textit']);

/** Whether each token stands at bracket depth 0 and outside environments. */
function topLevel(tokens: readonly Token[]): boolean[] {
  const top: boolean[] = [];
  let depth = 0;
  let env = 0;
  for (const t of tokens) {
    if (t.kind === 'char' && CLOSE.has(t.text)) depth--;
    if (t.kind === 'cmd' && t.text === 'end') env--;
    top.push(depth === 0 && env === 0);
    if (t.kind === 'char' && OPEN.has(t.text)) depth++;
    if (t.kind === 'cmd' && t.text === 'begin') env++;
  }
  return top;
}

/** The first top-level token that passes, or -1 (loops, not findIndex: this runs on every answer, mostly cold). */
function findTop(tokens: readonly Token[], top: readonly boolean[], test: (t: Token, i: number) => boolean): number {
  for (let i = 0; i < tokens.length; i++) if (top[i] && test(tokens[i]!, i)) return i;
  return -1;
}

/** The first word at i: a plain word, `\forall`, or the first of `\text{...}` (asked of every token: no list built). */
function firstWordAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i]!;
  if (t.kind === 'word') return t.text.toLowerCase();
  if (t.kind !== 'cmd') return undefined;
  if (t.text === 'forall') return 'forall';
  if (TEXT_COMMANDS.has(t.text) && tokens[i + 1]?.text === '{') {
    const first = tokens[i + 2];
    return first && first.text !== '}' ? first.text.toLowerCase() : undefined;
  }
  return undefined;
}

/** Just past the word firstWordAt found at i: a plain word, or the whole `\text{...}` it opens. */
function pastWord(tokens: readonly Token[], i: number): number {
  if (tokens[i]!.kind === 'word') return i + 1;
  let j = i + 2;
  while (j < tokens.length && tokens[j]!.text !== '}') j++;
  return j + 1;
}

function splitAt(tokens: readonly Token[], top: readonly boolean[], isSep: (t: Token, i: number) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (top[i] && isSep(t, i)) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

const isChar = (t: Token, c: string): boolean => t.kind === 'char' && t.text === c;

export function splitParts(all: Token[]): Parts {
  const tokens = all.filter((t) => t.kind !== 'eof');
  let top = topLevel(tokens);
  let definitions: Parts['definitions'] = [];
  const whereAt = findTop(tokens, top, (_, i) => firstWordAt(tokens, i) === 'where');
  let main = tokens;
  if (whereAt >= 0) {
    main = tokens.slice(0, whereAt);
    const rest = tokens.slice(pastWord(tokens, whereAt));
    const restTop = topLevel(rest);
    definitions = splitAt(rest, restTop, (t, i) => isChar(t, ',') || firstWordAt(rest, i) === 'and')
      .filter((d) => d.length)
      .map((d) => {
        const eq = findTop(d, topLevel(d), (t) => isChar(t, '='));
        return eq < 0 ? { name: d, value: [] } : { name: d.slice(0, eq), value: d.slice(eq + 1) };
      });
    top = topLevel(main);
  }
  let qualifier: Token[] | undefined;
  const cut = findTop(main, top, (t, i) => isChar(t, ',') || QUALIFIER_WORDS.has(firstWordAt(main, i) ?? ''));
  if (cut >= 0) {
    qualifier = main.slice(cut);
    main = main.slice(0, cut);
    top = top.slice(0, cut);
  }
  const sides = splitAt(main, top, (t) => isChar(t, '='));
  return { main: sides[sides.length - 1]!, droppedSides: sides.length - 1, ...(qualifier ? { qualifier } : {}), definitions };
}
