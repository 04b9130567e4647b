/**
 * Seeded synthetic submissions over the whole bank: for each question, an example answer of the
 * bank (correct, wrong or invalid, in mathjs syntax or LaTeX), or none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { allQuestions, loadBank } from '../grader/spec/load.js';
import { createRng } from '../grader/sample/rng.js';

export function generate(dir: string, count: number, seed = 7): { files: string[]; answers: number } {
  mkdirSync(dir, { recursive: true });
  const questions = allQuestions(loadBank('problems'));
  const rng = createRng(seed, 'bench');
  let answers = 0;
  const files = Array.from({ length: count }, (_, i) => {
    const chosen: Record<string, string> = {};
    for (const q of questions) {
      if (rng.next() < 0.05) continue; // unanswered
      const ex = q.examples[Math.floor(rng.next() * q.examples.length)]!;
      chosen[q.id] = ex.answer;
      answers++;
    }
    const file = join(dir, `s${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(file, stringify({ student: `student-${i}`, answers: chosen }));
    return file;
  });
  return { files, answers };
}
