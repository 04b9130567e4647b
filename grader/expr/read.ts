/**
 * An answer's text → tree, in whichever notation it is written. LaTeX is recognised by its
 * wrappers (`$...$`, `\(...\)`, `\[...\]`) or by backslashes and braces; anything else is
 * mathjs syntax. Both give the same mathjs tree, with positions into the original text.
 */
import { fail, finding, InputError, relocate, type Finding, type Position } from '../core/index.js';
import { lex, type Token } from './latex/lexer.js';
import { LatexParser, type Vocab } from './latex/parser.js';
import { splitParts } from './latex/split.js';
import type { Node } from './math.js';
import { checkText, depthStep, parseMathjs } from './parse.js';
import { mathjsPositions } from './positions.js';

export type Notation = 'mathjs' | 'latex';

export interface Definition {
  readonly name: string;
  readonly node: Node;
  readonly where: (n: Node) => Position | undefined;
}

export interface Reading {
  readonly node: Node;
  readonly notation: Notation;
  /** Where a node stands in the original text. */
  readonly where: (n: Node) => Position | undefined;
  /** What was set aside (a left-hand side, a qualifier), as info findings. */
  readonly notes: Finding[];
  /** The student's own names from a `where` clause. */
  readonly definitions: Definition[];
}

const WRAPPERS: readonly [string, string][] = [
  ['$$', '$$'],
  ['$', '$'],
  ['\\(', '\\)'],
  ['\\[', '\\]'],
];

export const looksLikeLatex = (text: string): boolean => /[\\${}]/.test(text);

/** The formula inside `$...$` and the like, with its offset in the original text. */
export function unwrap(text: string): { inner: string; base: number } {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  for (const [open, close] of WRAPPERS)
    if (trimmed.length >= open.length + close.length && trimmed.startsWith(open) && trimmed.endsWith(close))
      return { inner: trimmed.slice(open.length, trimmed.length - close.length), base: start + open.length };
  return { inner: text, base: 0 };
}

/** Brace balance first, so that an unclosed `{` is reported where it opens. */
function checkBraces(tokens: readonly Token[]): void {
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'char' && t.text === '{') open.push(t);
    if (t.kind === 'char' && t.text === '}' && !open.pop()) fail('LATEX_UNBALANCED', { brace: '}' }, { offset: t.offset, length: 1 });
  }
  const first = open[0];
  if (first) fail('LATEX_UNBALANCED', { brace: '{' }, { offset: first.offset, length: 1 });
}

const source = (tokens: readonly Token[], text: string): string => (tokens.length ? text.slice(tokens[0]!.offset, tokens[tokens.length - 1]!.end) : '');

function parseTokens(tokens: Token[], vocab: Vocab, empty: string): { node: Node; where: (n: Node) => Position | undefined } {
  if (tokens.length === 0) fail('EMPTY_ANSWER', { part: empty });
  const end = tokens[tokens.length - 1]!.end;
  const p = new LatexParser([...tokens, { kind: 'eof', text: '', offset: end, end }], vocab);
  const node = p.parseAll();
  return { node, where: (n) => p.c.spanOf(n) };
}

function readLatex(text: string, vocab: Vocab): Reading {
  const { inner, base } = unwrap(text);
  const tokens = lex(inner, base);
  checkBraces(tokens);
  const parts = splitParts(tokens);
  const notes: Finding[] = [];
  if (parts.droppedSides) notes.push(finding('LHS_IGNORED', { sides: parts.droppedSides + 1 }, undefined, 'info'));
  if (parts.qualifier) notes.push(finding('QUALIFIER_IGNORED', { text: source(parts.qualifier, text) }, { offset: parts.qualifier[0]!.offset }, 'info'));
  const { node, where } = parseTokens(parts.main, vocab, 'the formula');
  const definitions = parts.definitions.map((d) => {
    const name = parseTokens(d.name, vocab, 'a name').node;
    if (name.type !== 'SymbolNode' || d.value.length === 0)
      fail('DEFINITION_FORM', { text: source([...d.name, ...d.value], text) }, { offset: d.name[0]?.offset ?? 0 });
    return { name: (name as unknown as { name: string }).name, ...parseTokens(d.value, vocab, `the definition of ${source(d.name, text)}`) };
  });
  return { node, notation: 'latex', where, notes, definitions };
}

/** A character of a word (what `\b` tells from the rest); undefined past either end is not. */
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);

/** Top-level positions of `=` (not `==`, `<=`, `>=`, `!=`) and of the word `where`, in mathjs text. */
export function mathjsSplits(text: string): { sides: number[]; where: number } {
  const sides: number[] = [];
  let where = -1;
  // By character code: a string per character cost more than the rest of the scan.
  for (let i = 0, depth = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const step = depthStep(c);
    if (step !== 0) depth += step;
    else if (depth !== 0) continue;
    else if (c === 61) {
      // `=`, not the second character of `==`, `<=`, `>=`, `!=`, nor the first of `==` (nor the text's first character).
      const before = text.charCodeAt(i - 1);
      if (i > 0 && before !== 61 && before !== 60 && before !== 62 && before !== 33 && text.charCodeAt(i + 1) !== 61) sides.push(i);
    } else if (c === 119 && where < 0 && text.startsWith('where', i) && !isWordChar(text[i + 5]) && !isWordChar(text[i - 1])) where = i;
  }
  return { sides: where < 0 ? sides : sides.filter((s) => s < where), where };
}

/** Parses a slice of mathjs text, with positions into the whole text. */
function mathjsSlice(text: string, from: number, to: number): { node: Node; where: (n: Node) => Position | undefined } {
  const slice = text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  try {
    const node = parseMathjs(slice.trim());
    return { node, where: mathjsPositions(node, slice.trim(), from + lead) };
  } catch (e) {
    if (e instanceof InputError && e.finding.at?.offset !== undefined) throw new InputError(relocate(e.finding, shift(e.finding.at, from + lead)));
    throw e;
  }
}

const shift = (p: Position | undefined, by: number): Position | undefined => (p?.offset === undefined ? p : { ...p, offset: p.offset + by });

function readMathjs(text: string): Reading {
  const { sides, where } = mathjsSplits(text);
  const end = where < 0 ? text.length : where;
  const from = sides.length ? sides[sides.length - 1]! + 1 : 0;
  const notes = sides.length ? [finding('LHS_IGNORED', { sides: sides.length + 1 }, undefined, 'info')] : [];
  const { node, where: locateNode } = mathjsSlice(text, from, end);
  const definitions: Definition[] = [];
  if (where >= 0) {
    let start = where + 'where'.length;
    for (const part of splitTop(text.slice(start), ',')) {
      const eq = part.indexOf('=');
      if (eq < 0) fail('DEFINITION_FORM', { text: part.trim() }, { offset: start });
      const name = part.slice(0, eq).trim();
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) fail('DEFINITION_FORM', { text: part.trim() }, { offset: start });
      definitions.push({ name, ...mathjsSlice(text, start + eq + 1, start + part.length) });
      start += part.length + 1;
    }
  }
  return { node, notation: 'mathjs', where: locateNode, notes, definitions };
}

const splitTop = (text: string, sep: string): string[] => {
  const parts = [''];
  let depth = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === sep && depth === 0) parts.push('');
    else parts[parts.length - 1] += ch;
  }
  return parts;
};

export function readAnswer(text: string, vocab: Vocab): Reading {
  checkText(text);
  return looksLikeLatex(text) ? readLatex(text, vocab) : readMathjs(text);
}
