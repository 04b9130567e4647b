/**
 * The HTML report in a real headless Chromium (Debian's `chromium`, installed by .ci/run): the page
 * renders, every formula is typeset as MathML with a size on screen, and nothing fails to load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => browser?.close());

function report(...args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/grader.mjs', ...args], { encoding: 'utf8' });
  const file = join(mkdtempSync(join(tmpdir(), 'grader-html-')), 'report.html');
  writeFileSync(file, r.stdout);
  return file;
}

describe('the HTML report in Chromium', () => {
  it.each([
    ['a LaTeX submission', ['grade', 'submissions/dave-latex.yaml', '--format', 'html']],
    ['a batch with item analysis', ['items', 'submissions/', '--format', 'html']],
  ])('renders %s with every formula typeset', async (_, args) => {
    const page = await browser.newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(report(...args)).href);
    const stats = await page.evaluate(() => {
      const maths = [...document.querySelectorAll('math')];
      return {
        title: document.title,
        questions: document.querySelectorAll('.q').length,
        maths: maths.length,
        unsized: maths.filter((m) => m.getBoundingClientRect().width < 2 || m.getBoundingClientRect().height < 2).length,
        errors: document.querySelectorAll('.katex-error, merror').length,
        fractions: [...document.querySelectorAll('mfrac')].map((f) => f.getBoundingClientRect().height),
      };
    });
    await page.close();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(stats.title).toMatch(/^Report/);
    expect(stats.questions).toBeGreaterThan(10);
    expect(stats.maths).toBeGreaterThan(10);
    expect(stats.unsized).toBe(0);
    expect(stats.errors).toBe(0);
    // A typeset fraction stands taller than a line of text: MathML layout, not raw text.
    if (stats.fractions.length) expect(Math.max(...stats.fractions)).toBeGreaterThan(20);
  }, 60_000);
});
