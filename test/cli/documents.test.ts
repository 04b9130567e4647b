import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const json = (...args: string[]) => {
  const r = cli('grade', ...args, '--format', 'json');
  return { code: r.code, data: JSON.parse(r.out) as { submissions: Record<string, any>[] } };
};

describe('grade on write-ups', () => {
  it('grades a Markdown write-up with the contract fields, the wrong middle step found', () => {
    const { code, data } = json('submissions/frank-writeup.md');
    expect(code).toBe(0);
    const s = data.submissions[0]!;
    expect([s.kind, s.set, s.error]).toEqual(['document', 'cs224n-a2', null]);
    const vc = s.questions.find((q: { id: string }) => q.id === 'cs224n-a2/naive-softmax-grad-vc');
    expect(vc.verdict).toBe('correct');
    expect(vc.steps.map((x: { check: string }) => x.check)).toEqual(['start', 'equal', 'equal', 'differs', 'differs']);
    expect(vc.firstWrongStep).toBe(3);
    expect(vc.located).toEqual({ line: 16, label: '### (b)' });
    expect(vc.definitions).toEqual([{ latex: '\\theta = U^T v_c', line: 7 }]);
  });

  it.each([['submissions/erin-template.tex'], ['submissions/grace-notebook.ipynb']])('grades %s', (file) => {
    const { code, data } = json(file);
    expect(code).toBe(0);
    expect(data.submissions[0]!.questions.filter((q: { verdict: string }) => q.verdict === 'correct').length).toBeGreaterThan(1);
  });

  it('takes --set, and a set the bank lacks costs only that document (exit 1)', () => {
    const { code, data } = json('submissions/frank-writeup.md', 'submissions/alice.yaml', '--set', 'no-such-set');
    expect(code).toBe(1);
    expect(data.submissions[0]!.error.code).toBe('UNKNOWN_SET');
    expect(data.submissions[1]!.score).toBeGreaterThan(0);
  });

  it('a front matter set the bank lacks is refused at its line, the student kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-'));
    const file = join(dir, 'f.md');
    writeFileSync(file, '---\nstudent: pia   # me\nset: cs224n-a3\n---\n\n$$\\frac{\\partial J}{\\partial v_c} = U$$\n');
    const { code, data } = json(file);
    const s = data.submissions[0]!;
    expect([code, s.student, s.error.code, s.error.at?.line]).toEqual([1, 'pia', 'UNKNOWN_SET', 3]);
  });

  it('grades a folder of YAML and write-ups alike; a broken notebook costs only itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-'));
    writeFileSync(join(dir, 'broken.ipynb'), '{"cells": [');
    writeFileSync(join(dir, 'deep.md'), `### (b)\n\n$$\\frac{\\partial J}{\\partial v_c} = ${'{'.repeat(5000)}U${'}'.repeat(5000)}$$\n`);
    writeFileSync(join(dir, 'ok.md'), '### (b)\n\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n');
    const { code, data } = json(dir, '--set', 'cs224n-a2');
    expect(code).toBe(1);
    const byName = Object.fromEntries(data.submissions.map((s) => [s.file.split('/').pop(), s]));
    expect(byName['broken.ipynb'].error).not.toBeNull();
    expect(byName['deep.md'].error).toBeNull();
    expect(byName['ok.md'].questions.find((q: { id: string }) => q.id.endsWith('grad-vc')).verdict).toBe('correct');
  });

  it('shows the derivation with a mark per step and the first wrong step in the text report', () => {
    const r = cli('grade', 'submissions/frank-writeup.md');
    expect(r.out).toContain('found:   ### (b), line 16');
    expect(r.out).toMatch(/✗ line {3}15 {2}= U\\hat\{y\} \+ u_o/);
    expect(r.out).toContain('first wrong step: line 15');
    expect(r.out).toContain('graded against set cs224n-a2 (front-matter)');
  });
});
