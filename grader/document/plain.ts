import type { MathBlock } from './math.js';
import { quantityOf } from './names.js';

/**
 * Math written without `$` in Markdown, as handwritten work is transcribed: `dJ/dv_c = U(ŷ − y)`,
 * `= -u_o + Σ_w ŷ_w u_w` on the next line, `σ'(x) = σ(x)(1 − σ(x)) where ...`. A line counts when,
 * once its part label and a leading "so"/"thus" are set aside, it holds an `=` between two
 * non-empty sides written in symbols, not words; the prose after it (`where ...`) is left out.
 */

/** Words that may stand in plain math: function names, and the letters students use for names. */
const MATH_WORDS = new Set(
  'sigma sigmoid exp log ln tanh softmax sum prod max min theta alpha beta delta lambda nabla partial hat tilde bar diag relu yhat vec vocab argmax argmin det trace norm'.split(
    ' ',
  ),
);
const LEAD =
  /^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*[^*]{1,40}\*\*\s*|\(?[a-h]\)\s*[:.]?\s*|[a-h]\.\s+|\d{1,2}\s*\(?[a-h]\)\s*[:.]?\s*)?(?:(?:so|thus|hence|then|therefore|and|i\.e\.|=>|⇒|→)[\s,:]+)*/i;
const SHORT = '(?:as|we|is|so|in|on|of|to|by|if|or|it|be|at|an|i\\.e\\.)';
const SHORT_LEAD = new RegExp(`^(?:\\s*${SHORT}(?=\\s))+`, 'i');
const SHORT_TAIL = new RegExp(`(?:\\s+${SHORT})+\\s*$`, 'i');
const CONDITION = /^(?:(?:case\s*)?\d{0,2}\s*[:.,]?\s*)?([A-Za-z]\s*(?:=|≠|!=|\\neq?(?![A-Za-z]))\s*[A-Za-z0-9])(?![\w(^])\s*(?:[:,]\s*|$)/i;
/** `**Final answer:** U(ŷ − y)`: the answer after its label. */
const ANSWER = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:final\s+)?(?:answer|result)\s*:?\s*(?:\*\*|__)?\s*:?\s*(\S.*)$/i;
/** Where prose starts after the math: a word of three letters or more that is not a math word. */
const WORD = /[A-Za-z]{3,}/g;

function isProseWord(w: string): boolean {
  return !MATH_WORDS.has(w.toLowerCase()) && !/^(hat|tilde)$/.test(w) && !/^[a-z]hat$/i.test(w);
}

/** The plain-math lines of `text` (Markdown with code, comments and `$` math already known): as display blocks. */
export function plainMath(text: string, blocks: readonly MathBlock[]): MathBlock[] {
  const out: MathBlock[] = [];
  let b = 0;
  let at = 0;
  let pending: MathBlock | undefined;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    while (b < blocks.length && blocks[b]!.end <= start) b++;
    // a line that touches `$` math, a heading, a table or HTML is not plain math
    if (line.length > 400 || (b < blocks.length && blocks[b]!.start < start + line.length)) continue;
    if (/^\s{0,3}#|^\s*\||^\s*<|^\s*>|`|:\/\/|\]\(/.test(line)) continue;
    const lead = LEAD.exec(line)?.[0].length ?? 0;
    const answer = ANSWER.exec(line);
    if (
      answer &&
      !line.includes('=') &&
      symbolic(answer[1]!) &&
      ![...answer[1]!.matchAll(WORD)].some((m) => isProseWord(m[0]) && !/[A-Za-z_\\]/.test(answer[1]![m.index - 1] ?? ''))
    ) {
      // `Answer: U(ŷ − y)`: a final without a left-hand side
      const body = answer[1]!.replace(/[\s,;:.]+$/, '');
      const offset = start + line.length - answer[1]!.length;
      out.push({ body, at: offset, start: offset, end: offset + body.length, display: true });
      continue;
    }
    if (!/=|≠|!=|\\neq?(?![A-Za-z])/.test(line)) {
      // `dJ/dv_c` alone on its line, the `= ...` steps below it
      const lhs = line.slice(lead).replace(/[\s:]+$/, '');
      pending =
        lhs.length <= 60 && /\S/.test(lhs) && quantityOf(lhs)
          ? { body: lhs, at: start + lead, start: start + lead, end: start + lead + lhs.length, display: true }
          : pending && !/\S/.test(line)
            ? pending
            : undefined;
      continue;
    }
    if (pending && /^\s*=/.test(line.slice(lead))) out.push(pending);
    pending = undefined;
    const rest = line.slice(lead);
    // words split the line into pieces of math (`Let θ = Uᵀv_c. Then ŷ = softmax(θ)`): each with an `=` is a display
    let from = 0;
    const cut = (to: number, afterWords: boolean) => {
      // short words beside the long ones (`is`, `as we`) are prose too
      const raw = rest.slice(from, to).replace(SHORT_LEAD, (m) => ' '.repeat(m.length));
      let body = raw
        .replace(SHORT_TAIL, '')
        .replace(/[\s,;:.]+$/, '')
        .trimStart();
      let offset = start + lead + from + (raw.length - raw.trimStart().length);
      // `w = o: dJ/du_w = ...`, `for w ≠ o`: a case condition, kept as inline math beside its display
      const cond = CONDITION.exec(body);
      if (cond) {
        const at = offset + cond.index + cond[0].indexOf(cond[1]!);
        out.push({ body: cond[1]!, at, start: at, end: at + cond[1]!.length, display: false });
        offset += cond[0].length;
        body = body.slice(cond[0].length);
      }
      const e = body.indexOf('=');
      // `the gradient is = ...`: a left-hand side in words is not a step
      if (e < 0 || (afterWords && !/\S/.test(body.slice(0, e))) || !/\S/.test(body.slice(e + 1)) || !symbolic(body)) return;
      out.push({ body, at: offset, start: offset, end: offset + body.length, display: true });
    };
    for (const m of rest.matchAll(WORD)) {
      if (!isProseWord(m[0]) || (m.index > 0 && /[A-Za-z_\\]/.test(rest[m.index - 1]!))) continue;
      cut(m.index, from > 0);
      from = m.index + m[0].length;
    }
    cut(rest.length, from > 0);
  }
  return out;
}

/** Written in symbols: an index, a power, a fraction, a Greek or operator character, or a function's parentheses. */
function symbolic(s: string): boolean {
  return /[_^/∂∇Σ∑σθŷỹ·×−ᵀ⊤]|[A-Za-z]\s*\(|\)\s*[A-Za-z(]/.test(s) || /^\s*=?\s*[-+]?\s*[A-Za-z0-9]{1,3}\s*[-+*=]/.test(s);
}
