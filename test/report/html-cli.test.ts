/** The HTML report through the CLI: what --instructor adds, a batch's front matter, the index beside per-student pages. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderProse } from '../../grader/report/html-text.js';
import { cli, YAML_SUBMISSIONS } from '../helpers.js';

const count = (html: string, s: string) => html.split(s).length - 1;

describe('grade --format html', () => {
  it('--instructor adds the expected answer under each question, and the item analysis', () => {
    const student = cli('grade', ...YAML_SUBMISSIONS, '--format', 'html').out;
    const staff = cli('grade', ...YAML_SUBMISSIONS, '--format', 'html', '--instructor').out;
    expect(count(student, '<dt>expected</dt>')).toBe(0);
    expect(student).not.toContain('Item analysis');
    expect(count(staff, '<dt>expected</dt>')).toBe(44);
    expect(staff).toContain('<h2 id="items">Item analysis</h2>');
  });

  it('opens a batch with the score table and the per-question summary; one submission has neither', () => {
    const batch = cli('grade', ...YAML_SUBMISSIONS, '--format', 'html').out;
    expect(batch).toContain('<h2 id="scores">Scores</h2>');
    expect(batch).toContain('<a href="#s2">bob</a>');
    expect(batch).toContain('<h2 id="per-question">Per question</h2>');
    expect(batch).toContain('<h3 id="q-s2-cs224n-a2-naive-softmax-grad-vc">Gradient of the naive-softmax loss with respect to v_c');
    const one = cli('grade', 'submissions/bob.yaml', '--format', 'html').out;
    expect(one).not.toContain('id="scores"');
    expect(one).not.toContain('<script>');
  });

  it('writes index.html beside the per-student pages, linking to them', () => {
    const out = mkdtempSync(join(tmpdir(), 'grader-index-'));
    expect(cli('grade', ...YAML_SUBMISSIONS, '--format', 'html', '--out', out).code).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="carol-malformed.html">carol</a>');
    expect(index).toContain('Per question');
  });

  it.each([[['--format', 'json', '--instructor']], [['--instructor']]])('refuses %j', (args) => {
    const r = cli('grade', 'submissions/alice.yaml', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--instructor goes with grade --format html/);
  });
});

describe('prompts as HTML', () => {
  const tex = (t: string, display?: boolean) => `[${display ? 'D' : 'i'}:${t}]`;
  it.each([
    ['Find $\\partial J / \\partial u_w$.', '<p>Find [i:\\partial J / \\partial u_w].</p>'],
    ['a\n\n$$x^2$$ and \\(y\\)', '<p>a</p><p>[D:x^2] and [i:y]</p>'],
    ['use `w == o ? a : b`, **not** <b>', '<p>use <code>w == o ? a : b</code>, <strong>not</strong> &#60;b&#62;</p>'],
  ])('%j', (prompt, html) => expect(renderProse(prompt, tex)).toBe(html));
});
