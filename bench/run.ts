/**
 * `npm run bench`: every figure of issue 15 beside its target, from the BUILT CLI (bin/grader.mjs
 * over dist/), medians of repeated whole-process runs, and the Node floor (`node -e 0`).
 * This file is bundled to dist/bench.cjs by scripts/build.mjs, so the evaluation comparison runs
 * the built code too. Options:
 *   --quick          skip the 20,000-submission batch (minutes)
 *   --runs N         runs per start-up figure (default 15; 1,000-batches run 5 times)
 *   --large-runs N   runs of the 20,000 batch (default 1: minutes each)
 *   --cli FILE       the CLI entry to time (default bin/grader.cjs, the package's bin; e.g. an older checkout's)
 *   --save FILE      write the figures as JSON, to compare later
 *   --against FILE   print a saved run's figures beside these ("before")
 *   --only eval      only the evaluation rows (compiled vs hand-written loops), in seconds
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluationRows } from './evaluate.js';
import { generate } from './generate.js';
import { Runner } from './measure.js';
import { writeWriteup } from './writeup.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '15' },
    'large-runs': { type: 'string', default: '1' },
    cli: { type: 'string', default: 'bin/grader.cjs' },
    save: { type: 'string' },
    against: { type: 'string' },
    only: { type: 'string' },
  },
});
const runs = Math.max(3, Number(values.runs) || 15);
const largeRuns = Math.max(1, Number(values['large-runs']) || 1);
const cli = values.cli;
const dir = mkdtempSync(join(tmpdir(), 'grader-bench-'));
const runner = new Runner(dir);

/** One printed figure: a median and what it is measured against. */
interface Figure {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  /** Median CPU seconds of the process (user + system): steadier than wall time on a busy machine. */
  readonly cpu?: number;
  readonly unit: 's' | 'x' | 'µs';
  readonly target?: string;
  readonly note?: string;
}
const figures: Figure[] = [];
const add = (f: Figure) => {
  figures.push(f);
  process.stderr.write(`  measured ${f.label}\n`);
};

const evalOnly = values.only === 'eval';
if (values.only !== undefined && !evalOnly) throw new Error(`--only takes "eval", not "${values.only}"`);
// Rates by wall time, and by CPU time: on a busy machine the second is what an idle core would do.
let rate = 0;
let cpuRate = 0;
let perStudent = 0;

/**
 * Waits, `maxSeconds` at most, for the load average to show two idle cores: automatic --jobs reads
 * it (cli/batch.ts threadCount), and the bench's own batches just before lift it for a minute or
 * more, which would time a large batch as on a machine busy with something else. Returns the load
 * average it stopped at.
 */
function settle(maxSeconds: number): number {
  const end = Date.now() + maxSeconds * 1000;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (loadavg()[0]! > cpus().length - 1.5 && Date.now() < end) Atomics.wait(nap, 0, 0, 2000);
  return loadavg()[0]!;
}

// The whole-process figures, unless only the evaluation rows are asked for.
function processFigures(): void {
  const small = generate(join(dir, 'b1000'), 1000);
  const one = small.files[0]!;
  const floor = runner.time(['-e', '0'], runs);
  add({ key: 'floor', label: 'Node floor, `node -e 0`', value: floor.wall, cpu: floor.cpu, unit: 's' });
  // The bin, the bundle's code cache and its module set-up, and nothing else: what every command pays.
  const bare = runner.time([cli, '--version'], runs);
  add({
    key: 'version',
    label: 'the CLI loaded, `grader --version`',
    value: bare.wall,
    cpu: bare.cpu,
    unit: 's',
    note: `+${(bare.wall - floor.wall).toFixed(3)} s over Node (CPU +${(bare.cpu - floor.cpu).toFixed(3)} s)`,
  });

  const single = runner.time([cli, 'grade', one, '--format', 'json'], runs);
  add({
    key: 'one',
    label: 'one submission (21 answers), whole process',
    value: single.wall,
    cpu: single.cpu,
    unit: 's',
    target: '≤ 0.12 s',
    note: `+${(single.wall - floor.wall).toFixed(3)} s over Node (target ≤ +0.05 s)`,
  });
  const tried = runner.time([cli, 'try', 'cs224n-a2/naive-softmax-grad-vc', 'U * (yhat - y)'], runs);
  add({
    key: 'try',
    label: '`grader try` one answer',
    value: tried.wall,
    cpu: tried.cpu,
    unit: 's',
    target: '≤ 0.10 s',
    note: `+${(tried.wall - floor.wall).toFixed(3)} s over Node`,
  });

  const out = join(dir, 'out.json');
  const b1 = runner.time([cli, 'grade', join(dir, 'b1000'), '--format', 'json', '--out', out], 5);
  add({
    key: 'batch1000',
    label: `1,000 submissions (${small.answers} answers, ${small.unique} distinct), automatic --jobs`,
    value: b1.wall,
    cpu: b1.cpu,
    unit: 's',
    target: '≤ 1.5 s',
    note: `${Math.round(small.answers / b1.wall)} answers/s; peak ${Math.round(b1.rssMiB)} MiB`,
  });
  const b1j2 = runner.time([cli, 'grade', join(dir, 'b1000'), '--format', 'json', '--out', out, '--jobs', '2'], 5);
  add({
    key: 'batch1000j2',
    label: 'the same with --jobs 2',
    value: b1j2.wall,
    cpu: b1j2.cpu,
    unit: 's',
    note: `${(b1.wall / b1j2.wall).toFixed(2)}x automatic; peak ${Math.round(b1j2.rssMiB)} MiB`,
  });
  // One thread: what automatic chooses when the other cores are busy (cli/batch.ts threadCount).
  const b1j1 = runner.time([cli, 'grade', join(dir, 'b1000'), '--format', 'json', '--out', out, '--jobs', '1'], 5);
  add({
    key: 'batch1000j1',
    label: 'the same with --jobs 1',
    value: b1j1.wall,
    cpu: b1j1.cpu,
    unit: 's',
    note: `${(b1.wall / b1j1.wall).toFixed(2)}x automatic; peak ${Math.round(b1j1.rssMiB)} MiB`,
  });

  rate = small.answers / b1.wall;
  cpuRate = small.answers / b1.cpu;
  perStudent = small.answers / 1000;
  if (!values.quick) {
    const large = generate(join(dir, 'b20000'), 20000, 11);
    const load = settle(120);
    // Minutes a run on a busy machine: one run, after the 1,000 batches have warmed the caches.
    const b2 = runner.time([cli, 'grade', join(dir, 'b20000'), '--format', 'json', '--out', out], largeRuns, false);
    rate = large.answers / b2.wall;
    cpuRate = large.answers / b2.cpu;
    perStudent = large.answers / 20000;
    add({
      key: 'batch20000',
      label: `20,000 submissions (${large.answers} answers)`,
      value: b2.wall,
      cpu: b2.cpu,
      unit: 's',
      target: '≤ 25 s',
      note: `${Math.round(rate)} answers/s; peak ${Math.round(b2.rssMiB)} MiB; load average ${load.toFixed(1)} at its start`,
    });
  }

  // A write-up, once `grade` reads documents: detected by grading it and looking for a document entry.
  const doc = join(dir, 'writeup.md');
  const shape = writeWriteup(doc);
  const probe = runner.output([cli, 'grade', doc, '--format', 'json']);
  let isDocument = false;
  try {
    isDocument = (JSON.parse(probe.stdout) as { submissions?: { kind?: string }[] }).submissions?.[0]?.kind === 'document';
  } catch {
    // not JSON: a CLI that rejects the file
  }
  if (isDocument) {
    const d = runner.time([cli, 'grade', doc, '--format', 'json'], runs);
    add({
      key: 'document',
      label: `a write-up (${shape.questions} questions, ${shape.steps} steps), whole process`,
      value: d.wall,
      cpu: d.cpu,
      unit: 's',
      target: '≤ 0.3 s',
    });
  } else
    add({
      key: 'document',
      label: `a write-up (${shape.questions} questions, ${shape.steps} steps)`,
      value: null,
      unit: 's',
      target: '≤ 0.3 s',
      note: 'not available: `grade` does not read write-ups yet',
    });
}
if (!evalOnly) processFigures();

for (const r of evaluationRows('problems'))
  add({
    key: `eval:${r.id}`,
    label: `evaluation ${r.id.split('/')[1]}: compiled vs hand-written loop`,
    value: r.ratio,
    unit: 'x',
    target: '≤ 2x',
    note: `${r.compiledUs.toFixed(2)} µs vs ${r.handUs.toFixed(2)} µs a call`,
  });

// Print.
const before = values.against ? (JSON.parse(readFileSync(values.against, 'utf8')) as { figures: Figure[] }).figures : [];
const show = (v: number | null | undefined, unit: string) =>
  v == null ? 'n/a' : unit === 'x' ? `${v.toFixed(2)}x` : `${v.toFixed(unit === 's' && v < 1 ? 3 : 2)} s`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${platform()} ${arch()}, ${availableParallelism()} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}`;
console.log(
  `Benchmark ${new Date().toISOString().slice(0, 16)}Z: ${machine}; CLI ${cli}; medians (${runs} runs a start-up figure, 5 a 1,000 batch, ${largeRuns} a 20,000 batch)`,
);
console.log(
  `  load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (above ${availableParallelism()}, wall times include waiting for other processes: compare CPU)`,
);
const head = ['figure', 'wall', 'CPU', 'target', ...(before.length ? ['before: wall', 'CPU'] : []), 'notes'];
const rows = figures.map((f) => {
  const b = before.find((x) => x.key === f.key);
  return [
    f.label,
    show(f.value, f.unit),
    f.cpu === undefined ? '' : show(f.cpu, 's'),
    f.target ?? '',
    ...(before.length ? [show(b?.value, f.unit), b?.cpu === undefined ? '' : show(b.cpu, 's')] : []),
    f.note ?? '',
  ];
});
const widths = head.map((_, i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
for (const r of [head, ...rows]) console.log(`  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`);
const minutes = (r: number) => ((100000 * perStudent) / r / 60).toFixed(1);
if (!evalOnly)
  console.log(
    `  100,000 students x ${perStudent.toFixed(1)} answers, one process: about ${minutes(rate)} minutes at the measured ${Math.round(rate)} answers/s, ${minutes(cpuRate)} at ${Math.round(cpuRate)} answers per CPU-second (an idle core); --shard i/n splits it over machines`,
  );
if (values.save) writeFileSync(values.save, `${JSON.stringify({ date: new Date().toISOString(), machine, cli, figures }, null, 2)}\n`);
