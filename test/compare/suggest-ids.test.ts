import { describe, expect, it } from 'vitest';
import { suggestIds } from '../../grader/compare/submission.js';

const known = new Set(['cs224n-a2/naive-softmax-loss', 'cs224n-a2/naive-softmax-grad-vc', 'cs224d-a1/sigmoid-grad', 'other/sigmoid-grad']);

describe('suggestIds', () => {
  it.each([
    ['naive-sotmax-loss', ['cs224n-a2/naive-softmax-loss']],
    ['cs224n-a2/naive-sotmax-loss', ['cs224n-a2/naive-softmax-loss']],
    ['naive-softmax-grad-vc', ['cs224n-a2/naive-softmax-grad-vc']],
    ['sigmoid-grd', ['cs224d-a1/sigmoid-grad', 'other/sigmoid-grad']],
    ['cs224d-a1/sigmoid-grad-x', ['cs224d-a1/sigmoid-grad']],
    ['zzz', []],
  ])('%s → %j', (id, expected) => expect(suggestIds(id, known)).toEqual(expected));
});
