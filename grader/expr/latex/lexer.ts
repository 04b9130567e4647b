/**
 * LaTeX source → tokens with offsets. Commands (`\hat`, `\,`), words (runs of letters and
 * digits, split later by what the question knows), numbers, and single characters.
 */
import { fail } from '../../core/index.js';

export type TokenKind = 'cmd' | 'word' | 'num' | 'char' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Command name without the backslash, the word, the number text, or the character. */
  readonly text: string;
  readonly offset: number;
  readonly end: number;
}

// By character code: a string per character, and a set lookup per character, were most of lexing.
const isLetterCode = (k: number): boolean => (k >= 97 && k <= 122) || (k >= 65 && k <= 90);
const isDigitCode = (k: number): boolean => k >= 48 && k <= 57;
/** The single characters that are tokens, by code (`+-*\/=<>()[]{},|&'!^_.:;`). */
const CHAR_CODES: readonly boolean[] = (() => {
  const table: boolean[] = Array.from({ length: 128 }, () => false);
  for (const c of "+-*/=<>()[]{},|&'!^_.:;") table[c.charCodeAt(0)] = true;
  return table;
})();

export function lex(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 126) {
      // space, tab, newline, carriage return, ~
      i++;
    } else if (c === 92) {
      // \
      i++;
      if (i < n && isLetterCode(text.charCodeAt(i))) {
        while (i < n && isLetterCode(text.charCodeAt(i))) i++;
        out.push({ kind: 'cmd', text: text.slice(start + 1, i), offset: base + start, end: base + i });
      } else if (i < n) {
        i++;
        out.push({ kind: 'cmd', text: text[i - 1]!, offset: base + start, end: base + i });
      } else fail('SYNTAX', { detail: 'a lone backslash' }, { offset: base + start, length: 1 });
    } else if (isLetterCode(c)) {
      for (let k = text.charCodeAt(++i); i < n && (isLetterCode(k) || isDigitCode(k)); k = text.charCodeAt(++i));
      out.push({ kind: 'word', text: text.slice(start, i), offset: base + start, end: base + i });
    } else if (isDigitCode(c) || (c === 46 && isDigitCode(text.charCodeAt(i + 1)))) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46 && isDigitCode(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      }
      out.push({ kind: 'num', text: text.slice(start, i), offset: base + start, end: base + i });
    } else if (c < 128 && CHAR_CODES[c]) {
      i++;
      out.push({ kind: 'char', text: text[start]!, offset: base + start, end: base + i });
    } else {
      fail('LATEX_CHAR', { char: text[i]! }, { offset: base + start, length: 1 });
    }
  }
  out.push({ kind: 'eof', text: '', offset: base + n, end: base + n });
  return out;
}
