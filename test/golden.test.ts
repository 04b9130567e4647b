/**
 * Every output format on the bundled submissions, byte for byte, against files recorded from
 * the grader: a refactoring must leave them identical. A change of behaviour that is meant
 * regenerates them with `npm run golden` and shows up in the diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN } from '../scripts/golden-cases.mjs';
import { cli } from './helpers.js';

describe('outputs on the bundled submissions', () => {
  it.each(GOLDEN)('$name', ({ name, args }) => {
    const r = cli(...args);
    expect(r.out).toBe(readFileSync(join('test/fixtures/golden', name), 'utf8'));
  });
});
