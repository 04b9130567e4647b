/**
 * LaTeX rewriting before a step is read, with a brace-aware scanner and no change to expr/:
 * unevaluated derivatives (`\frac{\partial J}{\partial v_c}`, `\partial J / \partial v_c`,
 * `\frac{d}{dx}(...)`, `\nabla_{v_c} J`) become fresh names the step checker binds to their
 * value, and a student's own functions (`\rho(x) = ...`) are expanded where they are applied.
 */

import { courseSpellings } from './steps-spelling.js';

/** An unevaluated derivative found in a side: d(of)/d(wrt), both LaTeX. */
export interface DerivativeForm {
  /** The fresh name it was replaced by (as read: `zdA`). */
  readonly name: string;
  readonly of: string;
  readonly wrt: string;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Index just past the group opening at `i` (`{..}`, `(..)`, `[..]`, `\left(..\right)`), or -1. */
export function groupEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j]!;
    if (ch === '\\') {
      // `\{` and `\}` are brackets too; other commands are skipped whole.
      if (s[j + 1] === '{' || s[j + 1] === '}') {
        depth += s[j + 1] === '{' ? 1 : -1;
        j++;
        if (depth === 0) return j + 1;
        continue;
      }
      const m = /^\\[a-zA-Z]+/.exec(s.slice(j, j + 40));
      if (m) j += m[0].length - 1;
      else j++;
      continue;
    }
    if (ch in OPEN) depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return j + 1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

const skipSpace = (s: string, i: number): number => {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
};

/** A bracketed operand's power or prime goes with it: `\\frac{d}{dx}(1+e^{-x})^{-1}`. */
function withScripts(s: string, end: number): number {
  let j = end;
  for (let k = skipSpace(s, j); s[k] === '^' || s[k] === "'"; k = skipSpace(s, j)) {
    if (s[k] === "'") {
      j = k + 1;
      continue;
    }
    const a = skipSpace(s, k + 1);
    const e = s[a] === '{' ? groupEnd(s, a) : s[a] === '\\' ? a + (/^\\[a-zA-Z]+/.exec(s.slice(a))?.[0].length ?? 1) : a + 1;
    if (e < 0 || e > s.length) break;
    j = e;
  }
  return j;
}

/** The operand an operator like `\frac{\partial}{\partial x}` applies to: a bracketed group, else the term up to a top-level `+`, `-` or `=`. */
function operandEnd(s: string, i: number): number {
  const left = /^\\left\s*(\\\{|[([])/.exec(s.slice(i));
  if (left) {
    const end = groupEnd(s, i + left[0].length - left[1]!.length);
    const right = end < 0 ? -1 : s.slice(0, end).lastIndexOf('\\right');
    return end < 0 || right < i ? -1 : withScripts(s, end);
  }
  if (s[i] && '([{'.includes(s[i])) {
    const end = groupEnd(s, i);
    return end < 0 ? -1 : withScripts(s, end);
  }
  let j = i;
  for (let first = true; j < s.length; first = false) {
    const ch = s[j]!;
    if (!first && (ch === '+' || ch === '-' || ch === '=')) break;
    if (ch === '{' || ch === '(' || ch === '[') {
      const e = groupEnd(s, j);
      if (e < 0) return -1;
      j = e;
    } else if (ch === ')' || ch === ']' || ch === '}') break;
    else j++;
  }
  return j;
}

/** A variable as written in a denominator: `v_c`, `\mathbf{v}_c`, `\boldsymbol{u}_{w}`, `U`, `\theta`. */
function variableEnd(s: string, i: number): number {
  let j = skipSpace(s, i);
  const cmd = /^\\[a-zA-Z]+/.exec(s.slice(j));
  if (cmd) {
    j += cmd[0].length;
    j = skipSpace(s, j);
    while (s[j] === '{') j = groupEnd(s, j) < 0 ? s.length : groupEnd(s, j);
  } else if (/[a-zA-Z]/.test(s[j] ?? '')) j++;
  else return -1;
  j = skipSpace(s, j);
  if (s[j] === '_') {
    j = skipSpace(s, j + 1);
    if (s[j] === '{') j = groupEnd(s, j);
    else if (s[j] === '\\') j += /^\\[a-zA-Z]+/.exec(s.slice(j))?.[0].length ?? 1;
    else j++;
  }
  return j;
}

const DIFF = /^\s*(?:\\partial(?![a-zA-Z])|\\mathrm\s*\{\s*d\s*\}|\\mathrm\s+d(?![a-zA-Z])|\\operatorname\{d\}|d)\s*/;
const fresh = (n: number): string => `zd${String.fromCharCode(65 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}`;

/** Replaces every unevaluated derivative in `latex` by `\mathrm{zdA}`, `\mathrm{zdB}`, ...; unmatched forms are left as written. */
export function findDerivatives(latex: string): { latex: string; forms: DerivativeForm[] } {
  const forms: DerivativeForm[] = [];
  let out = '';
  let i = 0;
  const emit = (of: string, wrt: string, end: number): void => {
    const name = fresh(forms.length);
    forms.push({ name, of: of.trim(), wrt: wrt.trim() });
    out += ` \\mathrm{${name}} `;
    i = end;
  };
  while (i < latex.length && forms.length < 64) {
    const rest = latex.slice(i);
    const frac = /^\\[dt]?frac\s*(?=\{)/.exec(rest);
    if (frac) {
      const a = i + frac[0].length;
      const aEnd = groupEnd(latex, a);
      const bStart = aEnd < 0 ? -1 : skipSpace(latex, aEnd);
      const bEnd = bStart < 0 || latex[bStart] !== '{' ? -1 : groupEnd(latex, bStart);
      if (bEnd > 0) {
        const num = latex.slice(a + 1, aEnd - 1);
        const den = latex.slice(bStart + 1, bEnd - 1);
        const n = DIFF.exec(num);
        const d = DIFF.exec(den);
        if (n && d && !/^\s*$/.test(den.slice(d[0].length))) {
          const of = num.slice(n[0].length);
          if (of.trim()) {
            emit(of, den.slice(d[0].length), bEnd);
            continue;
          }
          const from = skipSpace(latex, bEnd);
          const end = operandEnd(latex, from);
          if (end > from) {
            emit(latex.slice(from, end), den.slice(d[0].length), end);
            continue;
          }
        }
      }
    }
    const slash = /^\\partial(?![a-zA-Z])/.exec(rest);
    if (slash) {
      // `\partial J / \partial v_c`: the numerator runs to a top-level `/`.
      let j = i + slash[0].length;
      for (; j < latex.length && latex[j] !== '/' && latex[j] !== '=';) {
        if ('{(['.includes(latex[j]!)) {
          const e = groupEnd(latex, j);
          if (e < 0) break;
          j = e;
        } else j++;
      }
      const p = latex[j] === '/' ? /^\/\s*\\partial(?![a-zA-Z])/.exec(latex.slice(j)) : null;
      const vEnd = p ? variableEnd(latex, j + p[0].length) : -1;
      if (p && vEnd > 0) {
        emit(latex.slice(i + slash[0].length, j), latex.slice(j + p[0].length, vEnd), vEnd);
        continue;
      }
    }
    const nabla = /^\\nabla\s*_\s*/.exec(rest);
    if (nabla) {
      const a = i + nabla[0].length;
      const wEnd = latex[a] === '{' ? groupEnd(latex, a) : variableEnd(latex, a);
      const from = wEnd < 0 ? -1 : skipSpace(latex, wEnd);
      const end = from < 0 ? -1 : operandEnd(latex, from);
      if (end > from) {
        const wrt = latex.slice(a, wEnd);
        emit(latex.slice(from, end), wrt.startsWith('{') ? wrt.slice(1, -1) : wrt, end);
        continue;
      }
    }
    const cmd = /^\\[a-zA-Z]+/.exec(rest);
    const step = cmd ? cmd[0].length : 1;
    out += latex.slice(i, i + step);
    i += step;
  }
  return { latex: out + latex.slice(i), forms };
}

/**
 * Whether a numerator names the loss: `J`, `L`, `\mathcal{L}`, `\mathbf{J}`, `\bm J`, `J_{neg}`,
 * `J_\textrm{skip-gram}`, `{J}`, with or without arguments `(v_c, o, U)`.
 */
export function isLossName(latex: string): boolean {
  let s = latex.replace(/\\(?:text|textrm|mathrm|operatorname)\s*\{[^{}]*\}/g, '');
  s = s.replace(/\\(?:mathbf|boldsymbol|bm|mathcal|mathit|displaystyle)(?![a-zA-Z])/g, '').replace(/[{}\s]/g, '');
  s = s.replace(/^(CE|[A-Za-z])_[^(]*/, '$1').replace(/^(CE|[A-Za-z])(?:\\left)?\(.*\)$/, '$1');
  return s === 'J' || s === 'L' || s === 'CE';
}

/**
 * Spellings students use that the reader does not take, rewritten to ones it does: `u^T_k` (the
 * transpose before the index) as `u_k^T`, `\sigma^\prime` as `\sigma'`, a condition in an index
 * (`u_{w=o}` is `u_o`, `\hat y_{w \neq o}` is `\hat y_w`), the vocabulary spelled out in a sum.
 */
const LETTER = String.raw`(?:\\mathbf\s*\{\s*([A-Za-z])\s*\}|([A-Za-z]))`;
const CONDITION_INDEX = new RegExp(String.raw`_\s*\{\s*${LETTER}\s*(=|\\neq?|\\not\s*=)\s*${LETTER}\s*\}`, 'g');

export function normalizeSide(latex: string): string {
  return courseSpellings(latex)
    .replace(/\{\s*\}(?=\s*[\^_])/g, '')
    .replace(/\^\s*\{?\\prime\}?/g, "'")
    .replace(/\\(sigma|sigmoid)\s*\(([^()]*)\)\s*'/g, "\\$1'($2)")
    .replace(
      /\^\s*(\{\s*(?:T|\\top|\\intercal|\\mathsf\{T\}|\\mathrm\{T\})\s*\}|T(?![a-zA-Z])|\\top(?![a-zA-Z])|\\intercal)\s*_\s*(\{[^{}]*\}|[A-Za-z0-9])/g,
      '_$2^$1',
    )
    .replace(CONDITION_INDEX, (_, a1, a2, op, b1, b2) => `_{${op === '=' ? (b1 ?? b2) : (a1 ?? a2)}}`)
    .replace(/\\Sigma(?=\s*_)/g, '\\sum')
    .replace(/\\(?:mathrm|operatorname|text|textrm|mathit)\s*\{\s*[Vv]\s*o\s*c\s*a\s*b\s*\}|V\s*o\s*c\s*a\s*b|V\s*\\text\s*\{\s*ocab\s*\}/g, '\\textrm{Vocab}');
}

/** A student's function: `\rho(x) = \frac{1}{1+e^{-x}}` as name `\rho`, params `[x]`, value. */
export interface UserFunction {
  readonly name: string;
  readonly params: readonly string[];
  readonly value: string;
}

/** Expands each application `\rho(arg)` of a student's function into its value with the parameters replaced (bounded). */
export function expandFunctions(latex: string, fns: readonly UserFunction[]): string {
  let s = latex;
  for (let round = 0; round < 4 && fns.length; round++) {
    let changed = false;
    for (const f of fns) {
      const re = new RegExp(`${f.name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(?![a-zA-Z])\\s*(\\\\left\\s*)?\\(`, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) && s.length < 20_000) {
        const open = m.index + m[0].length - 1;
        const end = groupEnd(s, open);
        if (end < 0) break;
        let inner = s.slice(open + 1, end - 1);
        if (m[1]) inner = inner.replace(/\\right\s*$/, '');
        const args = f.params.length > 1 ? inner.split(',') : [inner];
        let body = f.value;
        f.params.forEach((p, k) => {
          body = body.replace(new RegExp(`(?<![\\\\a-zA-Z])${p.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(?![a-zA-Z])`, 'g'), `(${args[k] ?? ''})`);
        });
        s = `${s.slice(0, m.index)}\\left(${body}\\right)${s.slice(end)}`;
        re.lastIndex = m.index + body.length;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return s;
}
