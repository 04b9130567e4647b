/** Children read and replaced without mathjs's forEach and map (expr/children.ts), against them. */
import { describe, expect, it } from 'vitest';
import { childrenOf, mapChildren } from '../../grader/expr/children.js';
import { mathjsParse, N, type Node } from '../../grader/expr/math.js';
import { sameFields } from './fastparse-helpers.js';

const TEXTS = ["U * (yhat - y)'", 'sigma(-x) .* v_c', 'W[:, 2] + x[1]', 'a ? b : c', 'sum(k, 1, K, u_k)', '-(a + b)^2', 'x.y', '[1, 2; 3, 4]'];
const nodes = TEXTS.flatMap((t) => {
  const all: Node[] = [];
  mathjsParse(t).traverse((n) => all.push(n));
  return all.map((n) => [`${n.type} in ${t}`, n] as const);
});

describe('mapChildren: the very node when nothing changes, else what mathjs map makes', () => {
  it.each(nodes)('%s', (_, node) => {
    expect(mapChildren(node, node.type, (c) => c)).toBe(node);
    const swap = (c: Node): Node => (c.type === 'SymbolNode' ? N.symbol('z') : c);
    const ours = mapChildren(node, node.type, swap);
    const theirs = node.map((c) => swap(c));
    expect(sameFields(ours, theirs)).toBeUndefined();
    expect(ours.toString()).toBe(theirs.toString());
    const listed: Node[] = [];
    node.forEach((c) => listed.push(c));
    expect(childrenOf(node)).toEqual(listed);
  });
});
