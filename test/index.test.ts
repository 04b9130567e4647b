import { describe, expect, it } from 'vitest';
import * as grader from '../grader/index.js';

describe('the library', () => {
  it('grades an answer through its public API', () => {
    const bank = grader.loadBank('problems');
    const q = grader.allQuestions(bank).find((x) => x.id === 'cs224n-a2/naive-softmax-grad-vc')!;
    const r = grader.gradeAnswer(q, 'U(\\hat y - y)', new grader.PointCache(1).get(q));
    expect(r.verdict).toBe('correct');
    expect(grader.message({ code: 'SIGN_FLIPPED', args: {} })).toContain('sign');
  });
});
