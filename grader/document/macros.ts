import { csEnd, groupEnd, readArg, skipSpace } from './scan.js';

/** A student's macro: `\newcommand{\by}{\mathbf{y}}`, `\def\R#1{...}`, `\DeclareMathOperator{\sm}{softmax}`. */
export interface Macro {
  readonly name: string;
  readonly params: number;
  /** The default of an optional first argument (`\newcommand{\x}[2][a]{...}`). */
  readonly optional?: string;
  readonly body: string;
  /** Where the definition stands, and its text. */
  readonly at: number;
  readonly latex: string;
}

const DEFINERS = /\\(newcommand|renewcommand|providecommand|def|DeclareMathOperator)(\*?)/g;

/** Every macro defined in `text` (comments already blanked), in document order; later ones win. */
export function collectMacros(text: string): Macro[] {
  const out: Macro[] = [];
  for (const m of text.matchAll(DEFINERS)) {
    const start = m.index;
    const after = start + m[0].length;
    if (/[A-Za-z]/.test(text[after] ?? '')) continue; // \definecolor, \newcommandx
    const macro = m[1] === 'def' ? readDef(text, after) : m[1] === 'DeclareMathOperator' ? readOperator(text, after) : readNew(text, after);
    if (macro) out.push({ ...macro, at: start, latex: text.slice(start, macro.end) });
  }
  return out;
}

type Read = Omit<Macro, 'at' | 'latex'> & { end: number };

function readName(text: string, i: number): { name: string; end: number } | undefined {
  const j = skipSpace(text, i);
  if (text[j] === '{') {
    const e = groupEnd(text, j);
    const inner = e < 0 ? '' : text.slice(j + 1, e - 1).trim();
    return /^\\[A-Za-z@]+$/.test(inner) ? { name: inner.slice(1), end: e } : undefined;
  }
  if (text[j] !== '\\') return undefined;
  const e = csEnd(text, j);
  return { name: text.slice(j + 1, e), end: e };
}

function readNew(text: string, i: number): Read | undefined {
  const name = readName(text, i);
  if (!name) return undefined;
  let j = skipSpace(text, name.end);
  let params = 0;
  let optional: string | undefined;
  if (text[j] === '[') {
    const e = groupEnd(text, j, '[', ']');
    params = Number(text.slice(j + 1, e - 1)) || 0;
    j = skipSpace(text, e);
    if (text[j] === '[') {
      const e2 = groupEnd(text, j, '[', ']');
      optional = text.slice(j + 1, e2 - 1);
      j = skipSpace(text, e2);
    }
  }
  const body = readArg(text, j);
  if (!body || params > 9) return undefined;
  return { name: name.name, params, ...(optional !== undefined ? { optional } : {}), body: body.value, end: body.end };
}

function readDef(text: string, i: number): Read | undefined {
  const j = skipSpace(text, i);
  if (text[j] !== '\\') return undefined;
  const e = csEnd(text, j);
  const open = text.indexOf('{', e);
  if (open < 0) return undefined;
  const pattern = text.slice(e, open);
  if (!/^(\s*#\d)*\s*$/.test(pattern)) return undefined; // delimited parameters: not ours to read
  const end = groupEnd(text, open);
  if (end < 0) return undefined;
  return { name: text.slice(j + 1, e), params: (pattern.match(/#/g) ?? []).length, body: text.slice(open + 1, end - 1), end };
}

function readOperator(text: string, i: number): Read | undefined {
  const name = readName(text, i);
  const body = name && readArg(text, name.end);
  if (!name || !body) return undefined;
  return { name: name.name, params: 0, body: `\\operatorname{${body.value}}`, end: body.end };
}

export interface ExpandLimits {
  /** Macro uses expanded, in all. */
  readonly uses: number;
  /** Characters of output. */
  readonly size: number;
}
export const EXPAND_LIMITS: ExpandLimits = { uses: 2000, size: 200_000 };

/** Expanded text; or the text as it was, and the macro being expanded when a limit stopped it. */
export interface Expanded {
  readonly text: string;
  readonly limited?: Macro;
}

/**
 * `latex` with the macros expanded, arguments substituted; rescanned so macros in a body expand
 * too. A loop (`\def\a{\a}`) or a blow-up stops at the limits: `limited` says so.
 */
export function expand(latex: string, macros: ReadonlyMap<string, Macro>, limits = EXPAND_LIMITS): Expanded {
  if (macros.size === 0 || !latex.includes('\\')) return { text: latex };
  let text = latex;
  let uses = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '\\') {
      i++;
      continue;
    }
    const e = csEnd(text, i);
    const macro = macros.get(text.slice(i + 1, e));
    if (!macro) {
      i = e;
      continue;
    }
    if (++uses > limits.uses || text.length > limits.size) return { text: latex, limited: macro };
    let j = e;
    const args: string[] = [];
    let n = macro.params;
    if (macro.optional !== undefined && n > 0) {
      const k = skipSpace(text, j);
      if (text[k] === '[') {
        const close = groupEnd(text, k, '[', ']');
        args.push(close < 0 ? macro.optional : text.slice(k + 1, close - 1));
        j = close < 0 ? j : close;
      } else args.push(macro.optional);
      n--;
    }
    for (; n > 0; n--) {
      const a = readArg(text, j);
      if (!a) break;
      args.push(a.value);
      j = a.end;
    }
    const body = macro.body.replace(/#(\d)/g, (_, d: string) => args[Number(d) - 1] ?? '');
    // braces keep `\x^2` meaning (\mathbf{x})^2; a space keeps `\a b` from fusing into `\ab`
    const glue = /[A-Za-z]$/.test(body) && /^[A-Za-z]/.test(text.slice(j)) ? ' ' : '';
    text = text.slice(0, i) + body + glue + text.slice(j);
  }
  return { text };
}
