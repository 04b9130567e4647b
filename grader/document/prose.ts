import { collapse, csEnd, readArg, topLevel } from './scan.js';

/**
 * What is set aside when a side is read or taken as the final: wrappers (`\boxed{x}` → x),
 * sizes, and the prose students write after an answer.
 */

/** Commands set aside when reading a side: wrappers whose argument is the math (`\boxed{x}` → x). */
const KEEP_ARG = /^(boxed|cancel|bcancel|xcancel|cancelto|overbrace|underbrace|color|textcolor)$/;
const DROP = /^(displaystyle|textstyle|scriptstyle|normalsize|small|large|Large|big|Big|bigg|Bigg|bigl|bigr|Bigl|Bigr|biggl|biggr)$/;

/** The side as it is read: wrappers unwrapped (`\boxed`, `\underbrace{..}_{..}` → its braced part), sizes dropped. */
export function setAside(latex: string): string {
  let out = '';
  let i = 0;
  let guard = 0;
  while (i < latex.length && guard++ < 100_000) {
    if (latex[i] !== '\\') {
      out += latex[i++];
      continue;
    }
    const e = csEnd(latex, i);
    const name = latex.slice(i + 1, e);
    if (DROP.test(name) && name.length > 1) {
      i = e;
      continue;
    }
    if (KEEP_ARG.test(name)) {
      let j = e;
      if (name === 'color' || name === 'textcolor' || name === 'cancelto') j = readArg(latex, j)?.end ?? j; // the colour, the target
      const arg = readArg(latex, j);
      if (!arg) {
        i = e;
        continue;
      }
      let end = arg.end;
      if (name === 'underbrace' || name === 'overbrace') {
        const m = /^\s*[_^]/.exec(latex.slice(end));
        if (m) end = readArg(latex, end + m[0].length)?.end ?? end;
      }
      out += /[_^]\s*$/.test(out) ? `{${arg.value}}` : arg.value;
      i = end;
      continue;
    }
    out += latex.slice(i, e);
    i = e;
  }
  return collapse(out);
}

const PROSE_WORD = /^\s*(,|\.|;|:|\(|for|when|if|where|since|and|or|as|with|otherwise|i\.e|e\.g|which|because|so|is|are|in|by|the|a|an)\b|^\s*[(,.;:]/i;

/** A final answer with trailing prose set aside: `\quad \text{for } w \neq o`, `, k \in [1, K]`, punctuation. */
export function stripProse(latex: string): string {
  let depth = 0;
  let cut = -1;
  topLevel(latex, (t, i) => {
    if (cut >= 0) return 0;
    const c = t[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || i === 0) return 0;
    if (c === ',' && /\\(in|neq|ne|leq|geq|le|ge|forall|notin)(?![A-Za-z])|[<>]/.test(t.slice(i))) cut = i;
    if (c !== '\\') return 0;
    const e = csEnd(t, i);
    const name = t.slice(i + 1, e);
    if (/^(quad|qquad|hspace|hfill|forall)$/.test(name)) cut = i;
    else if (/^(text|textrm|mbox|textit|textbf|mathrm|textnormal)$/.test(name)) {
      const arg = readArg(t, e);
      if (arg && (PROSE_WORD.test(arg.value) || (/\w\s+\w/.test(arg.value) && name !== 'mathrm'))) cut = i;
    }
    return 0;
  });
  const kept = cut > 0 ? latex.slice(0, cut) : latex;
  return kept.replace(/(\s|[.,;:]|\\[,;!]|~|\\\\)+$/, '').trim();
}
