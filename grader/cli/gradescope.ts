/**
 * Gradescope's autograder entry (`grader gradescope [SUBMISSION_DIR] [RESULTS_JSON]`): pick the
 * student's upload, grade it through the same per-file path as `grade`, and write results.json.
 * Whatever happens to the upload, a results.json is written and the exit status is 0: a failed
 * autograder shows the student nothing, a results.json with a message shows them why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { finding, type Finding, type SubmissionReport } from '../core/index.js';
import { allQuestions } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { renderGradescope, type GradescopeQuestion, type GradescopeStudent } from '../report/gradescope.js';
import type { Command } from './args.js';
import { pointsFor } from './bank.js';
import { gradeFile } from './runs.js';
import { writeAtomic, type Io } from './io.js';

/** What a student may upload, in order of preference when several kinds are there. */
export const UPLOAD_EXTENSIONS = ['.yaml', '.yml', '.tex', '.md', '.ipynb'] as const;

/** Files under the submission folder (two levels: a zip of a folder unpacks one level down). */
function listUploads(dir: string, depth = 0): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return [dir];
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.') && n !== '__MACOSX')
    .flatMap((n) => {
      const path = join(dir, n);
      try {
        if (statSync(path).isDirectory()) return depth < 1 ? listUploads(path, depth + 1) : [];
      } catch {
        return [];
      }
      return (UPLOAD_EXTENSIONS as readonly string[]).includes(extname(n).toLowerCase()) ? [path] : [];
    });
}

/** answers.yaml if there is one; else the only file of the first kind that has exactly one. */
export function pickUpload(files: readonly string[]): string | undefined {
  const answers = files.find((f) => /(^|[/\\])answers\.ya?ml$/i.test(f));
  if (answers) return answers;
  if (files.length === 1) return files[0];
  for (const ext of UPLOAD_EXTENSIONS) {
    const of = files.filter((f) => extname(f).toLowerCase() === ext);
    if (of.length === 1) return of[0];
  }
  return undefined;
}

/** users[0] of submission_metadata.json; nothing when it is missing or malformed. */
export function readStudent(metadataFile: string): GradescopeStudent | undefined {
  try {
    const user = (JSON.parse(readFileSync(metadataFile, 'utf8')) as { users?: Record<string, unknown>[] }).users?.[0];
    if (!user || typeof user !== 'object') return undefined;
    const text = (k: string) => (typeof user[k] === 'string' || typeof user[k] === 'number' ? { [k]: String(user[k]) } : {});
    return { ...text('name'), ...text('email'), ...text('sid') };
  } catch {
    return undefined;
  }
}

export const gradescopeQuestions = (bank: Bank): Map<string, GradescopeQuestion> =>
  new Map(
    allQuestions(bank).map((q) => [
      q.id,
      { title: q.title, ...(q.gradescope?.visibility ? { visibility: q.gradescope.visibility } : {}), tags: q.gradescope?.tags ?? [] },
    ]),
  );

const notGraded = (file: string, seed: number, error: Finding): SubmissionReport => ({
  file,
  student: null,
  score: 0,
  maxScore: 0,
  seed,
  error,
  questions: [],
});

export function runGradescope(cmd: Command, bank: Bank, io: Io): number {
  const started = process.hrtime.bigint();
  const [dir = '/autograder/submission', results = '/autograder/results/results.json'] = cmd.positionals;
  const files = listUploads(dir);
  const chosen = pickUpload(files);
  let report: SubmissionReport;
  if (!chosen) {
    const error = files.length
      ? finding('UPLOAD_AMBIGUOUS', { files: files.map((f) => relative(dir, f)) }, { file: dir })
      : finding('UPLOAD_MISSING', { kinds: [...UPLOAD_EXTENSIONS] }, { file: dir });
    report = notGraded(dir, cmd.seed, error);
  } else {
    try {
      report = gradeFile(bank, chosen, pointsFor(bank, cmd.seed));
    } catch (e) {
      // A bug must not cost the student their feedback: say so in results.json and in the log.
      io.err(`grader: grading ${chosen} failed: ${(e as Error).stack ?? String(e)}\n`);
      report = notGraded(chosen, cmd.seed, finding('UPLOAD_FAILED', {}, { file: chosen }));
    }
  }
  const student = readStudent(join(dirname(dir), 'submission_metadata.json'));
  const executionTime = Number(process.hrtime.bigint() - started) / 1e9;
  writeAtomic(
    results,
    renderGradescope(report, {
      questions: gradescopeQuestions(bank),
      executionTime,
      ...(cmd.visibility ? { visibility: cmd.visibility } : {}),
      ...(student ? { student } : {}),
    }),
  );
  io.out(`wrote ${results}: ${report.score}/${report.maxScore}${chosen ? ` (${chosen})` : ''}\n`);
  return 0;
}
