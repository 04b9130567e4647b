/**
 * expr/: text → checked, compiled formula. The mathjs-syntax reader (parse.ts, positions from
 * its own tokens in positions.ts) and the LaTeX reader (latex/) produce one mathjs tree; allow.ts
 * and normalize.ts check and read it as meant; compile/ turns it into closures over Float64Array,
 * every shape known first. One row per construct: compile/functions.ts (functions, with their LaTeX
 * commands and rendering) and latex/commands.ts (the rest of the LaTeX vocabulary).
 * Owns the single mathjs instance (math.ts). May import core/ and linalg/; bank/ and compare/
 * import it.
 */
import type { Finding, Position } from '../core/index.js';
import { checkAllowed } from './allow.js';
import { compileExpr } from './compile/compile.js';
import type { Compiled, Ctx, Scope } from './compile/types.js';
import type { Node } from './math.js';
import { isValueName } from './compile/names.js';
import { normalize } from './normalize.js';
import { FUNCTION_BY_NAME, SPECIAL_FORMS } from './compile/functions.js';
import type { Vocab } from './latex/parser.js';
import { looksLikeLatex, readAnswer } from './read.js';
export { readAnswer, type Reading, type Definition, type Notation } from './read.js';
export type { Vocab } from './latex/parser.js';
import { parseMathjs } from './parse.js';
import { mathjsPositions } from './positions.js';

export type { Binding, Compiled, Env, Family, IndexDecl, Scope } from './compile/types.js';
export { withBinding } from './compile/types.js';
export { fromBinding } from './compile/names.js';
export { LIMITS } from './limits.js';
export type { Node } from './math.js';
export { toText } from './print.js';
export { toLatexText as toLatex } from './latex/render.js';
export { escapeRegExp, parseMathjs, walk } from './parse.js';
export { namesUsed } from './names-used.js';

/**
 * Checks a parsed tree against the allow-list, reads it as the student meant it (see
 * normalize) and compiles it in a scope. Returns the tree as read. Throws InputError.
 */
export function compileTree(parsed: Node, scope: Scope, firstFreeSlot: number, where: Ctx['where']): { node: Node; compiled: Compiled; notes: Finding[] } {
  checkAllowed(parsed, where);
  const alias = (name: string): string | undefined => (scope.bindings.has(name) ? undefined : scope.aliases.get(name));
  const isFunction = (name: string): boolean =>
    !scope.bindings.has(name) && (FUNCTION_BY_NAME.has(alias(name) ?? name) || SPECIAL_FORMS.includes(alias(name) ?? name));
  const moved = new WeakMap<Node, Node>();
  const node = normalize(parsed, { isValue: (name) => isValueName(name, scope), alias, isFunction, moved: (to, from) => moved.set(to, from) });
  // A rewritten node stands where the node it was rewritten from stood.
  const placed = (n: Node): Position | undefined => where(n) ?? (moved.has(n) ? placed(moved.get(n)!) : undefined);
  const notes: Finding[] = [];
  return { node, compiled: compileExpr(node, scope, { where: placed, nextSlot: firstFreeSlot, notes }), notes };
}

/** Parses mathjs text and compiles it. Throws InputError with a position. */
export function compileText(text: string, scope: Scope, firstFreeSlot: number): { node: Node; compiled: Compiled } {
  const parsed = parseMathjs(text);
  return compileTree(parsed, scope, firstFreeSlot, mathjsPositions(parsed, text));
}

/** What the LaTeX reader needs to know of a scope: which words are functions and which are names. */
export function vocabFor(scope: Scope, primeTranspose: boolean): Vocab {
  const fnName = (name: string): string => scope.aliases.get(name) ?? name;
  return {
    isFunction: (name) => !scope.bindings.has(name) && (FUNCTION_BY_NAME.has(fnName(name)) || SPECIAL_FORMS.includes(fnName(name))),
    // Constants (e, pi) are not names here: `e^{x}` is read as exp(x), elementwise on vectors.
    isName: (name) => (name === 'e' || name === 'pi' ? scope.bindings.has(name) : isValueName(name, scope) || scope.indices.has(name)),
    primeTranspose,
  };
}

/** The name a LaTeX spelling stands for (`\mathcal{L}` → `L`), or null when it is not a name. */
export function latexName(spelling: string): string | null {
  const none = { isFunction: () => false, isName: () => false, primeTranspose: false };
  const { node } = readAnswer(looksLikeLatex(spelling) ? spelling : `$${spelling}$`, none);
  return node.type === 'SymbolNode' ? (node as unknown as { name: string }).name : null;
}
