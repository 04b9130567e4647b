/**
 * What the built CLI keeps across runs (cli/stored-points.ts, bank/clean.ts, yaml/cache.ts) never
 * changes a report: a cold cache, a warm one and a damaged one give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (cache: string, args: string[], bin = 'bin/grader.cjs') =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, GRADER_CACHE: cache } });

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

describe("the bundle's code cache (bin/grader.cjs, V8's cached data)", () => {
  const cacheFile = 'dist/grader.cjs.cache';
  it('plain runs of every kind accept one cache (the bin sets the same V8 flags on every run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-startup-'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/grader.cjs', ...args], { encoding: 'utf8', env: { ...process.env, GRADER_CACHE: dir, GRADER_CODE_CACHE: 'vm' } });
    run('--version');
    const before = readFileSync(cacheFile);
    // A refused cache would be replaced on exit by what that run compiled.
    for (const args of [['grade', 'submissions/bob.yaml', '--format', 'json'], ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U * yhat'], ['--version']]) {
      expect(run(...args).status).toBe(0);
      expect(readFileSync(cacheFile).equals(before)).toBe(true);
    }
  });

  it('a batch as the first run writes the cache that short runs accept (the bin sets its budget again before writing)', () => {
    // A copy of the bin and bundle without a cache; the batch goes back to V8's budget (cli/budget.ts).
    const root = mkdtempSync(join(tmpdir(), 'grader-budget-'));
    for (const d of ['bin', 'dist']) cpSync(d, join(root, d), { recursive: true });
    rmSync(join(root, cacheFile), { force: true });
    symlinkSync(resolve('problems'), join(root, 'problems'));
    const batch = mkdtempSync(join(tmpdir(), 'grader-batch-'));
    const bob = readFileSync('submissions/bob.yaml');
    for (let i = 0; i < 60; i++) writeFileSync(join(batch, `s${i}.yaml`), bob);
    const env = { ...process.env, GRADER_CACHE: mkdtempSync(join(tmpdir(), 'grader-startup-')), GRADER_CODE_CACHE: 'vm' };
    const bin = join(root, 'bin', 'grader.cjs');
    expect(spawnSync(process.execPath, [bin, 'grade', batch, '--format', 'csv', '--jobs', '1'], { env }).status).toBe(0);
    const written = readFileSync(join(root, cacheFile));
    expect(spawnSync(process.execPath, [bin, '--version'], { env }).status).toBe(0);
    expect(readFileSync(join(root, cacheFile)).equals(written)).toBe(true);
  });

  it.each([
    ['a V8 option on the command line', ['--max-old-space-size=999'], {}],
    ['NODE_OPTIONS', [], { NODE_OPTIONS: '--max-old-space-size=999' }],
  ])('a run given %s (V8 refuses the cache) prints the same and leaves the cache as it was', (_, options, env) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-startup-'));
    const args = ['bin/grader.cjs', 'grade', 'submissions/bob.yaml', '--format', 'json'];
    const plain = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, GRADER_CACHE: dir, GRADER_CODE_CACHE: 'vm' } });
    const before = readFileSync(cacheFile);
    const other = spawnSync(process.execPath, [...options, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env, GRADER_CACHE: dir, GRADER_CODE_CACHE: 'vm' },
    });
    expect(other.stdout).toBe(plain.stdout);
    expect(readFileSync(cacheFile).equals(before)).toBe(true);
  });
});

describe('the entry points', () => {
  it('the package bin is the CommonJS entry (no ES module loader at start-up)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.grader).toBe('bin/grader.cjs');
  });

  it.each([
    ['a submission', ['grade', 'submissions/bob.yaml', '--format', 'json']],
    ['try', ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U * yhat']],
    ['a usage error', ['grade', '--format', 'nope']],
  ])('%s: bin/grader.mjs (the older entry) prints and exits as bin/grader.cjs does', (_, args) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-startup-'));
    const cjs = run(dir, args);
    const mjs = run(dir, args, 'bin/grader.mjs');
    expect([mjs.status, mjs.stdout, mjs.stderr]).toEqual([cjs.status, cjs.stdout, cjs.stderr]);
  });
});

describe('what a run loads', () => {
  // Each costs milliseconds of every start: crypto brings Node's stream stack, node:module the ES
  // module loader, tty the socket classes (see README, Performance).
  const unused = ['NativeModule crypto', 'NativeModule internal/modules/esm/loader', 'NativeModule tty'];
  const probe = join(mkdtempSync(join(tmpdir(), 'grader-probe-')), 'probe.cjs');
  writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED:' + process.moduleLoadList.join(',') + '\\n'));");
  it.each([
    ['--version', ['--version']],
    ['a submission', ['grade', 'submissions/bob.yaml', '--format', 'json']],
    ['try', ['try', 'cs224n-a2/naive-softmax-grad-vc', 'U * (yhat - y)']],
  ])('%s, its caches warm, loads none of them', (_, args) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-startup-'));
    run(dir, args); // fills the caches (writing them may load crypto)
    // Output to a pipe, and thrown away (/dev/null is a character device, as a terminal is).
    for (const out of ['pipe', 'ignore'] as const) {
      const r = spawnSync(process.execPath, ['-r', probe, 'bin/grader.cjs', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, GRADER_CACHE: dir },
      });
      const loaded = /LOADED:(.*)/.exec(r.stderr)![1]!.split(',');
      expect(loaded.length).toBeGreaterThan(50);
      expect(unused.filter((m) => loaded.includes(m))).toEqual([]);
    }
  });
});
