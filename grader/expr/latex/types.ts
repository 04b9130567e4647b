/**
 * What the LaTeX reader's pieces share: the vocabulary a question gives it, the delimiters, and
 * the parser's interface. The readers of atoms and structures take a `Parser`, so they need not
 * import the parser that calls them (no import cycle).
 */
import type { Node } from '../math.js';
import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';

/** What the question knows, so that `softmax` is one name and `xW` two. */
export interface Vocab {
  isFunction(name: string): boolean;
  isName(name: string): boolean;
  /** Whether a prime on a value means a transpose (the spec says so), else it is refused. */
  readonly primeTranspose: boolean;
}

export const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '|': '|', '‖': '‖', '.': '' };
/** Bars open and close alike: the reader tracks how deep it is inside them. */
export const BARS: ReadonlySet<string> = new Set(['|', '‖']);
export const CLOSING_SIZES: ReadonlySet<string> = new Set(['right', 'bigr', 'Bigr', 'biggr', 'Biggr']);

/** The precedence parser, as the readers of single constructs see it. */
export interface Parser {
  readonly c: Cursor;
  readonly vocab: Vocab;
  absDepth: number;
  /** Products made by splitting a word (`xW`): a subscript binds to their last factor. */
  readonly splits: WeakSet<Node>;
  parseExpr(): Node;
  parseTerm(): Node;
  parseFactor(): Node;
  parsePrimary(): Node;
  parseArg(single?: boolean): Node;
  application(name: string, start: Token): Node;
}
