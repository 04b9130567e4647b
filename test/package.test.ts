/**
 * The installable package: `npm pack` holds the built CLI and its bank, and the tarball runs with
 * `npx ./formula-grader-*.tgz grade ...` from an empty folder (its dependencies come from the npm
 * cache or registry, as for any install).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });

describe('npm pack', () => {
  it('makes a tarball that holds the built CLI and runs with npx from an empty folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-pack-'));
    // --ignore-scripts: prepack would rebuild dist/ under the other tests' feet; pretest built it.
    const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], process.cwd());
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['bin/grader.mjs', 'dist/grader.cjs', 'dist/schema.cjs', 'problems/cs224n-a2-word2vec.yaml', 'package.json', 'README.md']),
    );
    // Nothing of the sources, tests or caches: the package is what runs.
    expect(files.filter((f) => /^(grader|test|scripts|bench)\/|\.cache$/.test(f))).toEqual([]);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    copyFileSync(join(dir, info!.filename), join(empty, info!.filename));
    const r = spawnSync('npx', ['--yes', `./${info!.filename}`, 'grade', resolve('submissions/alice.yaml'), '--format', 'json'], {
      cwd: empty,
      encoding: 'utf8',
      // No cache: the bank is validated, by the schemas the package loads from dist/schema.cjs.
      env: { ...process.env, GRADER_CACHE: 'off', npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' },
    });
    expect(r.status, r.stderr).toBe(0);
    // No ./problems in the empty folder: the bank shipped in the package is used.
    expect(JSON.parse(r.stdout).submissions[0].score).toBe(15);
  }, 180_000);
});
