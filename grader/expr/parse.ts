/**
 * mathjs-syntax text → tree, bounded. The one place mathjs's SyntaxError is wrapped,
 * so that syntax errors from both notations look alike.
 */
import { fail, InputError } from '../core/index.js';
import { LIMITS } from './limits.js';
import { childrenOf } from './children.js';
import { mathParse, type Node } from './math.js';

/** How a character code moves the bracket depth: +1 for ( [ {, -1 for ) ] }, else 0 (scans by code make no string per character). */
export const depthStep = (c: number): number => (c === 40 || c === 91 || c === 123 ? 1 : c === 41 || c === 93 || c === 125 ? -1 : 0);

/** Rejects what would make a parser recurse or run long, before any parser sees it. */
export function checkText(text: string): void {
  if (text.trim() === '') fail('EMPTY_ANSWER');
  if (text.length > LIMITS.maxLength) fail('TOO_LONG', { length: text.length, max: LIMITS.maxLength });
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depth += depthStep(text.charCodeAt(i));
    if (depth > LIMITS.maxDepth) fail('TOO_DEEP', { max: LIMITS.maxDepth }, { offset: i, length: 1 });
  }
}

export function parseMathjs(text: string): Node {
  checkText(text);
  // mathjs reads `#` as a comment: the rest of the answer would be silently dropped.
  if (text.includes('#')) fail('NOT_ALLOWED', { what: 'a comment (#)' }, { offset: text.indexOf('#'), length: 1 });
  let node: Node;
  try {
    node = mathParse(text);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { char?: number };
    const message = String(err.message ?? e).replace(/\s*\(char \d+\)$/, '');
    const offset = typeof err.char === 'number' ? Math.max(0, Math.min(err.char - 1, text.length)) : undefined;
    return fail('SYNTAX', { detail: message }, offset === undefined ? undefined : { offset, length: 1 });
  }
  return node;
}

/** Walks a tree depth-first, parents before children, in mathjs's order of children (children.ts). */
export function walk(node: Node, visit: (n: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(node, parent);
  for (const child of childrenOf(node)) walk(child, visit, node);
}

/** Text to match literally inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
