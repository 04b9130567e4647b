/** `grade` and `items`: many submissions in, one report out (to stdout, or atomically to --out). */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SubmissionReport } from '../core/index.js';
import { analyseItem, type GradedAnswer } from '../compare/items.js';
import { pointsFor } from './bank.js';
import { gradeSubmission } from '../compare/submission.js';
import { renderCsv } from '../report/csv.js';
import { renderGradescope } from '../report/gradescope.js';
import { renderHtml, renderIndex } from '../report/html.js';
import { htmlOptions, itemsOf, texToMathml } from './html.js';
import { renderItemsJson, renderItemsText } from '../report/items.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/terminal.js';
import { allQuestions, loadBank } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { expandPaths, readSubmission } from '../submission/load.js';
import { UsageError, type Command } from './args.js';
import { gradeFiles } from './batch.js';
import { gradebook } from './gradebook.js';
import { gradescopeQuestions } from './gradescope.js';
import { progressBar, writeAtomic } from './io.js';
import { BankError, bankPath, loadOrThrow, specCache, workerEntry } from './bank.js';
import type { Io } from './io.js';

function emit(cmd: Command, io: Io, text: string): void {
  if (cmd.out) writeAtomic(cmd.out, text);
  else io.out(text);
}

/**
 * The sets a few submissions answer, so that only those are compiled; undefined (all sets) for a
 * large batch, where reading every file twice would cost more than it saves, or when a file
 * answers no set at all (it is then graded on every set).
 */
function setsAnswered(files: readonly string[]): Set<string> | undefined {
  if (files.length > 8) return undefined;
  const sets = new Set<string>();
  for (const file of files) {
    const loaded = readSubmission(file);
    if (!loaded.ok) continue;
    const ids = [...loaded.submission.answers.keys()];
    if (ids.length === 0) return undefined;
    for (const id of ids) sets.add(id.split('/')[0]!);
  }
  return sets.size ? sets : undefined;
}

export async function runGrade(cmd: Command, io: Io): Promise<number> {
  const files = expandPaths(cmd.positionals);
  if (cmd.format === 'gradescope' && files.length !== 1) throw new UsageError('--format gradescope grades one submission (Gradescope runs once per student)');
  const only = setsAnswered(files);
  let bank = only ? loadBank(bankPath(cmd), specCache(), only) : loadOrThrow(cmd);
  // A broken bank is reported whole; an answer to a set the bank lacks is graded on every set.
  if (only && (bank.issues.length || [...only].some((s) => !bank.sets.some((b) => b.set === s)))) bank = loadOrThrow(cmd);
  const points = pointsFor(bank, cmd.seed);
  const bar = progressBar(files.length);
  const entry = workerEntry();
  const submissions = await gradeFiles(bank, files, points, { jobs: cmd.jobs ?? 0, bankPath: bankPath(cmd), ...(entry ? { workerEntry: entry } : {}), onProgress: bar.tick });
  bar.end();
  if (cmd.format === 'html' && cmd.out && isDirectory(cmd.out)) {
    // A page per submission, named after its file, for handing back to each student.
    const tex = texToMathml();
    const opts = htmlOptions(bank, cmd.instructor);
    // index.html is the batch's front page; a submission named index.yaml gets another name.
    const page = (s: SubmissionReport) => `${basename(s.file).replace(/\.ya?ml$/, '').replace(/^index$/, 'index-submission')}.html`;
    for (const s of submissions) writeAtomic(join(cmd.out, page(s)), renderHtml([s], tex, undefined, opts));
    writeAtomic(join(cmd.out, 'index.html'), renderIndex(submissions, page, cmd.instructor ? itemsOf(bank, submissions, points) : undefined, opts));
    io.out(`wrote ${submissions.length} reports and index.html to ${cmd.out}\n`);
  } else emit(cmd, io, cmd.csv ? gradebook(cmd, bank, submissions, io) : render(cmd, bank, submissions));
  return submissions.some((s) => s.error) ? 1 : 0;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

function render(cmd: Command, bank: Bank, submissions: SubmissionReport[]): string {
  switch (cmd.format) {
    case 'json':
      return renderJson({ submissions });
    case 'csv':
      return renderCsv(submissions);
    case 'gradescope':
      return renderGradescope(submissions[0]!, { questions: gradescopeQuestions(bank), ...(cmd.visibility ? { visibility: cmd.visibility } : {}) });
    case 'html':
      return renderHtml(submissions, texToMathml(), cmd.instructor ? itemsOf(bank, submissions, pointsFor(bank, cmd.seed)) : undefined, htmlOptions(bank, cmd.instructor));
    default:
      return renderText({ submissions });
  }
}

export function runItems(cmd: Command, bank: Bank, io: Io): number {
  const points = pointsFor(bank, cmd.seed);
  const answers = new Map<string, GradedAnswer[]>();
  const submissions = expandPaths(cmd.positionals).map((file) => {
    const loaded = readSubmission(file);
    const report = gradeSubmission(bank, loaded, points);
    for (const q of report.questions) answers.set(q.id, [...(answers.get(q.id) ?? []), { report: q, ...(loaded.ok ? { definitions: loaded.submission.definitions } : {}) }]);
    return report;
  });
  const items = allQuestions(bank)
    .filter((q) => answers.has(q.id))
    .map((q) => analyseItem(q, answers.get(q.id)!, points));
  emit(cmd, io, cmd.format === 'json' ? renderItemsJson(items) : cmd.format === 'html' ? renderHtml(submissions, texToMathml(), items, htmlOptions(bank, true)) : renderItemsText(items));
  return submissions.some((s) => s.error) ? 1 : 0;
}
