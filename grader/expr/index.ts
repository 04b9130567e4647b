/** Text → checked, compiled formula. Both notations arrive here as the same mathjs tree. */
import type { Position } from '../core/index.js';
import { checkAllowed } from './allow.js';
import { compileExpr } from './compile/compile.js';
import type { Compiled, Ctx, Scope } from './compile/types.js';
import type { Node } from './math.js';
import { isValueName } from './compile/names.js';
import { normalize } from './normalize.js';
import { locate, parseMathjs } from './parse.js';

export type { Binding, Compiled, Env, Family, IndexDecl, Scope } from './compile/types.js';
export { withBinding } from './compile/types.js';
export { fromBinding } from './compile/names.js';
export { LIMITS } from './limits.js';
export { toLatex, toText, type Node } from './math.js';
export { parseMathjs, walk } from './parse.js';

/** Where nodes stand in the text; mathjs keeps no positions, so they are searched for. */
export const locator = (text: string) => (n: Node): Position | undefined => locate(n, text);

/**
 * Checks a parsed tree against the allow-list, reads it as the student meant it (see
 * normalize) and compiles it in a scope. Returns the tree as read. Throws InputError.
 */
export function compileTree(parsed: Node, scope: Scope, firstFreeSlot: number, where: Ctx['where']): { node: Node; compiled: Compiled } {
  checkAllowed(parsed, where);
  const node = normalize(parsed, { isValue: (name) => isValueName(name, scope) });
  // Positions were found on the parsed tree; a rewritten node is located by its text.
  return { node, compiled: compileExpr(node, scope, { where, nextSlot: firstFreeSlot }) };
}

/** Parses mathjs text and compiles it. Throws InputError with a position. */
export function compileText(text: string, scope: Scope, firstFreeSlot: number): { node: Node; compiled: Compiled } {
  return compileTree(parseMathjs(text), scope, firstFreeSlot, locator(text));
}
