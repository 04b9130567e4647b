import type { Marker } from './labels.js';
import { parseLabel } from './labels.js';
import { dimensions, labelScore, trivial } from './match.js';
import { flatOf, nameScore, type Quantity, quantityOf } from './names.js';
import type { Candidate, Found, Q } from './candidate.js';
import { byPosition } from './position.js';
import type { DocNote, QuestionNaming } from './types.js';

export type { Candidate, Found } from './candidate.js';

/** At most this many chains make one answer's derivation. */
const MAX_CHAINS = 40;

/** Find each question's answer among the chains: template blocks, then left-hand sides, then labels. */
export function locate(
  cands: readonly Candidate[],
  markers: readonly Marker[],
  questions: readonly QuestionNaming[],
): { found: Map<string, Found>; notes: DocNote[] } {
  const qs: Q[] = questions.map((q) => ({
    q,
    asks: q.asks.map(quantityOf).filter((x): x is Quantity => x !== undefined),
    flats: q.asks.filter((a) => !quantityOf(a)).map(flatOf),
    tags: new Set(q.asks.map((a) => quantityOf(a)?.tag).filter((t): t is string => t !== undefined)),
    labels: q.labels.map(parseLabel).filter((x): x is string[] => x !== undefined),
  }));
  const pathOf = (c: Candidate) => (c.region >= 0 ? markers[c.region]!.path : []);
  const memo = new Map<Q, Map<number, number>>();
  const regionScore = (x: Q, r: number): number => {
    let m = memo.get(x);
    if (!m) memo.set(x, (m = new Map<number, number>()));
    let v = m.get(r);
    if (v === undefined) m.set(r, (v = r >= 0 ? Math.max(labelScore(x.labels, markers[r]!.path), namesId(markers[r]!.label, x.q.id)) : 0));
    return v;
  };
  const found = new Map<string, Found>();
  const claimed = new Set<Candidate>();
  const docNotes: DocNote[] = [];
  const flatLhs = new Map<Candidate, string>();
  const naming = (c: Candidate, x: Q) => {
    let best: { score: number; case?: string } = { score: 0 };
    if (x.flats.length && c.chain.sides.length > 1) {
      if (!flatLhs.has(c)) flatLhs.set(c, flatOf(c.chain.sides[0]!.latex));
      if (x.flats.includes(flatLhs.get(c)!)) return { score: 2 };
      // `J = -\sum_w y_w \log \hat y_w = ...`: the loss named, then the asked expression
      if (c.loss !== undefined && (c.loss === '' || c.loss === 'naive')) if (x.flats.includes(flatOf(c.chain.sides[1]!.latex))) return { score: 2 };
    }
    if (c.lhs?.tag && x.tags.size && !x.tags.has(c.lhs.tag)) return best;
    for (const a of x.asks) {
      const s = c.lhs ? nameScore(c.lhs, a, x.q.free) : { score: 0 };
      if (s.score > best.score) best = s;
    }
    return best;
  };
  const byRegion = new Map<number, Candidate[]>();
  for (const c of cands) {
    const list = byRegion.get(c.region);
    if (list) list.push(c);
    else byRegion.set(c.region, [c]);
  }
  const inRegion = (r: number) => byRegion.get(r) ?? [];

  // 1. the template's answer blocks name their question
  for (const x of qs) {
    const r = markers.findIndex((m) => m.answerId === x.q.id);
    if (r < 0) continue;
    const own = inRegion(r).filter((c) => !c.definition);
    const last = own[own.length - 1] ?? inRegion(r).at(-1);
    if (!last) continue;
    found.set(x.q.id, { parts: [{ cand: last, steps: inRegion(r).filter((c) => c.chain.block <= last.chain.block && !c.definition) }], notes: [] });
    inRegion(r).forEach((c) => claimed.add(c));
  }

  // 2. a left-hand side that names the quantity, best where the label agrees too
  const pairs: { c: Candidate; x: Q; score: number; label: number; i: number }[] = [];
  const ordered: { c: Candidate; xs: Q[] }[] = [];
  cands.forEach((c, i) => {
    if (c.chain.sides.length < 2 || claimed.has(c)) return;
    const mine: (typeof pairs)[number][] = [];
    for (const x of qs) {
      if (found.has(x.q.id)) continue;
      const n = naming(c, x);
      const label = regionScore(x, c.region);
      if (n.score >= 1) mine.push({ c, x, score: n.score + label, label, i });
    }
    // a chain that names the question its label names is that question's, if anyone's
    if (mine.some((p) => p.label > 0)) return void pairs.push(...mine.filter((p) => p.label > 0));
    const top = Math.max(0, ...mine.map((p) => p.score));
    const best = mine.filter((p) => p.score === top);
    if (best.length <= 1) return void pairs.push(...mine);
    // the same quantity asked twice (dJ/dv_c of two losses): unlabelled, the document's order
    // follows the set's; labelled for another part, it is that part's (step 3)
    if (!qs.some((o) => regionScore(o, c.region) > 0)) ordered.push({ c, xs: best.map((p) => p.x) });
  });
  // the answer box over the copied question, a display over math inline in prose ("it is zero
  // when $dJ/dv_c = 0$"), then the later
  const rank = (p: (typeof pairs)[number]) => (p.c.inAnswer ? 2 : 0) + (p.c.display ? 1 : 0);
  pairs.sort((a, b) => b.score - a.score || rank(b) - rank(a) || b.i - a.i);
  const primary = new Map<string, (typeof pairs)[number]>();
  for (const p of pairs) {
    if (primary.has(p.x.q.id) || found.has(p.x.q.id) || claimed.has(p.c)) continue;
    primary.set(p.x.q.id, p);
    claimed.add(p.c);
  }
  for (const { c, xs } of ordered) {
    const x = xs.find((o) => !primary.has(o.q.id) && !found.has(o.q.id));
    if (!x || claimed.has(c)) continue;
    primary.set(x.q.id, { c, x, score: 0, label: 0, i: cands.indexOf(c) });
    claimed.add(c);
  }
  for (const x of qs) {
    const p = primary.get(x.q.id);
    if (!p) continue;
    const notes: DocNote[] = [];
    const others = qs.filter((o) => o !== x && regionScore(o, p.c.region) > 0);
    const label = markers[p.c.region]?.label ?? '';
    if (p.label === 0 && others.length) {
      notes.push({
        code: 'LABEL_MISMATCH',
        line: p.c.line,
        detail: `${label} names ${others.map((o) => o.q.id).join(', ')}; the left-hand side names ${x.q.id}`,
      });
    } else if (p.label === 0) notes.push({ code: 'FOUND_BY_CONTENT', line: p.c.line, detail: `the left-hand side names ${x.q.id}` });
    if (p.c.relabelled)
      notes.push({
        code: 'LABEL_MISMATCH',
        line: p.c.line,
        detail: `the left-hand side ${p.c.chain.sides[0]!.latex} names another variable than its steps differentiate by (${x.q.id})`,
      });
    found.set(x.q.id, { parts: withCases(x, p.c, notes), notes });
  }

  // 3. by label alone: the answer displays of the part, not ones that name another question; where
  // a label is shared (`(d)` is dJ/dU one year, the sigmoid another), the symbols decide
  const options: { x: Q; r: number; c: Candidate; pool: Candidate[]; s: number; aff: number }[] = [];
  for (const x of qs) {
    if (found.has(x.q.id) || !x.labels.length) continue;
    markers.forEach((m, r) => {
      const s = regionScore(x, r);
      if (s === 0) return;
      // the loss stated (`J = ...`) answers the question about the loss, not one about its gradient
      const pool = fallbackPool(x, r).filter((c) => c.loss === undefined || x.flats.length > 0);
      const rank = (c: Candidate) => (c.definition ? 0 : c.chain.sides.length > 1 ? 2 : 1);
      const top = Math.max(0, ...pool.map(rank));
      // a definition answers only when nothing else does, and not one that ends in a lone symbol (`\hat y = y`)
      const last = pool.filter((c) => rank(c) === top && (top > 0 || (c.chain.sides.length > 1 && !trivial(c.chain.sides.at(-1)!.latex)))).at(-1);
      if (last) options.push({ x, r, c: last, pool, s, aff: affinity(x, last) });
    });
  }
  options.sort((a, b) => b.s - a.s || b.aff - a.aff || a.r - b.r);
  for (const { x, r, c: last, pool } of options) {
    if (found.has(x.q.id) || claimed.has(last)) continue;
    const named = qs.filter((o) => o !== x && naming(last, o).score >= 2);
    const notes: DocNote[] = named.length
      ? [
          {
            code: 'LABEL_MISMATCH',
            line: last.line,
            detail: `${markers[r]!.label} names ${x.q.id}; the left-hand side names ${named.map((o) => o.q.id).join(', ')}, answered elsewhere`,
          },
        ]
      : [{ code: 'FOUND_BY_LABEL', line: last.line, detail: `under ${markers[r]!.label}` }];
    found.set(x.q.id, { parts: withCases(x, last, notes, pool), notes });
    claimed.add(last);
  }
  byPosition(qs, cands, found, claimed);
  return { found, notes: docNotes };

  function fallbackPool(x: Q, r: number): Candidate[] {
    const all = inRegion(r);
    // a chain that names another question still unanswered is that question's (step 2 would have
    // taken it); one that names a question answered elsewhere is this part's, mislabelled
    let pool = all.filter((c) => !claimed.has(c) && !namesUnanswered(c, x));
    if (all.some((c) => c.inAnswer)) pool = pool.filter((c) => c.inAnswer);
    if (all.some((c) => c.display && (c.inAnswer || !all.some((d) => d.inAnswer)))) pool = pool.filter((c) => c.display);
    // a lone side that is the asked derivative itself (`$\frac{\partial J}{\partial v_c}$ is zero when ...`) is no answer
    const lone = (c: Candidate) => c.chain.sides.length === 1 && (trivial(c.chain.sides[0]!.latex) || quantityOf(c.chain.sides[0]!.latex) !== undefined);
    return pool.filter((c) => !lone(c) && !c.chain.sides.every((s) => dimensions(s.latex)));
  }

  /** Whether the chain's left-hand side names another question best, and that question is not answered. */
  function namesUnanswered(c: Candidate, x: Q): boolean {
    const others = qs.filter((o) => o !== x).map((o) => ({ o, s: naming(c, o).score }));
    const top = Math.max(0, ...others.map((e) => e.s));
    return top >= 2 && others.filter((e) => e.s === top).every((e) => !found.has(e.o.q.id));
  }

  /** How many of the symbols a question asks about (`\sigma`, `x`; `J`, `U`) a chain writes. */
  function affinity(x: Q, c: Candidate): number {
    const text = c.chain.sides.map((s) => s.latex).join(' ');
    const symbols = new Set(x.asks.flatMap((a) => [a.num, a.base]));
    return [...symbols].filter((s) => new RegExp(`${s.replace(/\\/g, '\\\\')}(?![A-Za-z])`).test(text)).length;
  }

  /** A free-index answer written as separate displays, one per case, becomes several parts. */
  function withCases(x: Q, main: Candidate, notes: DocNote[], pool?: readonly Candidate[]): Found['parts'] {
    const steps = stepsFor(x, main);
    if (!x.q.free) return [{ cand: main, steps }];
    const near = (pool ?? cands).filter((c) => (c === main || !claimed.has(c)) && (c.region === main.region || regionScore(x, c.region) > 0));
    const byCase = new Map<string, Candidate>();
    for (const c of near) {
      const n = naming(c, x);
      if (!pool && n.score === 0) continue;
      const hint = c.caseHint && new RegExp(`^${x.q.free}\\b`).test(c.caseHint) ? c.caseHint : undefined;
      const cs = n.case ?? hint;
      if (cs) byCase.set(cs.replace(/\s+/g, ''), c);
    }
    if (byCase.size < 2) return [{ cand: main, steps }];
    // equality cases first (`w = o`, then `w \neq o`), else document order
    const eq = (c: Candidate) => ([...byCase].find(([, v]) => v === c)![0].includes('\\') ? 1 : 0);
    const parts = [...byCase.values()].sort((a, b) => eq(a) - eq(b) || cands.indexOf(a) - cands.indexOf(b));
    claimed.delete(main);
    parts.forEach((c) => claimed.add(c));
    notes.push({ code: 'CASES_JOINED', line: parts[0]!.line, detail: `${parts.length} cases joined into one answer` });
    return parts.map((c) => {
      const n = naming(c, x);
      const hint = c.caseHint && new RegExp(`^${x.q.free}\\b`).test(c.caseHint) ? c.caseHint : undefined;
      return { cand: c, steps: [c], case: (n.case ?? hint)! };
    });
  }

  function samePath(a: Candidate, b: Candidate): boolean {
    const p = pathOf(a);
    const q = pathOf(b);
    return a.region === b.region || (p.length > 0 && p.length === q.length && p.every((t, i) => t === q[i]));
  }

  /** The derivation that ends in the answer: earlier chains of its region for the same quantity, or named intermediate results. */
  function stepsFor(x: Q, main: Candidate): Candidate[] {
    const idx = cands.indexOf(main);
    const all = cands.filter((c, i) => {
      if (c === main) return true;
      if (!samePath(c, main) || c.inAnswer !== main.inAnswer || (claimed.has(c) && c !== main)) return false;
      if (naming(c, x).score > 0) return true;
      if (i > idx) return false;
      // `\delta_2 = \frac{\partial CE}{\partial h} = ...`: a named intermediate gradient
      return c.definition && c.chain.sides.slice(1).some((s) => /^\\[dt]?frac\s*\{\s*\\partial|^\\partial/.test(s.latex));
    });
    // a derivation runs to a few chains; hundreds of copies of one are not all its steps
    if (all.length <= MAX_CHAINS) return all;
    const at = all.indexOf(main);
    const from = Math.max(0, Math.min(at - MAX_CHAINS / 2, all.length - MAX_CHAINS));
    return all.slice(from, from + MAX_CHAINS);
  }
}

/** A heading that writes the question's id (`## (e) sigmoid-derivative`, as the template's ids read): the surest label. */
function namesId(label: string, id: string): number {
  const short = id.slice(id.indexOf('/') + 1);
  return short.length > 3 && new RegExp(`(^|[^\\w-])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(label) ? 3 : 0;
}
