/**
 * Submission files → raw answers (no parsing of formulas here). Contract:
 * `student: <id>` and `answers: {<question id>: <answer string>}`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finding, type Finding } from '../core/index.js';
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

const MAX_BYTES = 1_000_000;
const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function parseSubmission(file: string, text: string): Loaded {
  const src = readYaml(file, text);
  const bad = (error: Finding, student: string | null = null): Loaded => ({ ok: false, file, student, error });
  if (src.errors.length) return bad(src.errors[0]!);
  const data = src.data;
  if (!isMap(data)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping with `student` and `answers`', path: '' }, src.at([])));
  const rawStudent = data.student;
  const student = typeof rawStudent === 'string' || typeof rawStudent === 'number' ? String(rawStudent) : null;
  if (student === null) return bad(finding('SUBMISSION_SHAPE', { expected: 'a student id (text)', path: 'student' }, src.at(['student'])));
  const answers = new Map<string, string | null>();
  const answerAt = new Map<string, { line?: number; col?: number }>();
  const raw = data.answers ?? {};
  if (!isMap(raw)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of question ids to answers', path: 'answers' }, src.at(['answers'])), student);
  for (const [id, value] of Object.entries(raw)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'an answer as text', path: `answers.${id}` }, src.at(['answers', id])), student);
    answers.set(id, value === null ? null : String(value));
    answerAt.set(id, src.at(['answers', id]));
  }
  const definitions = new Map<string, string>();
  const rawDefs = data.definitions ?? {};
  if (!isMap(rawDefs)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of names to formulas', path: 'definitions' }, src.at(['definitions'])), student);
  for (const [name, value] of Object.entries(rawDefs)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'a formula as text', path: `definitions.${name}` }, src.at(['definitions', name])), student);
    definitions.set(name, String(value));
  }
  return { ok: true, submission: { file, student, answers, answerAt, definitions } };
}

export function readSubmission(file: string): Loaded {
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) return { ok: false, file, student: null, error: finding('FILE_TOO_LARGE', { size: statSync(file).size, max: MAX_BYTES }, { file }) };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, file, student: null, error: finding('FILE_UNREADABLE', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { file }) };
  }
  return parseSubmission(file, text);
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
