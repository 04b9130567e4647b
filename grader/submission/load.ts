/**
 * Submission files → raw answers (no parsing of formulas here). Contract:
 * `student: <id>` and `answers: {<question id>: <answer string>}`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
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
  /** `set: <id>`: the set that answer ids without a prefix belong to. */
  readonly set?: string;
  /** What was assumed to read the file (a student id taken from the file name). */
  readonly warnings?: readonly Finding[];
}

export type Loaded = { ok: true; submission: Submission } | { ok: false; file: string; student: string | null; error: Finding };

const MAX_BYTES = 1_000_000;
const isMap = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What YAML double quotes make of a LaTeX command: `"\theta"` is a tab and `heta`, `"\frac"` a
 * form feed and `rac`. The letter each control character came from, to name the command.
 */
const EATEN: Readonly<Record<string, string>> = { '\t': 't', '\f': 'f', '\b': 'b', '\v': 'v', '\u0007': 'a', '\u001b': 'e', '\r': 'r', '\0': '0', '\u2028': 'L', '\u2029': 'P' };
/** `\n` is also a real line break (in a `|` block): only the commands it usually starts count. */
const EATEN_N = /\n(abla|eq|e|u|ot|eg|i|orm|ewline)(?![A-Za-z])/;

/** The command a control character stands for in an answer, if one does (`\theta`), else undefined. */
export function eatenBackslash(text: string): { command: string; offset: number } | undefined {
  let at = 0;
  while (at < text.length && !Object.hasOwn(EATEN, text[at]!)) at++;
  if (at < text.length) return { command: `\\${EATEN[text[at]!]}${/^[A-Za-z]*/.exec(text.slice(at + 1))![0]}`, offset: at };
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

export function parseSubmission(file: string, text: string): Loaded {
  const src = readYaml(file, text);
  const bad = (error: Finding, student: string | null = null): Loaded => ({ ok: false, file, student, error });
  if (src.errors.length) return bad(explainSyntax(src.errors[0]!));
  const data = src.data;
  if (!isMap(data)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping with `student` and `answers`', path: '' }, src.at([])));
  const warnings: Finding[] = [];
  const rawStudent = data.student;
  let student = typeof rawStudent === 'string' || typeof rawStudent === 'number' ? String(rawStudent) : null;
  if (student === null && rawStudent !== undefined && rawStudent !== null)
    return bad(finding('SUBMISSION_SHAPE', { expected: 'a student id (text)', path: 'student' }, src.at(['student'])));
  if (student === null) {
    // No `student:`: the file's name is the usual id (alice.yaml), and saying so lets the student fix it.
    student = file === '-' ? 'stdin' : basename(file).replace(/\.ya?ml$/i, '');
    warnings.push(finding('STUDENT_FROM_FILE', { student }, { file, line: 1, col: 1 }, 'warning'));
  }
  const set = typeof data.set === 'string' ? data.set : undefined;
  const answers = new Map<string, string | null>();
  const answerAt = new Map<string, { line?: number; col?: number }>();
  const raw = data.answers ?? {};
  if (!isMap(raw)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of question ids to answers', path: 'answers' }, src.at(['answers'])), student);
  for (const [id, value] of Object.entries(raw)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'an answer as text', path: `answers.${id}` }, src.at(['answers', id])), student);
    const eaten = typeof value === 'string' ? eatenBackslash(value) : undefined;
    if (eaten) return bad(finding('BACKSLASH_EATEN', { command: eaten.command, path: `answers.${id}` }, src.at(['answers', id])), student);
    answers.set(id, value === null ? null : String(value));
    answerAt.set(id, src.at(['answers', id]));
  }
  const definitions = new Map<string, string>();
  const rawDefs = data.definitions ?? {};
  if (!isMap(rawDefs)) return bad(finding('SUBMISSION_SHAPE', { expected: 'a mapping of names to formulas', path: 'definitions' }, src.at(['definitions'])), student);
  for (const [name, value] of Object.entries(rawDefs)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      return bad(finding('SUBMISSION_SHAPE', { expected: 'a formula as text', path: `definitions.${name}` }, src.at(['definitions', name])), student);
    const eaten = eatenBackslash(`${name} ${value}`);
    if (eaten) return bad(finding('BACKSLASH_EATEN', { command: eaten.command, path: `definitions.${name}` }, src.at(['definitions', name])), student);
    definitions.set(name, String(value));
  }
  return { ok: true, submission: { file, student, answers, answerAt, definitions, ...(set ? { set } : {}), ...(warnings.length ? { warnings } : {}) } };
}

let stdin: string | undefined;
/** Standard input, read once: `grade -` lists the file's sets before grading it. */
const readStdin = (): string => (stdin ??= readFileSync(0, 'utf8'));

export function readSubmission(file: string): Loaded {
  if (file === '-') return parseSubmission('-', readStdin());
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) return { ok: false, file, student: null, error: finding('FILE_TOO_LARGE', { size: statSync(file).size, max: MAX_BYTES }, { file }) };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, file, student: null, error: finding('FILE_UNREADABLE', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { file }) };
  }
  return parseSubmission(file, text);
}

/** Submission paths from the command line: files as given, folders as their *.yaml / *.yml files, sorted. */
export function expandPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (statSync(p).isDirectory())
        return readdirSync(p)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => join(p, f));
    } catch {
      // a missing path is reported when it is read
    }
    return [p];
  });
}
