import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const piped = (file: string) =>
  spawnSync(process.execPath, ['bin/grader.mjs', 'grade', '-', '--format', 'json'], { input: readFileSync(file), encoding: 'utf8', timeout: 120_000 });
const graded = (file: string) => spawnSync(process.execPath, ['bin/grader.mjs', 'grade', file, '--format', 'json'], { encoding: 'utf8', timeout: 120_000 });

describe('grade - grades a write-up piped in as the file of that kind', () => {
  it.each(['submissions/frank-writeup.md', 'submissions/erin-template.tex', 'submissions/grace-notebook.ipynb', 'submissions/alice.yaml'])('%s', (file) => {
    const [a, b] = [piped(file), graded(file)];
    expect(a.stderr).not.toMatch(/parseAllDocuments|YAML syntax/);
    expect(a.status).toBe(b.status);
    const score = (out: string) =>
      (JSON.parse(out) as { submissions: { score: number; maxScore: number; student: string | null }[] }).submissions.map((s) => [
        s.score,
        s.maxScore,
        s.student,
      ]);
    expect(score(a.stdout)).toEqual(score(b.stdout));
  });
});
