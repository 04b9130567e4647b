/**
 * The character scans of reading (the LaTeX lexer, the mathjs-syntax split at `=` and `where`),
 * by character code, against the per-character-string scans they replaced: the same tokens, the
 * same splits and the same refusals on every corpus text and on seeded random texts.
 */
import { describe, expect, it } from 'vitest';
import { fail, InputError } from '../../grader/core/index.js';
import { lex, type Token, type TokenKind } from '../../grader/expr/latex/lexer.js';
import { mathjsSplits } from '../../grader/expr/read.js';
import { createRng, integer } from '../../grader/sample/rng.js';
import { corpus } from './fastparse-helpers.js';

const isLetter = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90);
};
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const CHARS = new Set([..."+-*/=<>()[]{},|&'!^_.:;"]);

/** The LaTeX lexer as first written. */
function slowLex(text: string, base = 0): Token[] {
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

/** The split as first written. */
function slowSplits(text: string): { sides: number[]; where: number } {
  const sides: number[] = [];
  let where = -1;
  for (let i = 0, depth = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && ch === '=' && !'=<>!'.includes(text[i - 1] ?? '') && text[i + 1] !== '=') sides.push(i);
    else if (depth === 0 && where < 0 && /^where\b/.test(text.slice(i)) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) where = i;
  }
  return { sides: where < 0 ? sides : sides.filter((s) => s < where), where };
}

const outcome = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return JSON.stringify(e.finding);
  }
};

/** Seeded texts of the characters that matter to either scan, ASCII and beyond. */
function randomTexts(count: number): string[] {
  const rng = createRng(15);
  const alphabet = [...'ab xyzW09.=<>!()[]{}\\_^~,;:\t\n\'"#%@é', 'where', 'where ', 'nowhere', '\\frac', '\\,', 'λ', '\uD835\uDC65', '\uD835', '=='];
  return Array.from({ length: count }, () => Array.from({ length: integer(rng, 0, 24) }, () => alphabet[integer(rng, 0, alphabet.length - 1)]!).join(''));
}

const texts = [...corpus(), ...randomTexts(20000), '=x', 'a = b where c = 1', 'x where', 'where x', 'a==b', 'a <= b = c', '\\', 'x \\', '.5x', '1.', 'a.b'];

describe('scans by character code', () => {
  it('the LaTeX lexer cuts every text into the same tokens, or refuses it alike', () => {
    for (const text of texts)
      for (const base of [0, 3])
        expect(
          outcome(() => lex(text, base)),
          text,
        ).toEqual(outcome(() => slowLex(text, base)));
  });
  it('mathjs-syntax answers are split at the same `=` and `where`', () => {
    for (const text of texts) expect(mathjsSplits(text), text).toEqual(slowSplits(text));
  });
});
