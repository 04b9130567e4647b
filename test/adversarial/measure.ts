/**
 * `npx tsx test/adversarial/measure.ts [seeds]`: the adversarial suite at seeds 1..N, counted
 * as false accepts, false rejects and seed-dependent verdicts (the figures).
 */
import { PointCache } from '../../grader/compare/points.js';
import { gradeAnswer } from '../../grader/compare/grade.js';
import { allQuestions, loadBank } from '../../grader/bank/load.js';
import { ADVERSARIAL } from './cases.js';

const seeds = Number(process.argv[2] ?? 20);
const byId = new Map(allQuestions(loadBank('problems')).map((q) => [q.id, q]));
const caches = Array.from({ length: seeds }, (_, i) => new PointCache(i + 1));
let falseAccept = 0;
let falseReject = 0;
let seedDependent = 0;
let other = 0;
for (const c of ADVERSARIAL) {
  const q = byId.get(c.id);
  if (!q) throw new Error(`no question ${c.id}`);
  // Today's grader takes the points of one size set; the new one a source of every size set.
  const verdicts = caches.map((p) => {
    try {
      return gradeAnswer(q, c.answer, 'others' in q ? p : p.get(q)).verdict;
    } catch {
      return 'invalid'; // a crash (a batch reports it as INTERNAL_ERROR, invalid)
    }
  });
  const kinds = new Set(verdicts);
  if (kinds.size > 1) seedDependent++;
  const wrongOnes = verdicts.filter((v) => v !== c.verdict);
  if (wrongOnes.length === 0) continue;
  if (c.verdict !== 'correct' && wrongOnes.includes('correct')) falseAccept++;
  else if (c.verdict === 'correct') falseReject++;
  else other++;
  console.log(`✗ ${c.kind.padEnd(8)} ${c.id}  ${c.answer}  expected ${c.verdict}, got ${[...kinds].join('/')}`);
}
console.log(
  `${ADVERSARIAL.length} cases at ${seeds} seeds: ${falseAccept} false accepts, ${falseReject} false rejects, ${seedDependent} seed-dependent verdicts, ${other} other mismatches`,
);
