import { describe, expect, it } from 'vitest';
import { BATCH_FILES, BATCH_INLINING, budgetFor, V8_DEFAULT_BUDGET } from '../../grader/cli/budget.js';

describe("a batch runs under V8's own interrupt budget, a short run under the bin's", () => {
  it.each([
    [1, []],
    [BATCH_FILES - 1, []],
    [BATCH_FILES, [`${V8_DEFAULT_BUDGET} ${BATCH_INLINING}`]],
    [1000, [`${V8_DEFAULT_BUDGET} ${BATCH_INLINING}`]],
  ])('%i files: flags set %j', (files, want) => {
    const set: string[] = [];
    budgetFor(files, (f) => set.push(f));
    expect(set).toEqual(want);
  });
});
