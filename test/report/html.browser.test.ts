/**
 * The HTML report in a real headless Chromium, the one `@sparticuz/chromium` ships through the npm
 * registry (no system browser, no download at run time), driven by puppeteer-core: the page
 * renders, every formula is typeset as MathML with a size on screen, nothing fails to load,
 * questions are headings, the score table sorts, and axe-core finds no accessibility violation.
 * CHROMIUM_PATH runs another Chromium instead.
 */
import chromium from '@sparticuz/chromium';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YAML_SUBMISSIONS } from '../helpers.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (await chromium.executablePath()),
    args: [...chromium.args, '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    headless: true,
  });
}, 120_000);
afterAll(async () => browser?.close());

function report(...args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'grader-html-'));
  const r = spawnSync(process.execPath, ['bin/grader.mjs', ...args], { encoding: 'utf8' });
  const file = join(dir, 'report.html');
  writeFileSync(file, r.stdout);
  return file;
}

/** Opens a page, recording failed requests and errors; requests leaving file:// fail the test too. */
async function open(file: string): Promise<{ page: Page; failed: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const failed: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url().startsWith('file:') || r.url().startsWith('data:')) void r.continue();
    else {
      failed.push(r.url());
      void r.abort();
    }
  });
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, failed, errors };
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe('the HTML report in Chromium', () => {
  it.each([
    ['a LaTeX submission', ['grade', 'submissions/dave-latex.yaml', '--format', 'html'], 11],
    ['a batch, for the instructor', ['grade', ...YAML_SUBMISSIONS, '--format', 'html', '--instructor'], 44],
    ['a batch with item analysis', ['items', ...YAML_SUBMISSIONS, '--format', 'html'], 44],
  ])(
    'renders %s: formulas typeset, questions as headings, no accessibility violation',
    async (_, args, questions) => {
      const { page, failed, errors } = await open(report(...args));
      const stats = await page.evaluate(() => {
        const maths = [...document.querySelectorAll('math')];
        return {
          title: document.title,
          questions: document.querySelectorAll('.q').length,
          headed: document.querySelectorAll('.q > h3').length,
          prompts: document.querySelectorAll('.prompt').length,
          maths: maths.length,
          unsized: maths.filter((m) => m.getBoundingClientRect().width < 2 || m.getBoundingClientRect().height < 2).length,
          errors: document.querySelectorAll('.katex-error, merror').length,
          fractions: [...document.querySelectorAll('mfrac')].map((f) => f.getBoundingClientRect().height),
        };
      });
      const violations = await axe(page);
      await page.close();
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      expect(stats.title).toMatch(/^Report/);
      expect(stats.questions).toBe(questions);
      expect(stats.headed).toBe(questions);
      expect(stats.prompts).toBe(questions);
      expect(stats.maths).toBeGreaterThan(questions);
      expect(stats.unsized).toBe(0);
      expect(stats.errors).toBe(0);
      // A typeset fraction stands taller than a line of text: MathML layout, not raw text.
      expect(Math.max(...stats.fractions)).toBeGreaterThan(20);
      expect(violations).toEqual([]);
    },
    120_000,
  );

  it('sorts the score table by a column, and back', async () => {
    const { page, errors } = await open(report('grade', ...YAML_SUBMISSIONS, '--format', 'html'));
    const order = () => page.$$eval('#scores ~ table tbody tr td:first-child', (tds) => tds.map((t) => t.textContent));
    const before = await order();
    const score = (await page.$$('#scores ~ table th button'))[2]!;
    await score.click();
    const up = await page.$$eval('#scores ~ table tbody tr td:nth-child(3)', (tds) => tds.map((t) => Number(t.getAttribute('data-v'))));
    await score.click();
    const down = await page.$$eval('#scores ~ table tbody tr td:nth-child(3)', (tds) => tds.map((t) => Number(t.getAttribute('data-v'))));
    await page.close();
    expect(errors).toEqual([]);
    expect(before).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(down).toEqual([...up].reverse());
    expect(up[0]).toBeLessThan(up[up.length - 1]!);
  }, 60_000);
});
