/**
 * Small scanning helpers over LaTeX source: balanced groups (iterative, so 10,000 nested braces
 * cost a loop, not a stack), top-level splits, and the names of control sequences.
 */

/** The index just past the control sequence starting at `i` (a backslash). */
export function csEnd(text: string, i: number): number {
  let j = i + 1;
  if (j >= text.length) return j;
  if (!/[A-Za-z@]/.test(text[j]!)) return j + 1;
  while (j < text.length && /[A-Za-z@]/.test(text[j]!)) j++;
  return j;
}

/** Skip spaces (not blank lines) from `i`. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** The end (index past the closing brace) of the group opening at `i` (`{` or `[`), or -1 when unbalanced. */
export function groupEnd(text: string, i: number, open = '{', close = '}', limit = Infinity): number {
  let depth = 0;
  const stop = Math.min(text.length, i + limit);
  for (let j = i; j < stop; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return -1;
}

/** One argument at `i`: a braced group (its inside), else one token. */
export function readArg(text: string, i: number): { value: string; end: number } | undefined {
  const j = skipSpace(text, i);
  if (j >= text.length) return undefined;
  if (text[j] === '{') {
    const e = groupEnd(text, j);
    return e < 0 ? undefined : { value: text.slice(j + 1, e - 1), end: e };
  }
  if (text[j] === '}') return undefined;
  const e = text[j] === '\\' ? csEnd(text, j) : j + 1;
  return { value: text.slice(j, e), end: e };
}

/** Environments whose `&`, `\\` and `=` belong to them, not to the chain around them. */
export const INNER_ENVS = /^(cases|dcases|array|pmatrix|bmatrix|vmatrix|Bmatrix|Vmatrix|matrix|smallmatrix|subarray)\*?$/;

/**
 * Top-level positions in `text` where `test` matches: outside braces, brackets of `\left..\right`
 * and inner environments (cases, matrices). `test` returns the match length or 0.
 */
export function topLevel(text: string, test: (text: string, i: number) => number): { at: number; length: number }[] {
  const out: { at: number; length: number }[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const e = csEnd(text, i);
      const name = text.slice(i + 1, e);
      if (name === 'begin' || name === 'end') {
        const arg = readArg(text, e);
        if (arg && INNER_ENVS.test(arg.value)) {
          depth += name === 'begin' ? 1 : -1;
          i = arg.end - 1;
          continue;
        }
      } else if (name === 'left' || name === 'right') {
        depth = name === 'left' ? depth + 1 : Math.max(0, depth - 1);
        // the delimiter after it (`(`, `.`, `\{`) is not a bracket of the text
        i = text[e] === '\\' ? e - 1 : e;
        continue;
      }
      if (depth === 0) {
        const n = test(text, i);
        if (n > 0) {
          out.push({ at: i, length: n });
          i += n - 1;
          continue;
        }
      }
      i = e - 1;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const n = test(text, i);
      if (n > 0) {
        out.push({ at: i, length: n });
        i += n - 1;
      }
    }
  }
  return out;
}

/** Split at top-level matches, with each piece's offset in `text`. */
export function splitTop(text: string, test: (text: string, i: number) => number): { text: string; at: number }[] {
  const cuts = topLevel(text, test);
  const out: { text: string; at: number }[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push({ text: text.slice(from, c.at), at: from });
    from = c.at + c.length;
  }
  out.push({ text: text.slice(from), at: from });
  return out;
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
