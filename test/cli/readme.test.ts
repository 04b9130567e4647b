/**
 * The README's examples, tested so that they cannot drift: its submissions parse and grade as
 * shown, no YAML example puts a backslash in double quotes, and each `$ grader ...` block is the
 * program's output (a block marked `excerpt`: its lines appear in the output, in order).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { PointCache } from '../../grader/compare/points.js';
import { parseSubmission } from '../../grader/submission/load.js';
import { BANK, cli } from '../helpers.js';

const README = readFileSync('README.md', 'utf8');
const blocks = [...README.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, info: m[2]!.trim(), body: m[3]! }));
const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('README submissions', () => {
  const submissions = blocks.filter((b) => b.lang === 'yaml' && /^student:/m.test(b.body));

  it('has submission examples', () => expect(submissions.length).toBeGreaterThanOrEqual(2));

  it.each(submissions.map((b) => [b.body.split('\n')[0], b.body]))('%s: parses, and every answer shown is correct', (_, body) => {
    const loaded = parseSubmission('README.yaml', body);
    expect(loaded.ok, JSON.stringify(!loaded.ok && loaded.error)).toBe(true);
    const report = gradeSubmission(BANK, loaded, new PointCache(1));
    const answered = report.questions.filter((q) => q.answer !== null);
    expect(answered.length).toBeGreaterThan(0);
    for (const q of answered) expect([q.id, q.verdict]).toEqual([q.id, 'correct']);
  });

  it.each(blocks.filter((b) => b.lang === 'yaml').map((b) => [b.body.split('\n')[0], b.body]))('%s: no backslash inside YAML double quotes', (_, body) => {
    expect(body).not.toMatch(/"[^"\n]*\\[^"\n]*"/);
  });
});

describe('README command blocks', () => {
  const runs = blocks.filter((b) => b.lang === 'console' && b.body.startsWith('$ grader '));

  it('has command blocks', () => expect(runs.length).toBeGreaterThanOrEqual(2));

  it.each(runs.map((b) => [b.body.split('\n')[0]!, b]))('%s', (line, b) => {
    const { out } = cli(...words(line).slice(2));
    const shown = b.body.slice(line.length + 1);
    if (b.info === 'excerpt') {
      const lines = out.split('\n');
      let at = 0;
      for (const l of shown.trimEnd().split('\n')) {
        const found = lines.indexOf(l, at);
        expect(found, `not in the output (in order): ${l}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    } else expect(out).toBe(shown);
  });
});
