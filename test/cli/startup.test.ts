/**
 * What the built CLI keeps across runs (cli/stored-points.ts, bank/clean.ts, yaml/cache.ts) never
 * changes a report: a cold cache, a warm one and a damaged one give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (cache: string, args: string[]) =>
  spawnSync(process.execPath, ['bin/grader.mjs', ...args], { encoding: 'utf8', env: { ...process.env, GRADER_CACHE: cache } });

describe('start-up caches', () => {
  it.each([
    ['a submission', ['grade', 'submissions/bob.yaml', '--format', 'json']],
    ['a write-up', ['grade', 'submissions/frank-writeup.md', '--format', 'json']],
    ['try, right', ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U * (yhat - y)']],
    ['try, wrong', ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U * yhat']],
    ['check', ['check', '--format', 'json']],
  ])(
    '%s: the same report cold, warm, damaged and without a cache',
    (_, args) => {
      const dir = mkdtempSync(join(tmpdir(), 'grader-startup-'));
      const cold = run(dir, args);
      expect(cold.status, cold.stderr).toBe(0);
      expect(readdirSync(dir).some((f) => f.endsWith('.bin'))).toBe(true);
      expect(run(dir, args).stdout).toBe(cold.stdout);
      for (const f of readdirSync(dir)) writeFileSync(join(dir, f), f.endsWith('.bin') ? 'damaged' : '{');
      expect(run(dir, args).stdout).toBe(cold.stdout);
      expect(run('off', args).stdout).toBe(cold.stdout);
    },
    60_000,
  );
});
