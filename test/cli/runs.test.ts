/** A batch reads its files in runs and grades each run's answers ahead, question by question (cli/batch.ts prepareRun). */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRun, RUN_CHARS, RUN_FILES, type Preread } from '../../grader/cli/runs.js';
import { heldAhead } from '../../grader/compare/memo.js';
import { PointCache } from '../../grader/compare/points.js';
import { readSubmission } from '../../grader/submission/load.js';
import { BANK } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'grader-run-'));
const files = Array.from({ length: RUN_FILES + 20 }, (_, i) => {
  const f = join(dir, `${String(i).padStart(3, '0')}.yaml`);
  copyFileSync(i % 2 ? 'submissions/bob.yaml' : 'submissions/alice.yaml', f);
  return f;
});
files[3] = 'submissions/frank-writeup.md';
files[5] = join(dir, 'missing.yaml');

describe('a run of files', () => {
  it('is read up to RUN_FILES, write-ups left to their grading, and its answers graded ahead', () => {
    const points = new PointCache(1);
    const read = new Map<string, Preread>([[files[1]!, readSubmission('submissions/dave-latex.yaml')]]);
    const first = prepareRun(BANK, files, 0, points, read);
    expect(first).toHaveLength(RUN_FILES);
    expect(first[3]).toBeUndefined();
    expect(first[5]).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    expect(first[1]).toMatchObject({ ok: true, submission: { student: 'dave' } }); // read before, used once
    expect(read.size).toBe(0);
    expect(heldAhead(points)).toBeGreaterThan(10);
    expect(prepareRun(BANK, files, RUN_FILES, points)).toHaveLength(20);
  });

  it('ends once its answers come to RUN_CHARS characters', () => {
    const long = join(dir, 'long.yaml');
    writeFileSync(long, `student: long\nanswers:\n  cs224n-a2/sigmoid-derivative: '${'x+'.repeat(450_000)}x'\n`);
    const per = 900_001;
    const run = prepareRun(BANK, Array<string>(10).fill(long), 0, new PointCache(1));
    expect(run).toHaveLength(Math.ceil(RUN_CHARS / per));
  });
});
