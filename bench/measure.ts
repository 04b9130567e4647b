/**
 * Timing whole processes from outside: wall time by the clock around a blocking spawn, and
 * the child's own CPU time and peak memory reported by a preloaded hook on exit (Node has no
 * RUSAGE_CHILDREN; threads are in the process, so workers count). Medians of repeated runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Run {
  /** Medians: wall and CPU seconds, peak resident MiB. */
  readonly wall: number;
  readonly cpu: number;
  readonly rssMiB: number;
  readonly status: number | null;
}

const HOOK = `const u=()=>{const r=process.resourceUsage();require('fs').writeFileSync(process.env.BENCH_RUSAGE,JSON.stringify({cpu:(r.userCPUTime+r.systemCPUTime)/1e6,rss:r.maxRSS/1024}))};process.on('exit',u);`;

export class Runner {
  private readonly hook: string;
  private readonly usage: string;
  constructor(private readonly dir: string) {
    this.hook = join(dir, 'rusage-hook.cjs');
    this.usage = join(dir, 'rusage.json');
    writeFileSync(this.hook, HOOK);
  }

  /** Runs `node ...args` once to warm the caches (unless `warm` is false), then `runs` times; medians. */
  time(args: readonly string[], runs: number, warm = true): Run {
    const once = () => {
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--require', this.hook, ...args], { stdio: 'ignore', env: { ...process.env, BENCH_RUSAGE: this.usage } });
      const wall = (performance.now() - t) / 1000;
      const u = JSON.parse(readFileSync(this.usage, 'utf8')) as { cpu: number; rss: number };
      return { wall, cpu: u.cpu, rssMiB: u.rss, status: r.status };
    };
    if (warm) once();
    const all = Array.from({ length: runs }, once);
    return { wall: median(all.map((r) => r.wall)), cpu: median(all.map((r) => r.cpu)), rssMiB: Math.max(...all.map((r) => r.rssMiB)), status: all[0]!.status };
  }

  /** Runs `node ...args` once and returns its stdout (to detect what a CLI supports). */
  output(args: readonly string[]): { status: number | null; stdout: string } {
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout };
  }
}
