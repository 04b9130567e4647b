/**
 * Submission files → raw answers (no parsing of formulas here). Contract:
 * `student: <id>` and `answers: {<question id>: <answer string>}`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { finding, type Finding } from '../core/index.js';
import { FILE_LIMITS } from '../core/limits.js';
import { suggest } from '../core/suggest.js';
import { readTextFile } from '../yaml/file.js';
import { readYaml } from '../yaml/source.js';
import { sniffKind, stdinName } from './sniff.js';

export interface Submission {
  readonly file: string;
  readonly student: string | null;
  /** Answers by question id, as text; null where the key is present but empty. */
  readonly answers: ReadonlyMap<string, string | null>;
  /** Where each answer's id (its key) stands in the file: the warnings about an id point at it. */
  readonly answerAt: ReadonlyMap<string, { line?: number; col?: number }>;
  /** The student's own names (`delta_1: "yhat - y"`), usable in every answer. */
  readonly definitions: ReadonlyMap<string, string>;
  /** `set: <id>`: the set that answer ids without a prefix belong to. */
  readonly set?: string;
  /** What was assumed to read the file (a student id taken from the file name). */
  readonly warnings?: readonly Finding[];
}

export type Loaded = { ok: true; submission: Submission } | { ok: false; file: string; student: string | null; error: Finding };

const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What YAML double quotes make of a LaTeX command: `"\theta"` is a tab and `heta`, `"\frac"` a
 * form feed and `rac`. The letter each control character came from, to name the command.
 */
const EATEN: Readonly<Record<string, string>> = {
  '\t': 't',
  '\f': 'f',
  '\b': 'b',
  '\v': 'v',
  '\u0007': 'a',
  '\u001b': 'e',
  '\r': 'r',
  '\0': '0',
  '\u2028': 'L',
  '\u2029': 'P',
  '\u0085': 'N',
  '\u00a0': '_',
};
/** `\n` is also a real line break (in a `|` block): only the commands it usually starts count. */
const EATEN_N = /\n(abla|eq|e|u|ot|eg|i|orm|ewline)(?![A-Za-z])/;

/** Any character of EATEN, or a line feed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_EATEN = /[\t\f\b\v\u0007\u001b\r\0\u2028\u2029\u0085\u00a0\n]/;

/**
 * The command a control character stands for in an answer, if one does (`\theta`), else undefined.
 * With `source` (the file's text), a no-break space counts only if the file writes `\_`: one
 * pasted from a PDF is not an eaten backslash.
 */
export function eatenBackslash(text: string, source?: string): { command: string; offset: number } | undefined {
  // Almost every answer has none of these characters: one native scan says so.
  if (!MAYBE_EATEN.test(text)) return undefined;
  const nbsp = source === undefined || source.includes('\\_');
  // A command has letters: a control character before anything else (ESC [2J) is hostile, not eaten.
  // `\_` (an underscore in LaTeX) is also followed by digits: `x\_1`.
  for (let at = 0; at < text.length; at++) {
    const c = text[at]!;
    const eaten = Object.hasOwn(EATEN, c) && (c !== '\u00a0' || nbsp);
    const letters = eaten ? (c === '\u00a0' ? /^[A-Za-z0-9]+/ : /^[A-Za-z]+/).exec(text.slice(at + 1))?.[0] : undefined;
    if (letters) return { command: `\\${EATEN[c]}${letters}`, offset: at };
  }
  const n = EATEN_N.exec(text);
  return n ? { command: `\\n${n[1]}`, offset: n.index } : undefined;
}

/** A YAML syntax error with the fix for the usual cause: a backslash in double quotes, a bare colon. */
function explainSyntax(error: Finding): Finding {
  const detail = String(error.args.detail ?? '');
  if (/escape sequence/i.test(detail)) return { ...error, code: 'YAML_BAD_ESCAPE' };
  // `q: a: b`: the second colon starts a mapping.
  if (/compact mappings|Implicit map keys|mapping values are not allowed/i.test(detail)) return { ...error, code: 'YAML_UNQUOTED_COLON' };
  return error;
}

/** Whether `text` has more than `max` lines, counted without splitting it. */
function lineCountOver(text: string, max: number): boolean {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) if (++lines > max) return true;
  return false;
}

/** The keys a submission may have (README "Submissions"). */
const TOP_KEYS: readonly string[] = ['student', 'answers', 'definitions', 'set'];

export function parseSubmission(file: string, text: string): Loaded {
  // Counted before parsing: a parser takes seconds over tens of thousands of entries.
  if (lineCountOver(text, FILE_LIMITS.submissionLines))
    return {
      ok: false,
      file,
      student: null,
      error: finding(
        'LIMIT_EXCEEDED',
        { what: 'the file', count: `more than ${FILE_LIMITS.submissionLines}`, max: FILE_LIMITS.submissionLines, unit: 'lines' },
        { file },
      ),
    };
  const src = readYaml(file, text, { strings: true });
  const bad = (error: Finding, student: string | null = null): Loaded => ({ ok: false, file, student, error });
  if (src.errors.length) return bad(explainSyntax(src.errors[0]!));
  const data = src.data;
  if (!isMap(data)) {
    // An empty or comment-only file has no value to point at: its start is where to write one.
    const at = src.at([]);
    return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping with `student` and `answers`', path: '' }, at.line ? at : { file, line: 1, col: 1 }));
  }
  const warnings: Finding[] = [];
  // A misspelled key (`answer:`) would otherwise grade as all unanswered, silently.
  for (const key of Object.keys(data))
    if (!TOP_KEYS.includes(key))
      warnings.push(finding('SUBMISSION_UNKNOWN_KEY', { key, suggestions: suggest(key, TOP_KEYS), allowed: TOP_KEYS }, src.at([key], true), 'warning'));
  const rawStudent = data.student;
  let student = typeof rawStudent === 'string' && rawStudent !== '' ? rawStudent : null;
  if (student === null && rawStudent !== undefined && rawStudent !== null && rawStudent !== '')
    return bad(finding('SUBMISSION_SHAPE', { expected: 'a student id (text)', path: 'student' }, src.at(['student'])));
  if (student === null) {
    // No `student:`: the file's name is the usual id (alice.yaml), and saying so lets the student fix it.
    student = file === '-' ? 'stdin' : basename(file).replace(/\.ya?ml$/i, '');
    warnings.push(finding('STUDENT_FROM_FILE', { student }, { file, line: 1, col: 1 }, 'warning'));
  }
  if (student.length > FILE_LIMITS.idLength)
    return bad(
      finding('LIMIT_EXCEEDED', { what: 'the student id', count: student.length, max: FILE_LIMITS.idLength, unit: 'characters' }, src.at(['student'])),
    );
  const set = typeof data.set === 'string' ? data.set : undefined;
  const answers = new Map<string, string | null>();
  const answerAt = new Map<string, { line?: number; col?: number }>();
  const raw = data.answers ?? {};
  if (!isMap(raw)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of question ids to answers', path: 'answers' }, src.at(['answers'])), student);
  const tooMany = (what: string, path: string, count: number, max: number): Loaded =>
    bad(finding('LIMIT_EXCEEDED', { what, count, max, unit: 'entries' }, src.at([path])), student);
  const ids = Object.keys(raw);
  if (ids.length > FILE_LIMITS.answers) return tooMany('answers', 'answers', ids.length, FILE_LIMITS.answers);
  for (const id of ids) {
    const value = raw[id];
    if (value !== null && typeof value !== 'string')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'an answer as text', path: `answers.${id}` }, src.at(['answers', id])), student);
    const eaten = typeof value === 'string' ? eatenBackslash(value, text) : undefined;
    if (eaten) return bad(finding('BACKSLASH_EATEN', { command: eaten.command, path: `answers.${id}` }, src.at(['answers', id])), student);
    answers.set(id, value);
    answerAt.set(id, src.at(['answers', id], true));
  }
  const definitions = new Map<string, string>();
  const rawDefs = data.definitions ?? {};
  if (!isMap(rawDefs))
    return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of names to formulas', path: 'definitions' }, src.at(['definitions'])), student);
  if (Object.keys(rawDefs).length > FILE_LIMITS.definitions) return tooMany('definitions', 'definitions', Object.keys(rawDefs).length, FILE_LIMITS.definitions);
  for (const [name, value] of Object.entries(rawDefs)) {
    if (typeof value !== 'string')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'a formula as text', path: `definitions.${name}` }, src.at(['definitions', name])), student);
    const eaten = eatenBackslash(`${name} ${value}`, text);
    if (eaten) return bad(finding('BACKSLASH_EATEN', { command: eaten.command, path: `definitions.${name}` }, src.at(['definitions', name])), student);
    definitions.set(name, value);
  }
  return { ok: true, submission: { file, student, answers, answerAt, definitions, ...(set ? { set } : {}), ...(warnings.length ? { warnings } : {}) } };
}

let stdin: string | undefined;
/** Standard input, read once: `grade -` lists the file's sets before grading it. */
export const readStdin = (): string => (stdin ??= readFileSync(0, 'utf8'));

export function readSubmission(file: string): Loaded {
  if (file === '-') {
    const text = readStdin();
    return text.length > FILE_LIMITS.submissionBytes
      ? { ok: false, file, student: null, error: finding('FILE_TOO_LARGE', { size: text.length, max: FILE_LIMITS.submissionBytes }, { file }) }
      : parseSubmission(file, text);
  }
  const read = readTextFile(file, FILE_LIMITS.submissionBytes);
  return read.ok ? parseSubmission(file, read.text) : { ok: false, file, student: null, error: read.error };
}

/** A folder's files to grade, in name order: its YAML submissions, and with `documents` its write-ups too. */
export function expandPaths(paths: readonly string[], opts: { documents?: boolean } = {}): string[] {
  const wanted = opts.documents ? /\.(ya?ml|md|markdown|tex|ipynb)$/i : /\.ya?ml$/;
  return paths.flatMap((p) => {
    // Standard input has no name to tell its kind: its text does (a write-up piped in is graded as one).
    if (p === '-') return [opts.documents ? stdinName(sniffKind(readStdin())) : p];
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
