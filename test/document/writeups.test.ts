/** The reader on the annotated write-ups (../shared/writeups), when present: figures may only improve. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measure } from './measure.js';

// the shared folder beside the main checkout, seen from it or from a worktree under /work/wt
const CORPUS = ['../shared/writeups', '../../shared/writeups'].find((d) => existsSync(d)) ?? '../shared/writeups';

describe.skipIf(!existsSync(CORPUS))('write-ups corpus', () => {
  it('locates the answers and reads the finals', () => {
    const f = measure(CORPUS);
    // 2026-12-02: located 65/65, finals 65/65 (3 of them cases read part by part), steps 219/220
    expect(f.groups).toBe(65);
    expect(f.located).toBeGreaterThanOrEqual(65);
    expect(f.finals).toBeGreaterThanOrEqual(65);
    expect(f.stepsFound).toBeGreaterThanOrEqual(219);
  });
});
