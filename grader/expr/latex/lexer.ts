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

// By character code: a regular expression per character was a third of lexing.
const isLetter = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90);
};
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const CHARS = new Set([..."+-*/=<>()[]{},|&'!^_.:;"]);

export function lex(text: string, base = 0): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, t: string, start: number) => out.push({ kind, text: t, offset: base + start, end: base + i });
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '~') {
      i++;
    } else if (c === '\\') {
      i++;
      if (i < text.length && isLetter(text[i]!)) {
        while (i < text.length && isLetter(text[i]!)) i++;
        push('cmd', text.slice(start + 1, i), start);
      } else if (i < text.length) {
        i++;
        push('cmd', text[i - 1]!, start);
      } else fail('SYNTAX', { detail: 'a lone backslash' }, { offset: base + start, length: 1 });
    } else if (isLetter(c)) {
      while (i < text.length && (isLetter(text[i]!) || isDigit(text[i]!))) i++;
      push('word', text.slice(start, i), start);
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      while (i < text.length && isDigit(text[i]!)) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && isDigit(text[i]!)) i++;
      }
      push('num', text.slice(start, i), start);
    } else if (CHARS.has(c)) {
      i++;
      push('char', c, start);
    } else {
      fail('LATEX_CHAR', { char: c }, { offset: base + start, length: 1 });
    }
  }
  out.push({ kind: 'eof', text: '', offset: base + text.length, end: base + text.length });
  return out;
}
