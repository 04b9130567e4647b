import { groupEnd, readArg } from './scan.js';

/** A piece of math in the document: its inside, where the inside starts, and how it was written. */
export interface MathBlock {
  readonly body: string;
  /** Offset of `body` in the scanned text. */
  readonly at: number;
  /** Offsets of the whole block, delimiters included. */
  readonly start: number;
  readonly end: number;
  /** Displayed (`$$`, `\[`, an environment, `$\begin{align}..$`) or inline (`$..$`, `\(..\)`). */
  readonly display: boolean;
}

export interface MathScan {
  readonly blocks: MathBlock[];
  /** Openers with no closer (offset, what): set aside with a note. */
  readonly unclosed: { at: number; what: string }[];
}

/** Math environments that stand for a display of their own, in or out of `$`. */
export const DISPLAY_ENVS = /^(equation|align|aligned|alignat|alignedat|gather|gathered|multline|eqnarray|displaymath|math|flalign|split)\*?$/;
const INLINE_DISPLAY = /^\s*\\begin\{(align|aligned|gather|gathered|equation|split|eqnarray|multline|alignat)\*?\}/;

/**
 * Every math block of `text`, in order. `text` has comments and code already blanked. Inline
 * math does not cross a blank line; `$$` may. An opener without its closer is reported and
 * read as text, so one stray `$` cannot swallow the rest of the document.
 */
export function scanMath(text: string): MathScan {
  const blocks: MathBlock[] = [];
  const unclosed: { at: number; what: string }[] = [];
  // a closer not found once is not found later either: remember, so stray openers cost one search
  const missing = new Set<string>();
  const find = (closer: string, from: number) => {
    if (missing.has(closer)) return -1;
    const e = text.indexOf(closer, from);
    if (e < 0) missing.add(closer);
    return e;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '[' || next === '(') {
        const close = next === '[' ? '\\]' : '\\)';
        const e = find(close, i + 2);
        if (e < 0) {
          unclosed.push({ at: i, what: `\\${next}` });
          i += 2;
          continue;
        }
        blocks.push({ body: text.slice(i + 2, e), at: i + 2, start: i, end: e + 2, display: next === '[' });
        i = e + 2;
        continue;
      }
      if (text.startsWith('\\begin', i)) {
        const arg = readArg(text, i + 6);
        if (arg && DISPLAY_ENVS.test(arg.value)) {
          const endTag = `\\end{${arg.value}}`;
          const e = find(endTag, arg.end);
          if (e < 0) {
            unclosed.push({ at: i, what: `\\begin{${arg.value}}` });
            i = arg.end;
            continue;
          }
          // the environment itself is kept: the chain splitter unwraps it and knows its rows
          blocks.push({ body: text.slice(i, e + endTag.length), at: i, start: i, end: e + endTag.length, display: true });
          i = e + endTag.length;
          continue;
        }
      }
      i += 2; // an escaped character (`\$`) or the start of a command
      continue;
    }
    if (c === '$') {
      if (text[i + 1] === '$') {
        const e = find('$$', i + 2);
        if (e < 0) {
          unclosed.push({ at: i, what: '$$' });
          i += 2;
          continue;
        }
        blocks.push({ body: text.slice(i + 2, e), at: i + 2, start: i, end: e + 2, display: true });
        i = e + 2;
        continue;
      }
      const e = inlineEnd(text, i + 1);
      if (e < 0) {
        // no `$` before the paragraph ends: no `$` in between can close one either
        unclosed.push({ at: i, what: '$' });
        i = -e;
        continue;
      }
      const body = text.slice(i + 1, e);
      blocks.push({ body, at: i + 1, start: i, end: e + 1, display: INLINE_DISPLAY.test(body) });
      i = e + 1;
      continue;
    }
    i++;
  }
  return { blocks, unclosed };
}

/** The closing `$` of inline math opened before `from`, or minus where the search stopped (a blank line, the end). */
function inlineEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '$') return j;
    if (c === '\n' && /^[ \t]*\n/.test(text.slice(j + 1, j + 80))) return -j;
    if (c === '{') {
      // braces may hold a `$` of \text{..$x$..}: skip the group when it closes soon
      const e = groupEnd(text, j, '{', '}', 2000);
      if (e > 0 && !text.slice(j, e).includes('\n\n')) j = e - 1;
    }
  }
  return -text.length;
}

/** `text` with Markdown code (fences, indented-free inline code spans) blanked, offsets kept. */
export function blankMarkdownCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/`[^`\n]+`/g, blank)
    .replace(/<!--(?![ \t]*answer:)[\s\S]*?-->/g, blank);
}

/** `text` with LaTeX comments blanked (not `\%`), offsets kept; `verbatim`/`minted`/`lstlisting` too. */
export function blankLatexComments(text: string): string {
  const noComments = text.replace(
    /(^|[^\\])(\\\\)*%[^\n]*/g,
    (m, pre: string, bs: string | undefined) => pre + (bs ?? '') + ' '.repeat(m.length - pre.length - (bs ?? '').length),
  );
  return noComments.replace(/\\begin\{(verbatim|minted|lstlisting|comment)\}[\s\S]*?\\end\{\1\}/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** GitHub's display math in Markdown: a fence ```` ```math ```` whose body is LaTeX (blanked as code in the scan, so read from `text`). One pass over the lines. */
export function mathFences(text: string): MathBlock[] {
  const out: MathBlock[] = [];
  let open: { fence: string; math: boolean; start: number; body: number } | undefined;
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    const m = /^[ \t]*(```|~~~)[ \t]*([A-Za-z]*)/.exec(line);
    if (!m) continue;
    if (!open) open = { fence: m[1]!, math: m[2]!.toLowerCase() === 'math', start, body: at };
    else if (m[1] === open.fence && !m[2]) {
      if (open.math && start > open.body)
        out.push({ body: text.slice(open.body, start - 1), at: open.body, start: open.start, end: start + line.length, display: true });
      open = undefined;
    }
  }
  return out;
}
