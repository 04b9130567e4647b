import type { Candidate, Found, Q } from './candidate.js';
import type { DocNote } from './types.js';

/**
 * Step 4 of locating: a question alone unanswered between two answered neighbours (in the set's
 * order, and in the document's) takes the last derivation left between their answers whose
 * left-hand side differentiates its loss by a symbol of the same letter (`u_w` written for `U`):
 * "Generally, $\frac{\partial J}{\partial u_w} = v_c(\tilde y - y)$" after the cases of dJ/du_w.
 */
export function byPosition(qs: readonly Q[], cands: readonly Candidate[], found: Map<string, Found>, claimed: Set<Candidate>): void {
  const span = (id: string) => {
    const at = found
      .get(id)!
      .parts.flatMap((p) => [p.cand, ...p.steps])
      .map((c) => cands.indexOf(c));
    return { first: Math.min(...at), last: Math.max(...at) };
  };
  qs.forEach((x, i) => {
    if (found.has(x.q.id) || i === 0 || i === qs.length - 1) return;
    const prev = qs[i - 1]!;
    const next = qs[i + 1]!;
    if (!found.has(prev.q.id) || !found.has(next.q.id)) return;
    const from = span(prev.q.id).last;
    const to = span(next.q.id).first;
    if (from >= to) return;
    const c = cands
      .slice(from + 1, to)
      .filter(
        (c) =>
          !claimed.has(c) &&
          !c.definition &&
          c.chain.sides.length > 1 &&
          c.lhs !== undefined &&
          x.asks.some((a) => a.num === c.lhs!.num && a.base.toLowerCase() === c.lhs!.base.toLowerCase() && (!c.lhs!.tag || !a.tag || a.tag === c.lhs!.tag)),
      )
      .at(-1);
    if (!c) return;
    claimed.add(c);
    const notes: DocNote[] = [
      {
        code: 'FOUND_BY_POSITION',
        line: c.line,
        detail: `between the answers to ${prev.q.id} and ${next.q.id}; its left-hand side writes ${c.chain.sides[0]!.latex}`,
      },
    ];
    found.set(x.q.id, { parts: [{ cand: c, steps: [c] }], notes });
  });
}
