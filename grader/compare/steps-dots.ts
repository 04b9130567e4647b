/**
 * A sum written out with dots (`-[y_1 \log \hat y_1 + \cdots + y_o \log \hat y_o + \cdots]`): when
 * the terms around the dots are one pattern whose subscripts vary together, it is read as the sum
 * of that pattern over an index of the question. The reading is a guess: it can make a step
 * equal to the one before, never wrong (steps-read.ts marks it so).
 */
import { groupEnd } from './steps-latex.js';

const DOTS = /^\\(?:cdots|ldots|dots|dotsb|dotsc|vdots)(?![a-zA-Z])$/;
const SUB = /_\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\[a-zA-Z]+|[A-Za-z0-9])/g;

interface Term {
  readonly sign: string;
  readonly text: string;
}

/** The top-level terms of `s` with their signs, or undefined when brackets do not balance. */
function terms(s: string): Term[] | undefined {
  const out: Term[] = [];
  let sign = '+',
    start = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      const cmd = /^\\[a-zA-Z]+|^\\./.exec(s.slice(i))![0];
      if (cmd === '\\left' || cmd === '\\{') {
        const end = groupEnd(s, i);
        if (end < 0) return undefined;
        i = end - 1;
      } else i += cmd.length - 1;
      continue;
    }
    if (ch !== undefined && '([{'.includes(ch)) {
      const end = groupEnd(s, i);
      if (end < 0) return undefined;
      i = end - 1;
      continue;
    }
    if (ch === undefined || ch === '+' || ch === '-') {
      const text = s.slice(start, i).trim();
      if (text) {
        out.push({ sign, text });
        sign = ch ?? '+';
      } else if (ch === '-') sign = sign === '-' ? '+' : '-';
      start = i + 1;
    }
  }
  return out;
}

/** The subscripts of a term as plain tokens (`{|V|}`, `{\mathbf{w}}` read `V`, `w`), and its skeleton. */
function subscripts(text: string): { tokens: string[]; skeleton: string } {
  const tokens: string[] = [];
  const skeleton = text.replace(SUB, (_, t: string) => {
    tokens.push(t.replace(/\\(?:mathbf|bm|boldsymbol|mathrm)(?![a-zA-Z])|[{}|\s]/g, ''));
    return '_#';
  });
  return { tokens, skeleton };
}

/** Strips a leading sign and one bracket around the whole: `-\left( ... \right)`, `-[ ... ]`. */
function unwrap(latex: string): { sign: string; inner: string } {
  const s = latex.trim();
  const sign = /^[-+]/.test(s) ? s[0]! : '';
  const t = s.slice(sign.length).trim();
  const left = /^\\left\s*(\\\{|[([])/.exec(t);
  const open = left ? left[0].length - left[1]!.length : 0;
  if (left || /^[([]/.test(t)) {
    const end = groupEnd(t, open);
    if (end === t.length) return { sign, inner: t.slice(open + (left ? left[1]!.length : 1), end - 1).replace(/\\right\s*$/, '') };
  }
  return { sign: '', inner: s };
}

/** Readings of a side written with dots, one per candidate index letter; none when it is not one pattern. */
export function dotsReadings(latex: string, indices: readonly string[]): string[] {
  const { sign, inner } = unwrap(latex);
  const all = terms(inner);
  if (!all || !all.some((t) => DOTS.test(t.text))) return [];
  const kept = all.filter((t) => !DOTS.test(t.text));
  if (kept.length < 2 || kept.some((t) => t.sign !== kept[0]!.sign)) return [];
  const subs = kept.map((t) => subscripts(t.text));
  const first = subs[0]!;
  if (!first.tokens.length || subs.some((s) => s.skeleton !== first.skeleton || s.tokens.length !== first.tokens.length)) return [];
  // The positions whose token changes from term to term are the index; in each term they agree.
  const varying = first.tokens.map((_, p) => subs.some((s) => s.tokens[p] !== first.tokens[p]));
  if (!varying.some(Boolean)) return [];
  if (subs.some((s) => new Set(s.tokens.filter((_, p) => varying[p])).size !== 1)) return [];
  return indices.map((letter) => {
    let p = 0;
    const body = kept[0]!.text.replace(SUB, (m) => (varying[p++] ? `_{${letter}}` : m));
    return `${sign}\\left(${kept[0]!.sign === '-' ? '-' : ''}\\sum_{${letter}} ${body}\\right)`;
  });
}
