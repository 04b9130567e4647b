/**
 * Submission files → raw answers (no parsing of formulas here). Contract:
 * `student: <id>` and `answers: {<question id>: <answer string>}`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finding, type Finding } from '../core/index.js';
import { FILE_LIMITS } from '../limits/index.js';
import { readTextFile } from '../yaml/file.js';
import { readYaml } from '../yaml/source.js';

export interface Submission {
  readonly file: string;
  readonly student: string | null;
  /** Answers by question id, as text; null where the key is present but empty. */
  readonly answers: ReadonlyMap<string, string | null>;
  /** Where each answer stands in the file. */
  readonly answerAt: ReadonlyMap<string, { line?: number; col?: number }>;
  /** The student's own names (`delta_1: "yhat - y"`), usable in every answer. */
  readonly definitions: ReadonlyMap<string, string>;
}

export type Loaded = { ok: true; submission: Submission } | { ok: false; file: string; student: string | null; error: Finding };

const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function parseSubmission(file: string, text: string): Loaded {
  // Counted before parsing: a parser takes seconds over tens of thousands of entries.
  const lines = text.split('\n', FILE_LIMITS.submissionLines + 1).length;
  if (lines > FILE_LIMITS.submissionLines)
    return { ok: false, file, student: null, error: finding('LIMIT_EXCEEDED', { what: 'the file', count: `more than ${FILE_LIMITS.submissionLines}`, max: FILE_LIMITS.submissionLines, unit: 'lines' }, { file }) };
  const src = readYaml(file, text, { strings: true });
  const bad = (error: Finding, student: string | null = null): Loaded => ({ ok: false, file, student, error });
  if (src.errors.length) return bad(src.errors[0]!);
  const data = src.data;
  if (!isMap(data)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping with `student` and `answers`', path: '' }, src.at([])));
  const rawStudent = data.student;
  const student = typeof rawStudent === 'string' && rawStudent !== '' ? rawStudent : null;
  if (student === null) return bad(finding('SUBMISSION_SHAPE', { expected: 'a student id (text)', path: 'student' }, src.at(['student'])));
  if (student.length > FILE_LIMITS.idLength) return bad(finding('LIMIT_EXCEEDED', { what: 'the student id', count: student.length, max: FILE_LIMITS.idLength, unit: 'characters' }, src.at(['student'])));
  const answers = new Map<string, string | null>();
  const answerAt = new Map<string, { line?: number; col?: number }>();
  const raw = data.answers ?? {};
  if (!isMap(raw)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of question ids to answers', path: 'answers' }, src.at(['answers'])), student);
  const tooMany = (what: string, path: string, count: number, max: number): Loaded =>
    bad(finding('LIMIT_EXCEEDED', { what, count, max, unit: 'entries' }, src.at([path])), student);
  if (Object.keys(raw).length > FILE_LIMITS.answers) return tooMany('answers', 'answers', Object.keys(raw).length, FILE_LIMITS.answers);
  for (const [id, value] of Object.entries(raw)) {
    if (value !== null && typeof value !== 'string')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'an answer as text', path: `answers.${id}` }, src.at(['answers', id])), student);
    answers.set(id, value);
    answerAt.set(id, src.at(['answers', id]));
  }
  const definitions = new Map<string, string>();
  const rawDefs = data.definitions ?? {};
  if (!isMap(rawDefs)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of names to formulas', path: 'definitions' }, src.at(['definitions'])), student);
  if (Object.keys(rawDefs).length > FILE_LIMITS.definitions) return tooMany('definitions', 'definitions', Object.keys(rawDefs).length, FILE_LIMITS.definitions);
  for (const [name, value] of Object.entries(rawDefs)) {
    if (typeof value !== 'string')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'a formula as text', path: `definitions.${name}` }, src.at(['definitions', name])), student);
    definitions.set(name, value);
  }
  return { ok: true, submission: { file, student, answers, answerAt, definitions } };
}

export function readSubmission(file: string): Loaded {
  const read = readTextFile(file, FILE_LIMITS.submissionBytes);
  return read.ok ? parseSubmission(file, read.text) : { ok: false, file, student: null, error: read.error };
}

/** A folder's files to grade, in name order: its YAML submissions, and with `documents` its write-ups too. */
export function expandPaths(paths: readonly string[], opts: { documents?: boolean } = {}): string[] {
  const wanted = opts.documents ? /\.(ya?ml|md|markdown|tex|ipynb)$/i : /\.ya?ml$/;
  return paths.flatMap((p) => {
    try {
      if (statSync(p).isDirectory())
        return readdirSync(p)
          .filter((f) => wanted.test(f))
          .sort()
          .map((f) => join(p, f));
    } catch {
      // a missing path is reported when it is read
    }
    return [p];
  });
}
