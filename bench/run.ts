/**
 * `npm run bench`: start-up of one submission as a whole process, throughput over 1,000 seeded
 * synthetic submissions, and the compiled evaluator against hand-written Float64Array code.
 * Medians over repeated runs (the machines are shared and noisy), and ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PointCache } from '../grader/compare/points.js';
import { allQuestions, loadBank } from '../grader/bank/load.js';
import { negSamplingGradVc, skipgramGradU, softmaxGradVc } from './baseline.js';
import { generate } from './generate.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function wall(args: string[], runs: number): number {
  spawnSync(process.execPath, ['bin/grader.mjs', ...args], { stdio: 'ignore' }); // warm the caches
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      spawnSync(process.execPath, ['bin/grader.mjs', ...args], { stdio: 'ignore' });
      return (performance.now() - t) / 1000;
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'grader-bench-'));
const { files, answers, unique } = generate(dir, 1000);
const out = join(dir, 'out.json');

const one = wall(['grade', files[0]!, '--format', 'json'], 15);
const batch = wall(['grade', dir, '--format', 'json', '--out', out, '--jobs', '1'], 5);
const batch2 = wall(['grade', dir, '--format', 'json', '--out', out, '--jobs', '2'], 5);

// Evaluation: the compiled references against the hand-written loops, on the same points.
const bank = loadBank('problems');
const points = new PointCache(1);
const byId = new Map(allQuestions(bank).map((q) => [q.id, q]));
type Pair = { id: string; hand: (env: { data: Float64Array }[], slot: (n: string) => number) => Float64Array };
const pairs: Pair[] = [
  { id: 'cs224n-a2/naive-softmax-grad-vc', hand: (e, s) => softmaxGradVc(e[s('U')]!.data, e[s('yhat')]!.data, e[s('y')]!.data, 3, 7) },
  { id: 'cs224n-a2/neg-sampling-grad-vc', hand: (e, s) => negSamplingGradVc(e[s('U')]!.data, e[s('v_c')]!.data, e[s('o')]!.data[0]!, e[s('negs')]!.data, 3, 7) },
  { id: 'cs224n-a2/skipgram-grad-U', hand: (e, s) => skipgramGradU(e[s('v_c')]!.data, e[s('yhat')]!.data, e[s('outside')]!.data, 3, 7) },
];
const evalRows = pairs.map(({ id, hand }) => {
  const q = byId.get(id)!;
  const envs = points.get(q).flatMap((p) => p.envs);
  const slot = (n: string) => q.model.slots.findIndex((x) => x.name === n);
  const time = (f: () => void) => {
    for (let i = 0; i < 2000; i++) f(); // warm up the JIT
    return median(
      Array.from({ length: 7 }, () => {
        const t = performance.now();
        for (let i = 0; i < 20000; i++) f();
        return (performance.now() - t) / 20000;
      }),
    );
  };
  let k = 0;
  const compiled = time(() => q.reference.run(envs[k++ % envs.length]!.slice()));
  const baseline = time(() => hand(envs[k++ % envs.length]!, slot));
  return { id, compiledUs: compiled * 1000, baselineUs: baseline * 1000, ratio: compiled / baseline };
});

const fmt = (x: number, d = 2) => x.toFixed(d);
console.log(`Benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, medians)`);
console.log(`  one submission, whole process:        ${fmt(one)} s   (target < 0.3 s)`);
console.log(`  1,000 submissions (${answers} answers, ${unique} distinct):   ${fmt(batch)} s   ${Math.round(answers / batch)} answers/s   (target < 5 s)`);
console.log(`  the same with --jobs 2:               ${fmt(batch2)} s   (${fmt(batch / batch2)}x the sequential speed)`);
console.log('  evaluation, compiled vs hand-written Float64Array (per call):');
for (const r of evalRows) console.log(`    ${r.id.padEnd(34)} ${fmt(r.compiledUs)} µs vs ${fmt(r.baselineUs)} µs   ${fmt(r.ratio, 1)}x   (target ≤ 5x)`);
