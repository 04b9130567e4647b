/**
 * Issue 12.10, 12.11: a batch over worker threads hands every report on, in file order, whatever
 * its workers do: a file that kills its worker (an exit, an out-of-memory) costs that file only,
 * reported as not graded, and a fresh worker grades the rest. Workers are sent runs of files: the
 * files of a run that died go back one by one, so that the file that kills again is the one lost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SubmissionReport } from '../../grader/core/index.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeFiles } from '../../grader/cli/batch.js';
import { isRendered, type Rendered } from '../../grader/report/portable.js';
import { BANK } from '../helpers.js';

/** A stand-in worker speaking the batch's protocol, with files that kill it. */
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
parentPort.on('message', ({ indices, files }) => files.forEach((file, k) => {
  const index = indices[k];
  if (file.includes('exit')) process.exit(3);
  if (file.includes('oom')) { const hog = []; for (;;) hog.push(new Array(1e6).fill(index)); }
  if (file.includes('slow')) { const end = Date.now() + 30; while (Date.now() < end); }
  if (workerData.render) parentPort.postMessage({ index, rendered: { text: workerData.render.format + ':' + file, failed: false } });
  else parentPort.postMessage({ index, report: { file, student: 'w', score: 1, maxScore: 1, seed: 1, error: null, questions: [] } });
}));
`;

describe('a batch over workers', () => {
  const entry = join(mkdtempSync(join(tmpdir(), 'grader-worker-')), 'worker.mjs');
  writeFileSync(entry, WORKER);

  const files = Array.from({ length: 60 }, (_, i) =>
    i === 7 ? `exit-${i}.yaml` : i === 31 ? `oom-${i}.yaml` : i % 5 === 0 ? `slow-${i}.yaml` : `f-${i}.yaml`,
  );

  it('reports every file in order; a file that kills its worker is the only one lost', async () => {
    const got: [number, SubmissionReport | Rendered][] = [];
    await gradeFiles(BANK, files, new PointCache(1), { jobs: 3, bankPath: 'problems', workerEntry: entry }, (r, i) => got.push([i, r]));
    expect(got.map(([i]) => i)).toEqual(files.map((_, i) => i));
    const reports = got.map(([, r]) => r as SubmissionReport);
    expect(reports.map((r) => r.file)).toEqual(files);
    expect(reports.flatMap((r, i) => (r.error ? [[i, r.error.code]] : []))).toEqual([
      [7, 'WORKER_CRASHED'],
      [31, 'WORKER_CRASHED'],
    ]);
  }, 60_000);

  it('in a portable format, hands on what workers rendered, and a lost file as a report to render', async () => {
    const got: (SubmissionReport | Rendered)[] = [];
    await gradeFiles(BANK, files, new PointCache(1), { jobs: 2, bankPath: 'problems', workerEntry: entry, render: { format: 'json' } }, (r) => got.push(r));
    expect(got.map((r) => (isRendered(r) ? r.text : `lost:${r.file}:${r.error?.code}`))).toEqual(
      files.map((f, i) => (i === 7 || i === 31 ? `lost:${f}:WORKER_CRASHED` : `json:${f}`)),
    );
  }, 60_000);
});

describe('a batch with broken files, through the CLI', () => {
  it('grades every readable submission, in parallel as in sequence, and reports the others', async () => {
    const { copyFileSync, symlinkSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { cli } = await import('../helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'grader-broken-'));
    for (let i = 0; i < 70; i++) copyFileSync(`submissions/${['alice', 'bob', 'dave-latex'][i % 3]}.yaml`, join(dir, `ok-${String(i).padStart(2, '0')}.yaml`));
    spawnSync('mkfifo', [join(dir, 'fifo.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.yaml'));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x73, 0x3a, 0x20, 0xe9, 0x0a]));
    const one = cli('grade', dir, '--format', 'json', '--jobs', '1');
    const two = cli('grade', dir, '--format', 'json', '--jobs', '2');
    expect([one.code, two.code]).toEqual([1, 1]);
    expect(two.out).toBe(one.out);
    const subs = JSON.parse(one.out).submissions as { file: string; error: { code: string } | null }[];
    expect(subs.filter((s) => !s.error)).toHaveLength(70);
    expect(
      subs
        .filter((s) => s.error)
        .map((s) => s.error!.code)
        .sort(),
    ).toEqual(['FILE_NOT_REGULAR', 'FILE_NOT_REGULAR', 'FILE_NOT_UTF8', 'FILE_UNREADABLE']);
  }, 120_000);
});
