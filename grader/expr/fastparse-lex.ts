/**
 * The tokens of fastparse.ts, cut exactly where mathjs's `getToken` cuts them (parse.js, 15.x),
 * for the subset that parser reads. Anything else — a token it has no rule for (`=`, `%`, `&`,
 * `{`, `"`, `.`, `?.`, `??`, `<<`, a newline, a comment, a hex number, a named operator such as
 * `mod` or `to`) or text mathjs rejects while tokenizing — throws DECLINE, and mathjs parses the
 * text instead, errors and all.
 */

// Kinds and delimiter codes are plain numbers (typed number, so that comparing them after a
// next() needs no helper call: the parser runs mostly cold, where every call counts).
export const END: number = 0;
export const DELIMITER: number = 1;
export const NUMBER: number = 2;
export const SYMBOL: number = 3;

/** A delimiter's code: its character's, or for two characters one of these. */
export const DOT_STAR: number = 0x100 + 42;
export const DOT_SLASH: number = 0x100 + 47;
export const DOT_CARET: number = 0x100 + 94;
export const EQUAL: number = 0x100 + 61;
export const UNEQUAL: number = 0x200 + 61;
export const SMALLER_EQ: number = 0x100 + 60;
export const LARGER_EQ: number = 0x100 + 62;
export const code = (ch: string): number => ch.charCodeAt(0);

/** Thrown (never escapes fastParse) when the text is not for this parser; made once, as a stack costs. */
const DECLINE = new Error('fastparse declines this text');
export const decline = (): never => {
  throw DECLINE;
};

/** Words mathjs reads as operators (`mod`, `to`, `in`, `and`, `xor`, `or`, `not`). */
const NAMED = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** mathjs's isDecimalMark: a dot that does not start `.*`, `./` or `.^`. */
const isDecimalMark = (c: number, next: number): boolean => c === 46 && next !== 47 && next !== 42 && next !== 94;

/** An ASCII letter, digit, `_` or `$`: what continues a name. */
const isWordAscii = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;

/** mathjs's isValidLatinOrGreek and isValidMathSymbol, verbatim, for text beyond ASCII. */
const LATIN_OR_GREEK = /^[a-zA-Z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]$/;
const mathSymbol = (high: string, low: string): boolean =>
  /^[\uD835]$/.test(high) &&
  /^[\uDC00-\uDFFF]$/.test(low) &&
  /^[^\uDC55\uDC9D\uDCA0\uDCA1\uDCA3\uDCA4\uDCA7\uDCA8\uDCAD\uDCBA\uDCBC\uDCC4\uDD06\uDD0B\uDD0C\uDD15\uDD1D\uDD3A\uDD3F\uDD45\uDD47-\uDD49\uDD51\uDEA6\uDEA7\uDFCC\uDFCD]$/.test(
    low,
  );

/** mathjs's isAlpha at index i, which looks at the characters either side for surrogate pairs. */
function isAlphaAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  const ch = s.charAt(i);
  return LATIN_OR_GREEK.test(ch) || mathSymbol(ch, s.charAt(i + 1)) || mathSymbol(s.charAt(i - 1), ch);
}

export class Lexer {
  pos = 0;
  tok = '';
  kind = END;
  /** The delimiter's code (-1 for other kinds). */
  code = -1;

  constructor(readonly text: string) {}

  /** The next token into tok, kind and code. */
  next(): void {
    const s = this.text;
    let i = this.pos;
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 0xa0) c = s.charCodeAt(++i);
    if (i >= s.length) return this.set(END, '', i, -1);
    const d = s.charCodeAt(i + 1);
    switch (c) {
      case 40: // (
      case 41: // )
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 59: // ;
      case 43: // +
      case 45: // -
      case 42: // *
      case 47: // /
      case 39: // ' (a transpose after a value; a string, declined by the parser, before one)
      case 58: // :
        this.kind = DELIMITER;
        this.tok = s[i]!;
        this.pos = i + 1;
        this.code = c;
        return;
      case 94: // ^ (not ^|)
        return d === 124 ? decline() : this.set(DELIMITER, '^', i + 1, c);
      case 33: // ! or !=
        return d === 61 ? this.set(DELIMITER, '!=', i + 2, UNEQUAL) : this.set(DELIMITER, '!', i + 1, c);
      case 61: // == (a lone = is an assignment)
        return d === 61 ? this.set(DELIMITER, '==', i + 2, EQUAL) : decline();
      case 60: // < or <= (not <<)
        return d === 61 ? this.set(DELIMITER, '<=', i + 2, SMALLER_EQ) : d === 60 ? decline() : this.set(DELIMITER, '<', i + 1, c);
      case 62: // > or >= (not >> or >>>)
        return d === 61 ? this.set(DELIMITER, '>=', i + 2, LARGER_EQ) : d === 62 ? decline() : this.set(DELIMITER, '>', i + 1, c);
      case 63: // ? (not ?? nor ?. before a non-digit)
        return d === 63 || (d === 46 && !isDigit(s.charCodeAt(i + 2))) ? decline() : this.set(DELIMITER, '?', i + 1, c);
      case 46: // .* ./ .^ or a number
        if (d === 42 || d === 47 || d === 94) return this.set(DELIMITER, s.slice(i, i + 2), i + 2, 0x100 + d);
        return this.number(i);
    }
    if (isDigit(c)) return this.number(i);
    if (isAlphaAt(s, i)) {
      let j = i + 1;
      for (let k = s.charCodeAt(j); isWordAscii(k) || (k >= 128 && isAlphaAt(s, j)); k = s.charCodeAt(++j));
      const word = s.slice(i, j);
      if (word.length <= 3 && NAMED.has(word)) decline();
      this.kind = SYMBOL;
      this.tok = word;
      this.pos = j;
      this.code = -1;
      return;
    }
    return decline();
  }

  private set(kind: number, tok: string, pos: number, code: number): void {
    this.kind = kind;
    this.tok = tok;
    this.pos = pos;
    this.code = code;
  }

  /** A decimal number as mathjs cuts it: `.5`, `5.`, `2.5e-3`; `1e` stops before the `e`. */
  private number(start: number): void {
    const s = this.text;
    let i = start;
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    if (c === 48 && (d === 98 || d === 111 || d === 120)) decline(); // 0b 0o 0x
    if (c === 46) {
      if (!isDigit(d)) decline(); // a lone dot (property access)
      i++;
    } else {
      while (isDigit(s.charCodeAt(i))) i++;
      if (isDecimalMark(s.charCodeAt(i), s.charCodeAt(i + 1))) i++;
    }
    while (isDigit(s.charCodeAt(i))) i++;
    const e = s.charCodeAt(i);
    if (e === 69 || e === 101) {
      const n = s.charCodeAt(i + 1);
      if (isDigit(n) || n === 45 || n === 43) {
        i += n === 45 || n === 43 ? 2 : 1;
        if (!isDigit(s.charCodeAt(i))) decline(); // mathjs: digit expected
        while (isDigit(s.charCodeAt(i))) i++;
        if (isDecimalMark(s.charCodeAt(i), s.charCodeAt(i + 1))) decline();
      } else if (isDecimalMark(n, s.charCodeAt(i + 2))) decline();
    }
    this.set(NUMBER, s.slice(start, i), i, -1);
  }
}
