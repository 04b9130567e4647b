/**
 * The adversarial suite (cases.ts): every case gets its verdict at several seeds, and a rotating
 * share of them at 100 seeds; `ADVERSARIAL_SOAK=1` runs every case at 100 seeds. The bank's own
 * examples keep their verdicts at 100 seeds too. It pins the public bank's contract ids (../contract.ts).
 */
import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeAnswer } from '../../grader/compare/grade.js';
import { allQuestions } from '../../grader/bank/load.js';
import { BANK } from '../helpers.js';
import { CONTRACT_IDS } from '../contract.js';
import { ADVERSARIAL } from './cases.js';

const SOAK = process.env.ADVERSARIAL_SOAK === '1';
// The suite pins the public bank (the contract ids), not whatever problems/ holds: an author's
// added set is proven by bank.test.ts and needs no adversarial cases here.
const contract = new Set(CONTRACT_IDS);
const pinned = allQuestions(BANK).filter((q) => contract.has(q.id));
const byId = new Map(pinned.map((q) => [q.id, q]));
const caches = Array.from({ length: 100 }, (_, i) => new PointCache(i + 1));
const seedsFor = (i: number): readonly PointCache[] => (SOAK || i % 12 === 0 ? caches : caches.slice(0, 3));

describe('adversarial answers get their verdicts at every seed', () => {
  it('covers every contract question of both sets with at least 100 cases', () => {
    expect(ADVERSARIAL.length).toBeGreaterThanOrEqual(100);
    expect(pinned.map((q) => q.id).sort()).toEqual([...CONTRACT_IDS].sort());
    expect(new Set(ADVERSARIAL.map((c) => c.id))).toEqual(new Set(pinned.filter((q) => !q.group).map((q) => q.id)));
  });

  it.each(ADVERSARIAL.map((c, i) => [c.kind, c.id, c.answer, c.verdict, i] as const))('%s %s: %s → %s', (_, id, answer, verdict, i) => {
    const q = byId.get(id)!;
    const got = seedsFor(i).map((p) => gradeAnswer(q, answer, p).verdict);
    expect(got.filter((v) => v !== verdict)).toEqual([]);
  });
});

describe("the bank's examples keep their verdicts at 100 seeds", () => {
  const examples = pinned.flatMap((q) => q.examples.map((e, i) => [q.id, e.answer, e.verdict, i] as const));
  it.each(examples.filter((_, i) => SOAK || i % 8 === 0))('%s: %s → %s', (id, answer, verdict) => {
    const q = byId.get(id)!;
    const got = caches.map((p) => gradeAnswer(q, answer, p).verdict);
    expect(got.filter((v) => v !== verdict)).toEqual([]);
  });
  it.each(examples.filter((_, i) => !SOAK && i % 8 !== 0))('%s: %s → %s (3 seeds)', (id, answer, verdict) => {
    const q = byId.get(id)!;
    expect(
      caches
        .slice(0, 3)
        .map((p) => gradeAnswer(q, answer, p).verdict)
        .filter((v) => v !== verdict),
    ).toEqual([]);
  });
});
