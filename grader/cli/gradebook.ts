/** `grade --csv canvas|moodle|blackboard [--roster FILE]`: a gradebook to import, and who it could not place. */
import { readFileSync } from 'node:fs';
import type { SubmissionReport } from '../core/index.js';
import type { Bank } from '../bank/types.js';
import { renderCsv } from '../report/csv.js';
import { renderGradebook, type GradebookSet } from '../report/csv-profiles.js';
import { parseRoster, type RosterRow } from '../report/roster.js';
import { UsageError, type Command } from './args.js';
import { writeAtomic, type Io } from './io.js';
import type { Renderer } from '../report/renderer.js';

/** The sets the batch was graded on, each with its full points in the bank (a fixed maximum). */
export function gradebookSets(bank: Bank, submissions: readonly SubmissionReport[]): GradebookSet[] {
  const graded = new Set(submissions.flatMap((s) => s.questions.map((q) => q.id.split('/')[0]!)));
  return bank.sets
    .filter((s) => graded.has(s.set) && s.questions.length)
    .map((s) => ({ set: s.set, title: s.title, maxScore: s.questions.reduce((n, q) => n + q.points, 0) }));
}

function readRoster(file: string): RosterRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the roster ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const rows = parseRoster(text);
  if (!rows.length) throw new UsageError(`the roster ${file} has no students (expected the platform's gradebook export, a CSV with a header row)`);
  return rows;
}

/**
 * The gradebook text. Submissions the roster does not know are left out of it (the platform would
 * refuse the row) and listed: on stderr always, and beside `--out` as `<out>.unmatched.csv`.
 */
export function gradebook(cmd: Command, bank: Bank, submissions: readonly SubmissionReport[], io: Io): string {
  const roster = cmd.roster ? readRoster(cmd.roster) : undefined;
  const book = renderGradebook(cmd.csv!, submissions, gradebookSets(bank, submissions), roster);
  if (book.unmatched.length) {
    const names = book.unmatched.map((s) => `  ${s.student ?? '(no student id)'}  ${s.file}${s.error ? '' : `  ${s.score}/${s.maxScore}`}`);
    io.err(`grader: ${book.unmatched.length} submission(s) match no one in ${cmd.roster} and are not in the gradebook:\n${names.join('\n')}\n`);
    if (cmd.out) {
      writeAtomic(`${cmd.out.replace(/\.csv$/i, '')}.unmatched.csv`, renderCsv(book.unmatched));
      io.err(`grader: listed in ${cmd.out.replace(/\.csv$/i, '')}.unmatched.csv\n`);
    }
  }
  return book.text;
}

/** The gradebook as a renderer: the roster join needs every row, so it is written at the end. */
export function gradebookRenderer(cmd: Command, bank: Bank, io: Io): Renderer {
  const kept: SubmissionReport[] = [];
  return {
    head: () => '',
    submission: (s) => (kept.push(s), ''),
    tail: () => gradebook(cmd, bank, kept, io),
  };
}
