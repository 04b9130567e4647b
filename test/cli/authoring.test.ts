/** The author's tools end to end: new, check --strict, try --explain. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const run = cli;

describe('grader new', () => {
  it('scaffolds a set and a question that check --strict proves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-new-'));
    const file = join(dir, 'course.yaml');
    expect(run('new', 'set', file).code).toBe(0);
    expect(run('new', 'question', file, 'square').code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Sizes name the dimensions');
    expect(text).toContain('id: square');
    const check = run('check', '--strict', '--problems', dir, '--format', 'json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).questions.map((q: { id: string }) => q.id)).toEqual(['course/grad-w', 'course/square']);
  });

  it('never overwrites, and refuses a duplicate id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-new-'));
    const file = join(dir, 'c.yaml');
    run('new', 'set', file);
    expect(run('new', 'set', file).code).toBe(2);
    expect(run('new', 'question', file, 'grad-w').code).toBe(2);
    expect(run('new', 'question', join(dir, 'missing.yaml'), 'x').code).toBe(2);
    expect(run('new', 'thing').code).toBe(2);
  });
});

describe('grader check --strict', () => {
  it('passes on the bank', () => expect(run('check', '--strict').code).toBe(0));

  it('reports unused symbols, prompts that omit a symbol, and missing wrong examples', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-strict-'));
    writeFileSync(
      join(dir, 's.yaml'),
      `set: s
title: S
symbols:
  x: { sample: normal }
  unused: { sample: normal }
questions:
  - id: q
    title: Q
    prompt: Find something.
    reference: "2 * x"
    examples: [{ answer: "2x", verdict: correct }, { answer: "2 *", verdict: invalid }]
`,
    );
    expect(run('check', '--problems', dir).code).toBe(0);
    const strict = run('check', '--strict', '--problems', dir, '--format', 'json');
    expect(strict.code).toBe(1);
    expect(
      JSON.parse(strict.out)
        .warnings.map((w: { code: string }) => w.code)
        .sort(),
    ).toEqual(['FEW_LATEX_EXAMPLES', 'NO_INCORRECT_EXAMPLE', 'PROMPT_MISSING_SYMBOL', 'UNUSED_SYMBOL']);
  });
});

describe('grader check --strict on references', () => {
  it('reports a reference undefined at many draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-strict-'));
    writeFileSync(
      join(dir, 'u.yaml'),
      `set: u
title: U
symbols:
  x: { sample: uniform }
questions:
  - id: q
    title: Q
    prompt: Write log(x - 0.8) for x.
    reference: "log(x - 0.8)"
    examples: [{ answer: "log(x - 0.8)", verdict: correct }, { answer: "log(x)", verdict: incorrect }]
`,
    );
    expect(run('check', '--problems', dir).code).toBe(0);
    const strict = JSON.parse(run('check', '--strict', '--problems', dir, '--format', 'json').out);
    expect(strict.warnings.map((w: { code: string }) => w.code)).toEqual(['REFERENCE_OFTEN_UNDEFINED', 'FEW_LATEX_EXAMPLES', 'UNNAMED_MISTAKE']);
  });
});

describe('grader try --explain', () => {
  it('shows the points, both values, the error at each and the deciding check', () => {
    const { code, out } = run('try', 'cs224n-a2/naive-softmax-grad-vc', 'U * (y - yhat)', '--explain', '--format', 'json');
    expect(code).toBe(0);
    const e = JSON.parse(out).explanation;
    expect(e.decidedBy).toBe('SIGN_FLIPPED');
    expect(e.cases).toHaveLength(12); // every level of scale, with both signs (sample/plan.ts)
    expect(e.cases[0]).toMatchObject({ point: 1, ok: false, got: expect.any(Array), expected: expect.any(Array), absError: expect.any(Number) });
    expect(Object.keys(e.cases[0].symbols)).toEqual(['U', 'v_c', 'o', 'negs']);
    expect(e.cases[0].got[0]).toBeCloseTo(-e.cases[0].expected[0], 5);
  });

  it('names the free index in text', () => {
    const { out } = run('try', 'cs224n-a2/naive-softmax-grad-uw', '(yhat_w - y_w) * v_c', '--explain');
    expect(out).toContain('decided by VALUES_AGREE');
    expect(out).toMatch(/✓ w = 1: yours/);
  });
});
