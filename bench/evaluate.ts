/**
 * The compiled evaluator against hand-written Float64Array loops (baseline.ts) for three bank
 * references, on the same points, in the same process. Run from the bundle (dist/bench.cjs),
 * so both sides are the built code, not tsx's.
 */
import { performance } from 'node:perf_hooks';
import { allQuestions, loadBank } from '../grader/bank/load.js';
import { PointCache } from '../grader/compare/points.js';
import { negSamplingGradVc, skipgramGradU, softmaxGradVc } from './baseline.js';
import { median } from './measure.js';

type Env = readonly { data: Float64Array }[];
type Hand = (env: Env, slot: (name: string) => number) => Float64Array;

const PAIRS: readonly { id: string; hand: Hand }[] = [
  { id: 'cs224n-a2/naive-softmax-grad-vc', hand: (e, s) => softmaxGradVc(e[s('U')]!.data, e[s('yhat')]!.data, e[s('y')]!.data, 3, 7) },
  {
    id: 'cs224n-a2/neg-sampling-grad-vc',
    hand: (e, s) => negSamplingGradVc(e[s('U')]!.data, e[s('v_c')]!.data, e[s('o')]!.data[0]!, e[s('negs')]!.data, 3, 7),
  },
  { id: 'cs224n-a2/skipgram-grad-U', hand: (e, s) => skipgramGradU(e[s('v_c')]!.data, e[s('yhat')]!.data, e[s('outside')]!.data, 3, 7) },
];

export interface EvalRow {
  readonly id: string;
  readonly compiledUs: number;
  readonly handUs: number;
  readonly ratio: number;
}

const ROUNDS = 7;
const CALLS = 20000;

/** µs a call of f over one round of CALLS calls. */
function round(f: () => void): number {
  const t = performance.now();
  for (let i = 0; i < CALLS; i++) f();
  return ((performance.now() - t) / CALLS) * 1000;
}

/**
 * Per-call times of both sides, the medians of 7 rounds of 20,000 calls after a JIT warm-up,
 * the rounds of the two sides interleaved (compiled, hand, compiled, ...) so that both meet the
 * same load on a shared machine; the ratio is the median of the rounds' own ratios.
 */
function paired(compiled: () => void, hand: () => void): { compiledUs: number; handUs: number; ratio: number } {
  for (let i = 0; i < 5000; i++) compiled();
  for (let i = 0; i < 5000; i++) hand();
  const rounds = Array.from({ length: ROUNDS }, () => {
    const c = round(compiled);
    const h = round(hand);
    return { c, h };
  });
  return { compiledUs: median(rounds.map((r) => r.c)), handUs: median(rounds.map((r) => r.h)), ratio: median(rounds.map((r) => r.c / r.h)) };
}

export function evaluationRows(bankDir: string): EvalRow[] {
  const bank = loadBank(bankDir);
  const points = new PointCache(1);
  const byId = new Map(allQuestions(bank).map((q) => [q.id, q]));
  return PAIRS.map(({ id, hand }) => {
    const q = byId.get(id);
    if (!q) throw new Error(`the bench needs question ${id} in ${bankDir}`);
    const envs = points.get(q).flatMap((p) => p.envs);
    const slot = (n: string) => q.model.slots.findIndex((x) => x.name === n);
    let k = 0;
    const times = paired(
      () => q.reference.run(envs[k++ % envs.length]!.slice()),
      () => hand(envs[k++ % envs.length]!, slot),
    );
    return { id, ...times };
  });
}
