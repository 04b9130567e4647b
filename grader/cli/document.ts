/**
 * `grade` on write-ups (.md, .markdown, .tex, .ipynb): read the file, locate each question's
 * answer in it (document/), grade the finals and check the steps (compare/document.ts). An
 * unreadable document costs only itself: its report carries the error, as a broken YAML file's does.
 */
import { finding, InputError, type SubmissionReport } from '../core/index.js';
import { gradeDocument } from '../compare/document.js';
import type { PointCache } from '../compare/points.js';
import { namingOf } from '../bank/naming.js';
import type { Bank, ProblemSet } from '../bank/types.js';
import type { LocatedDocument } from '../document/types.js';
import { readDocument } from '../document/index.js';
import { FILE_LIMITS } from '../core/limits.js';
import { readTextFile, type FileText } from '../yaml/file.js';
import { readStdin } from '../submission/load.js';
import { isStdinName } from '../submission/sniff.js';

export const isDocumentFile = (file: string): boolean => /\.(md|markdown|tex|ipynb)$/i.test(file);

/** A write-up's text: a file's, read with a size cap, or standard input's (`grade -`, see expandPaths). */
function readWriteup(file: string): FileText {
  if (!isStdinName(file)) return readTextFile(file, FILE_LIMITS.documentBytes);
  const text = readStdin();
  return text.length > FILE_LIMITS.documentBytes
    ? { ok: false, error: finding('FILE_TOO_LARGE', { size: text.length, max: FILE_LIMITS.documentBytes }, { file }) }
    : { ok: true, text };
}

const failed = (file: string, points: PointCache, error: ReturnType<typeof finding>): SubmissionReport => ({
  file,
  student: null,
  score: 0,
  maxScore: 0,
  seed: points.seed,
  error,
  questions: [],
  kind: 'document',
});

/** The set a write-up answers (for a gradebook's columns before grading), or undefined when it cannot be read. */
export function documentSet(bank: Bank, file: string, set?: string): string | undefined {
  if (set) return set;
  return locateDocument(bank, file)?.set;
}

/** A write-up read and located against the bank's naming, or undefined when that fails (grading then says why). */
export function locateDocument(bank: Bank, file: string, set?: string): LocatedDocument | undefined {
  const read = readWriteup(file);
  if (!read.ok) return undefined;
  try {
    return readDocument(file, read.text, namingOf(bank), set ? { set } : {});
  } catch {
    return undefined;
  }
}

/** Grades a write-up; `located`, when it was already located (to build only the set it answers). */
export function gradeDocumentFile(bank: Bank, file: string, points: PointCache, set?: string, located?: LocatedDocument): SubmissionReport {
  const unknown = set !== undefined && !bank.sets.some((s) => s.set === set);
  const problems = located && !unknown ? bank.sets.find((s) => s.set === located.set) : undefined;
  if (located && problems) return gradeLocatedFile(file, problems.questions, located, points);
  // Regular files only, read with a size cap and checked as UTF-8, as submissions are.
  const read = readWriteup(file);
  if (!read.ok) return failed(file, points, read.error);
  const text = read.text;
  if (unknown) return failed(file, points, finding('UNKNOWN_SET', { set, known: bank.sets.map((s) => s.set) }, { file }));
  try {
    const located = readDocument(file, text, namingOf(bank), set ? { set } : {});
    const problems = bank.sets.find((s) => s.set === located.set);
    if (!problems) {
      // the front matter's `set:` line, when that is where the unknown set was named
      const line = located.notes.find((n) => n.code === 'FRONT_MATTER')?.line;
      const error = finding('UNKNOWN_SET', { set: located.set, known: bank.sets.map((s) => s.set) }, line ? { file, line, col: 1 } : { file });
      return { ...failed(file, points, error), student: located.student };
    }
    return gradeLocatedFile(file, problems.questions, located, points);
  } catch (e) {
    return caught(file, points, e);
  }
}

function gradeLocatedFile(file: string, questions: ProblemSet['questions'], located: LocatedDocument, points: PointCache): SubmissionReport {
  try {
    return noAnswers(gradeDocument(questions, located, points), located);
  } catch (e) {
    return caught(file, points, e);
  }
}

/** A write-up where nothing was located: a silent 0 against a guessed set would read as a verdict. */
export const hasNoEvidence = (located: LocatedDocument): boolean => located.setReason === 'best-match' && located.answers.size === 0;

function noAnswers(report: SubmissionReport, located: LocatedDocument): SubmissionReport {
  if (located.answers.size > 0) return report;
  const guess = hasNoEvidence(located);
  const warnings = (report.warnings ?? []).map((w) =>
    guess && w.code === 'DOC_SET' ? { ...w, args: { ...w.args, reason: 'no-evidence' }, severity: 'warning' as const } : w,
  );
  return { ...report, warnings: [finding('DOC_NO_ANSWERS', { file: located.file }, { file: located.file }, 'warning'), ...warnings] };
}

function caught(file: string, points: PointCache, e: unknown): SubmissionReport {
  if (e instanceof InputError) return failed(file, points, { ...e.finding, at: { file, ...e.finding.at } });
  return failed(file, points, finding('INTERNAL_ERROR', { detail: String((e as Error)?.message ?? e).slice(0, 200) }, { file }));
}
