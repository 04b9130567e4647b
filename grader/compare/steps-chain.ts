/**
 * Chain-rule writing, rewritten before a side is valued: a product of derivatives whose inner
 * variables cancel (`\frac{\partial J}{\partial \theta}\frac{\partial \theta}{\partial v_c}`, in
 * either order, any length) is the derivative of the outer numerator by the outer variable; a sum
 * over the skip-gram window of the per-pair loss's derivative (`\sum_{-m \le j \le m, j \ne 0}
 * \frac{\partial J(v_c, w_{t+j}, U)}{\partial U}`) is the derivative of the window's loss.
 */
import { fail } from '../core/index.js';
import { findDerivatives, groupEnd, isLossName, type DerivativeForm } from './steps-latex.js';

/** A variable or numerator as a key: `\mathbf{v}_c`, `\bm{v_c}`, `{(U^Tv_c)}` all read `v_c`, `U^Tv_c`. */
export function variableKey(latex: string): string {
  let s = latex
    .replace(/\\(?:mathbf|bm|boldsymbol|mathrm|mathit|vec|left|right|,|;|!)(?![a-zA-Z])/g, '')
    .replace(/\\top(?![a-zA-Z])|\\intercal(?![a-zA-Z])/g, 'T')
    .replace(/[{}\s]/g, '');
  while (/^\(.*\)$/.test(s) && !/\)\(/.test(s.slice(1, -1))) s = s.slice(1, -1);
  return s;
}

const TOKEN = String.raw`\\mathrm\{(zd[A-Za-z]+\d*)\}`;
// A factor, perhaps bracketed and transposed (`\left(\frac{\partial \theta}{\partial v_c}\right)^T`): in a
// chain-rule product a transpose is a layout, and the product's value is the derivative either way.
const FACTOR = String.raw`(?:(?:\\left\s*)?\(\s*${TOKEN}\s*(?:\\right\s*)?\)|${TOKEN})(?:\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal))?`;
const PAIR = new RegExp(String.raw`${FACTOR}\s*(?:\\cdot|\\times|\*)?\s*${FACTOR}`);

/**
 * Merges adjacent derivatives `d a / d x` and `d x / d b` (or the reverse order, the denominator
 * layout) into `d a / d b`. The merged form takes a new name; the forms merged away are dropped.
 */
export function telescope(latex: string, forms: readonly DerivativeForm[]): { latex: string; forms: DerivativeForm[] } {
  let out = latex;
  const live = new Map(forms.map((f) => [f.name, f]));
  let n = forms.length;
  for (let from = 0, round = 0; round < 64; round++) {
    const m = PAIR.exec(out.slice(from));
    if (!m) break;
    const at = from + m.index;
    const [x, y] = [m[1] ?? m[2], m[3] ?? m[4]];
    const a = live.get(x!),
      b = live.get(y!);
    const merged =
      !a || !b
        ? undefined
        : variableKey(a.wrt) === variableKey(b.of)
          ? { of: a.of, wrt: b.wrt }
          : variableKey(b.wrt) === variableKey(a.of)
            ? { of: b.of, wrt: a.wrt }
            : undefined;
    if (!merged) {
      // Not a chain: look on from the second of the two.
      from = at + m[0].indexOf(`{${x!}}`) + x!.length + 2;
      continue;
    }
    const name = `zdm${n++}`;
    live.delete(a!.name);
    live.delete(b!.name);
    live.set(name, { name, ...merged });
    out = `${out.slice(0, at)} \\mathrm{${name}} ${out.slice(at + m[0].length)}`;
  }
  return { latex: out, forms: [...live.values()] };
}

/** `\sum_{-m \le j \le m, j \neq 0}`, `\sum_{\substack{-m \leq j \leq m \\ j \ne 0}}`: a sum over the window, and its index. */
function windowIndex(sub: string): string | undefined {
  const s = sub.replace(/\\substack|\\\\|[{}\s]/g, '');
  const m = /^-m(?:\\le(?:q)?|<=|<)([a-z])(?:\\le(?:q)?|<=|<)m,?\1(?:\\neq?|\\not=|!=)0$/.exec(s);
  return m?.[1];
}

/**
 * A whole side that sums the per-pair loss's derivative over the window: the derivative of the
 * question's loss, when that loss is the window's sum (`windowLoss`, checked by the caller).
 */
export function windowSum(latex: string, forms: readonly DerivativeForm[]): { latex: string; forms: DerivativeForm[] } | undefined {
  const m = new RegExp(String.raw`^\s*\\sum\s*_\s*(\{)`).exec(latex);
  if (!m) return undefined;
  let depth = 0,
    end = -1;
  for (let i = m[0].length - 1; i < latex.length; i++) {
    if (latex[i] === '{') depth++;
    else if (latex[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const index = windowIndex(latex.slice(m[0].length, end));
  const body = new RegExp(`^\\s*${TOKEN}\\s*$`).exec(latex.slice(end + 1));
  const f = body ? forms.find((x) => x.name === body[1]) : undefined;
  if (!index || !f || !isLossName(f.of)) return undefined;
  // The per-pair loss of the window's j-th word: its arguments name the index (`w_{t+j}`).
  const args = /\((.*)\)\s*$/.exec(f.of.replace(/\\(?:left|right)/g, ''))?.[1] ?? '';
  if (!new RegExp(`(?<![A-Za-z\\\\])${index}(?![A-Za-z])`).test(args)) return undefined;
  return { latex: ` \\mathrm{${f.name}} `, forms: [{ ...f, of: 'J' }] };
}

/** Index just past a `\sum` header (`\sum_{k=1}^{K}`, `\sum_k`, `\sum\limits_{...}`) starting at `i`, or -1. */
function sumHeaderEnd(s: string, i: number): number {
  const m = /^\\sum(?:\\limits)?\s*/.exec(s.slice(i));
  if (!m) return -1;
  let j = i + m[0].length;
  for (const mark of ['_', '^']) {
    const k = j + /^\s*/.exec(s.slice(j))![0].length;
    if (s[k] !== mark) continue;
    const a = k + 1 + /^\s*/.exec(s.slice(k + 1))![0].length;
    j = s[a] === '{' ? groupEnd(s, a) : s[a] === '\\' ? a + (/^\\[a-zA-Z]+/.exec(s.slice(a))?.[0].length ?? 1) : a + 1;
    if (j < 0) return -1;
  }
  return j;
}

/** The end of a summand: the next `+`, `-` or `=` outside brackets (the convention for `\sum`). */
function summandEnd(s: string, i: number): number {
  for (let j = i; j < s.length; j++) {
    const ch = s[j]!;
    if (ch === '\\') j += (/^\\[a-zA-Z]+|^\\./.exec(s.slice(j))?.[0].length ?? 1) - 1;
    else if ('([{'.includes(ch)) {
      const e = groupEnd(s, j);
      if (e < 0) return -1;
      j = e - 1;
    } else if (')]}'.includes(ch) || (j > i && '+-='.includes(ch))) return j;
  }
  return s.length;
}

/** A chain-rule product summed over the index of its inner variable (`\sum_w \frac{\partial J}{\partial \theta_w}\frac{\partial \theta_w}{\partial v_c}`): the derivative it adds up to, or why it is not one. */
function summedChain(header: string, inner: { latex: string; forms: DerivativeForm[] }): string | undefined {
  const t = telescope(inner.latex, inner.forms);
  if (t.forms.length >= inner.forms.length) return undefined;
  const merged = t.forms.find((f) => !inner.forms.includes(f));
  const index = /^\\sum(?:\\limits)?\s*_\s*\{?\s*([A-Za-z])/.exec(header)?.[1];
  const cancelled = inner.forms.filter((f) => !t.forms.includes(f)).flatMap((f) => [f.of, f.wrt]);
  const onIndex = !!index && cancelled.some((v) => new RegExp(`_\\s*\\{?[^{}]*(?<![A-Za-z\\\\])${index}(?![A-Za-z])`).test(v));
  if (t.forms.length === 1 && merged && /^\s*\\mathrm\{zd[A-Za-z]+\d*\}\s*$/.test(t.latex) && onIndex)
    return `\\frac{\\partial ${merged.of}}{\\partial ${merged.wrt}}`;
  // Merged without the sum being the contraction: the product's value is not the summand's.
  return fail('STEP_UNREADABLE', { detail: 'a chain-rule product summed over an index its inner variable does not carry' });
}

/**
 * A sum whose summand is one derivative (`\sum_{k=1}^{K} \frac{\partial \log \sigma(-u_k^T v_c)}{\partial v_c}`)
 * is the derivative of the sum, so that the summand's index is bound where it is read; a sum over
 * the index of a chain-rule product's inner variable is the derivative the product adds up to.
 * Throws InputError for a chain-rule product summed otherwise (its reading would be a guess).
 */
export function sumsOfDerivatives(latex: string): string {
  let out = '';
  let i = 0;
  for (let guard = 0; guard < 64; guard++) {
    const at = latex.indexOf('\\sum', i);
    if (at < 0) break;
    const head = sumHeaderEnd(latex, at);
    const end = head < 0 ? -1 : summandEnd(latex, head);
    const inner = end < 0 ? undefined : findDerivatives(latex.slice(head, end));
    // The per-pair loss of a window sum is left to windowSum.
    const f = inner?.forms.length === 1 && /^\s*\\mathrm\{zdA\}\s*$/.test(inner.latex) && !isLossName(inner.forms[0]!.of) ? inner.forms[0]! : undefined;
    const chain = inner && !f && inner.forms.length > 1 ? summedChain(latex.slice(at, head), inner) : undefined;
    if (chain) {
      out += `${latex.slice(i, at)} ${chain} `;
      i = end;
      continue;
    }
    if (!f) {
      out += latex.slice(i, at + 4);
      i = at + 4;
      continue;
    }
    out += `${latex.slice(i, at)}\\frac{\\partial}{\\partial ${f.wrt}}\\left(${latex.slice(at, head)} \\left(${f.of}\\right)\\right)`;
    i = end;
  }
  return out + latex.slice(i);
}
