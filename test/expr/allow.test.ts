/** The allow-list check, one pass reading each node's type once, against the plain walk it replaced. */
import { describe, expect, it } from 'vitest';
import { fail, InputError, type Position } from '../../grader/core/index.js';
import { ALLOWED_NODES, ALLOWED_OPERATORS, checkAllowed } from '../../grader/expr/allow.js';
import { LIMITS } from '../../grader/expr/limits.js';
import { mathjsParse, type Node } from '../../grader/expr/math.js';
import { walk } from '../../grader/expr/parse.js';
import { mathjsPositions } from '../../grader/expr/positions.js';
import { corpus } from './fastparse-helpers.js';

/** The check as first written: a walk, every rule asked of every node. */
function slowCheck(root: Node, where: (n: Node) => Position | undefined): void {
  let count = 0;
  walk(root, (node, parent) => {
    if (++count > LIMITS.maxNodes) fail('TOO_MANY_NODES', { max: LIMITS.maxNodes });
    const n = node as Node & { fn?: string | { type?: string }; value?: unknown; op?: string };
    if (!ALLOWED_NODES.has(node.type)) fail('NOT_ALLOWED', { what: 'refused' }, where(node));
    if (node.type === 'OperatorNode' && !ALLOWED_OPERATORS.has(n.fn as string)) fail('NOT_ALLOWED', { what: `the operator ${n.op}` }, where(node));
    if (node.type === 'ConstantNode' && typeof n.value !== 'number') fail('NOT_ALLOWED', { what: 'a value' }, where(node));
    if (node.type === 'FunctionNode' && (n.fn as { type?: string } | undefined)?.type !== 'SymbolNode')
      fail('NOT_ALLOWED', { what: 'calling the result of an expression' }, where(node));
    if (node.type === 'RangeNode' && parent?.type !== 'IndexNode') fail('NOT_ALLOWED', { what: 'a range a:b outside an index' }, where(node));
  });
}

/** Where the first refusal is, and its code (the words differ only for constructs mathjs alone reads). */
const outcome = (check: typeof checkAllowed, tree: Node, text: string): string => {
  try {
    check(tree, mathjsPositions(tree, text));
    return 'allowed';
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return `${e.finding.code} at ${JSON.stringify(e.finding.at)}`;
  }
};

describe('checkAllowed', () => {
  it('refuses the same first node as the plain walk, on every corpus text and a few refused forms', () => {
    const texts = [...corpus(), 'a = 1', 'f(x) = x', '"s" + x', 'x[1:2] + 1:3', '(f)(x)', 'x mod 2', 'a; b', '{a: 1}', '[1, 2] + x', 'x to cm', 'true + x'];
    const seen = { allowed: 0, refused: 0 };
    for (const text of texts) {
      let tree: Node;
      try {
        tree = mathjsParse(text);
      } catch {
        continue;
      }
      const ours = outcome(checkAllowed, tree, text);
      expect(ours, text).toBe(outcome(slowCheck, tree, text));
      seen[ours === 'allowed' ? 'allowed' : 'refused']++;
    }
    expect(seen.allowed).toBeGreaterThan(1000);
    expect(seen.refused).toBeGreaterThan(10);
  });

  it('counts nodes as the walk did', () => {
    const text = Array.from({ length: LIMITS.maxNodes }, (_, i) => `x${i}`).join(' + ');
    expect(outcome(checkAllowed, mathjsParse(text), text)).toBe(outcome(slowCheck, mathjsParse(text), text));
  });
});
