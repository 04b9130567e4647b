/**
 * Seeded synthetic submissions over the whole bank. For each question: an example answer of the
 * bank (correct, wrong or invalid, in mathjs syntax or LaTeX), half of the time made unique (a
 * factor k/k, or a wrong factor), so that the batch cannot be graded from repeats alone; or none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { allQuestions, loadBank } from '../grader/bank/load.js';
import { createRng } from '../grader/sample/rng.js';

export function generate(dir: string, count: number, seed = 7): { files: string[]; answers: number; unique: number } {
  mkdirSync(dir, { recursive: true });
  const questions = allQuestions(loadBank('problems'));
  const rng = createRng(seed, 'bench');
  let answers = 0;
  const seen = new Set<string>();
  const files = Array.from({ length: count }, (_, i) => {
    const chosen: Record<string, string> = {};
    for (const q of questions) {
      if (rng.next() < 0.05) continue; // unanswered
      let answer = q.examples[Math.floor(rng.next() * q.examples.length)]!.answer;
      const k = 2 + Math.floor(rng.next() * 1e6);
      const latex = /[\\$]/.test(answer);
      if (rng.next() < 0.5 && !latex) answer = rng.next() < 0.7 ? `(${answer}) * ${k} / ${k}` : `${k} * (${answer})`;
      else if (rng.next() < 0.5 && latex && !answer.includes('$') && !answer.includes('=') && !answer.includes(','))
        answer = `\\frac{${k}}{${k}} \\left(${answer}\\right)`;
      chosen[q.id] = answer;
      seen.add(`${q.id}\u0000${answer}`);
      answers++;
    }
    const file = join(dir, `s${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(file, stringify({ student: `student-${i}`, answers: chosen }));
    return file;
  });
  return { files, answers, unique: seen.size };
}
