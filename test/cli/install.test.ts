/**
 * Installing on the oldest Node the package claims: no dependency in the lock file may require
 * a newer one (npm then prints EBADENGINE; katex's commander@15 wanted Node 22.12, pinned to 14
 * by package.json `overrides`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];
const parse = (v: string): Version =>
  v
    .replace(/^[v=]/, '')
    .split('.')
    .map((x) => Number.parseInt(x, 10) || 0)
    .concat(0, 0)
    .slice(0, 3) as Version;
const cmp = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies a range of the forms npm's `engines` use: `*`, `>=x`, `^x`, `x - y` alternatives joined by `||`. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) =>
    alt
      .trim()
      .replace(/>=\s+/g, '>=')
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => {
        if (c === '*' || c === 'x') return true;
        const m = /^(>=|<=|>|<|\^|~)?(.+)$/.exec(c)!;
        const r = parse(m[2]!);
        switch (m[1]) {
          case '>=':
            return cmp(v, r) >= 0;
          case '>':
            return cmp(v, r) > 0;
          case '<':
            return cmp(v, r) < 0;
          case '<=':
            return cmp(v, r) <= 0;
          case '^':
            return cmp(v, r) >= 0 && v[0] === r[0];
          case '~':
            return cmp(v, r) >= 0 && v[0] === r[0] && v[1] === r[1];
          default:
            return cmp(v, r) >= 0 && v[0] === r[0];
        }
      }),
  );
}

describe('install on Node 20', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const oldest = pkg.engines.node.replace(/^>=\s*/, '');
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { engines?: { node?: string }; dev?: boolean; optional?: boolean }>;
  };

  it.each([
    ['20.19.0', '>=20', true],
    ['20.19.0', '>=22.12.0', false],
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['20.19.0', '^12.17.0 || ^14.13 || >=16.0.0', true],
    ['20.19.0', '>= 18', true],
  ])('%s satisfies %s: %s', (v, r, ok) => expect(satisfies(v, r)).toBe(ok));

  it(`every runtime dependency runs on Node ${oldest}`, () => {
    const bad = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.dev && p.engines?.node && !satisfies(oldest, p.engines.node))
      .map(([name, p]) => `${name} needs ${p.engines!.node}`);
    expect(bad).toEqual([]);
  });
});
