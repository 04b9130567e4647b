import { DISPLAY_ENVS, type MathBlock } from './math.js';
import { collapse, csEnd, splitTop, topLevel } from './scan.js';

/** One side of a relation in a displayed chain, verbatim (whitespace collapsed), and where it starts. */
export interface Side {
  readonly latex: string;
  readonly at: number;
  /** It follows `\approx`, `\propto` or `\Rightarrow`: not equal to the side before, so it opens a new chain. */
  readonly opens: boolean;
}

export interface Chain {
  readonly sides: Side[];
  /** Index of the math block it comes from. */
  readonly block: number;
  /** Written with `:=` (or `\coloneqq`, `\triangleq`): a definition, not a derivation. */
  readonly def: boolean;
  /** Its first row began with `=`: it carries on the chain before it (`$= ...$` one line per step). */
  readonly continued: boolean;
}

type Rel = 'eq' | 'def' | 'open';
const REL_CS: Record<string, Rel> = {
  equiv: 'eq',
  approx: 'open',
  propto: 'open',
  simeq: 'open',
  Rightarrow: 'open',
  implies: 'open',
  Longrightarrow: 'open',
  iff: 'open',
  coloneqq: 'def',
  triangleq: 'def',
  doteq: 'def',
  eqqcolon: 'def',
};
const ROW_BREAK: Record<string, number> = { '\\\\': 2, '\\newline': 8, '\\cr': 3 };
/** Words at the start of a row that are not math. */
const LEAD = /^\s*(\\(because|therefore|Rightarrow|implies|Longrightarrow|text\{\s*(so|thus|hence|then|and)\s*\}|quad|qquad)(?![A-Za-z])\s*)+/;

/** `s` with `\tag{..}`, `\label{..}`, `\nonumber` blanked (same length, so offsets hold). */
export function blankTags(s: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return s.replace(/\\(?:tag\*?|label)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, blank).replace(/\\(?:nonumber|notag)(?![A-Za-z])/g, blank);
}

/** Blank the wrapper environments around the whole body (`\begin{aligned}...\end{aligned}`), repeatedly. */
function unwrap(s: string): string {
  for (let k = 0; k < 4; k++) {
    const m = /^\s*\\begin\s*\{([A-Za-z]+\*?)\}(\{\d+\})?/.exec(s);
    if (!m || !DISPLAY_ENVS.test(m[1]!)) return s;
    const endTag = `\\end{${m[1]}}`;
    const e = s.lastIndexOf(endTag);
    if (e < 0 || !/^[\s.,;]*$/.test(s.slice(e + endTag.length))) return s;
    s = ' '.repeat(m[0].length) + s.slice(m[0].length, e) + ' '.repeat(s.length - e);
  }
  return s;
}

/** Top-level relations of a row (outside braces, parentheses, `\left..\right`, cases and matrices). */
function relations(row: string, parens: boolean): { at: number; length: number; rel: Rel }[] {
  let depth = 0;
  const rels: { at: number; length: number; rel: Rel }[] = [];
  topLevel(row, (t, i) => {
    const c = t[i]!;
    if (parens && c === '(') depth++;
    else if (parens && c === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) return 0;
    if (c === '=' && !(i > 0 && '<>!=:'.includes(t[i - 1]!)) && t[i + 1] !== '=') {
      rels.push({ at: i, length: 1, rel: 'eq' });
      return 1;
    }
    if (c === ':' && t[i + 1] === '=') {
      rels.push({ at: i, length: 2, rel: 'def' });
      return 2;
    }
    if (c === '\\') {
      const e = csEnd(t, i);
      const rel = REL_CS[t.slice(i + 1, e)];
      if (rel) {
        rels.push({ at: i, length: e - i, rel });
        return e - i;
      }
    }
    return 0;
  });
  return rels;
}

/** The chains of one math block: rows split at `\\`, sides at each top-level `=`. */
export function chainsOf(block: MathBlock, index: number): Chain[] {
  const body = unwrap(blankTags(block.body));
  const rows = splitTop(body, (t, i) => {
    if (t[i] !== '\\') return 0;
    for (const [k, n] of Object.entries(ROW_BREAK))
      if (t.startsWith(k, i) && !/[A-Za-z]/.test(t[i + n] ?? '')) {
        const opt = t[i + n] === '[' ? t.indexOf(']', i + n) : -1; // `\\[2pt]`
        return opt > 0 && opt - i < 20 ? opt + 1 - i : n;
      }
    return 0;
  });
  const chains: { sides: Side[]; def: boolean; continued: boolean }[] = [];
  let current: { sides: Side[]; def: boolean; continued: boolean } | undefined;
  for (const row of rows) {
    let text = row.text;
    for (const amp of topLevel(text, (t, i) => (t[i] === '&' ? 1 : 0))) text = `${text.slice(0, amp.at)} ${text.slice(amp.at + 1)}`;
    const lead = LEAD.exec(text)?.[0].length ?? 0;
    const rowText = ' '.repeat(lead) + text.slice(lead);
    let rels = relations(rowText, true);
    if (!rels.length || !balanced(rowText)) rels = relations(rowText, false);
    const pieces: { text: string; at: number; rel?: Rel }[] = [];
    let from = 0;
    let rel: Rel | undefined;
    for (const r of rels) {
      pieces.push({ text: rowText.slice(from, r.at), at: from, ...(rel ? { rel } : {}) });
      rel = r.rel;
      from = r.at + r.length;
    }
    pieces.push({ text: rowText.slice(from), at: from, ...(rel ? { rel } : {}) });
    const side = (p: { text: string; at: number; rel?: Rel }): Side => ({
      latex: collapse(p.text),
      at: block.at + row.at + p.at + (p.text.length - p.text.trimStart().length),
      opens: p.rel === 'open',
    });
    if (!collapse(pieces[0]!.text) && pieces.length > 1) {
      // a row that starts with `=` carries on the chain above it
      if (!current) {
        current = { sides: [], def: false, continued: true };
        chains.push(current);
      }
      for (const p of pieces.slice(1)) if (collapse(p.text)) current.sides.push(side(p));
      continue;
    }
    if (pieces.length === 1) {
      const t = collapse(pieces[0]!.text);
      if (!t) continue;
      const last = current?.sides[current.sides.length - 1];
      if (current && last && (/^[-+]|^\\(cdot|times)/.test(t) || /[-+]$|\\(cdot|times)$/.test(last.latex))) {
        current.sides[current.sides.length - 1] = { ...last, latex: `${last.latex} ${t}` }; // one side broken over rows
        continue;
      }
    }
    current = { sides: pieces.filter((p) => collapse(p.text)).map(side), def: pieces[1]?.rel === 'def', continued: false };
    if (current.sides.length) chains.push(current);
  }
  return chains.map((c) => ({ ...c, block: index, sides: c.sides.map(trimPunct) }));
}

function balanced(s: string): boolean {
  let d = 0;
  for (const c of s) {
    if (c === '(') d++;
    else if (c === ')' && --d < 0) return false;
  }
  return d === 0;
}

const trimPunct = (s: Side): Side => ({ ...s, latex: s.latex.replace(/(\s|[.,;]|\\[,;!]|~)+$/, '') });
