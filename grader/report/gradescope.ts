/**
 * Gradescope's autograder results.json (gradescope-autograders "Autograder Specifications"): the
 * submission's score, execution_time, output and visibility, and one test per question with its
 * name (title and id), number, score, max_score, status, output (Markdown), visibility and tags.
 */
import type { Finding, QuestionReport, SubmissionReport } from '../core/index.js';
import { message, stepMessage } from './messages.js';
import { clip } from './escape.js';

export const VISIBILITIES = ['visible', 'hidden', 'after_due_date', 'after_published'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What the bank says of a question, for its test: the report itself carries only the id. */
export interface GradescopeQuestion {
  readonly title: string;
  readonly visibility?: Visibility;
  readonly tags?: readonly string[];
}

/** The student, from Gradescope's submission_metadata.json (users[0]). */
export interface GradescopeStudent {
  readonly name?: string;
  readonly email?: string;
  readonly sid?: string;
}

export interface GradescopeOptions {
  /** The assignment's visibility (default visible); a question's own setting overrides it per test. */
  readonly visibility?: Visibility;
  readonly questions?: ReadonlyMap<string, GradescopeQuestion>;
  readonly student?: GradescopeStudent;
  /** Seconds the grading took. */
  readonly executionTime?: number;
}

/** Student text inside Markdown inline code: a fence longer than any run of backticks in it. */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${/^`|`$/.test(text) ? ` ${text} ` : text}${fence}`;
}

/** Markdown and HTML special characters in messages (they quote answers); their backticks are code spans on purpose. */
const mdText = (s: string): string =>
  s
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/([\\`*_{}[\]<>#|])/g, '\\$1')))
    .join('');

/** Student text as code, cut at MAX_ECHO (an over-long answer is not echoed whole). */
const echo = (text: string): string => clip(text, mdCode);

/**
 * A write-up's derivation, for the student: where the answer was found, and the first wrong step
 * with both sides and what the jump is. Feedback only: the steps do not change the score.
 */
function derivation(q: QuestionReport): string[] {
  if (!q.steps?.length) return [];
  const checked = q.steps.filter((s) => s.check === 'equal' || s.check === 'differs').length;
  const lines = ['', `**derivation** (feedback only: the steps do not change the score)${q.located ? `, found at line ${q.located.line}` : ''}`, ''];
  const w = q.firstWrongStep;
  if (w === null || w === undefined) return [...lines, `${checked} of ${q.steps.length} sides checked, each equal to the side before it.`];
  const after = q.steps[w]!;
  const before = [...q.steps.slice(0, w)].reverse().find((s) => s.chain === after.chain && s.check !== 'unchecked');
  lines.push(`first wrong step: line ${after.line}`, '');
  if (before) lines.push(`- before (line ${before.line}): ${mdCode(before.latex)}`);
  lines.push(`- after (line ${after.line}): ${mdCode(after.latex)}`);
  return [...lines, ...(q.stepFeedback ?? []).map((f) => `- ${mdText(stepMessage(f))}`)];
}

function testOutput(q: QuestionReport): string {
  const lines = [`**${q.verdict}** — ${q.score}/${q.maxScore}`];
  if (q.answer) lines.push('', `answer: ${echo(q.answer)}`);
  if (q.interpreted && q.interpreted !== q.answer) lines.push('', `read as: ${echo(q.interpreted)}`);
  if (q.feedback.length) lines.push('', ...q.feedback.map((f) => `- ${mdText(message(f))}`));
  lines.push(...derivation(q));
  return lines.join('\n');
}

/** Where a finding stands, for a student who sees only this page: the file's own name, line and column. */
function place(f: Finding): string {
  const at = f.at;
  if (!at?.line) return '';
  const name = at.file && at.file !== '-' ? `${mdText(at.file.split(/[\\/]/).pop()!)} ` : '';
  return ` (${name}line ${at.line}, column ${at.col ?? 1})`;
}

/** Warnings (a misspelled key, an unknown question id) under the score: they often explain it. */
const warningLines = (s: SubmissionReport): string =>
  s.warnings?.length ? `\n\n${s.warnings.map((f) => `- warning: ${mdText(message(f))}${place(f)}`).join('\n')}` : '';

function who(s: GradescopeStudent | undefined): string {
  if (!s) return '';
  const parts = [s.name, s.email && `<${s.email}>`, s.sid && `(${s.sid})`].filter(Boolean);
  return parts.length ? ` for ${mdText(parts.join(' '))}` : '';
}

export function gradescopeResults(s: SubmissionReport, opts: GradescopeOptions = {}) {
  const visibility = opts.visibility ?? 'visible';
  const common = {
    // Only when measured (the autograder): `grade --format gradescope` stays reproducible.
    ...(opts.executionTime !== undefined ? { execution_time: Math.round(opts.executionTime * 1000) / 1000 } : {}),
    output_format: 'md' as const,
    visibility,
    ...(opts.student ? { extra_data: { student: opts.student } } : {}),
  };
  if (s.error)
    return { score: 0, ...common, output: `**Your upload could not be graded**${who(opts.student)}: ${mdText(message(s.error))}${place(s.error)}`, tests: [] };
  return {
    score: s.score,
    ...common,
    output: `Graded${who(opts.student)} with seed ${s.seed}: ${s.score}/${s.maxScore}.${warningLines(s)}`,
    tests: s.questions.map((q, i) => {
      const meta = opts.questions?.get(q.id);
      return {
        name: meta ? `${meta.title} (${q.id})` : q.id,
        number: String(i + 1),
        score: q.score,
        max_score: q.maxScore,
        status: q.verdict === 'correct' ? ('passed' as const) : ('failed' as const),
        output: testOutput(q),
        output_format: 'md' as const,
        visibility: meta?.visibility ?? visibility,
        tags: [q.id.split('/')[0]!, q.verdict, ...(meta?.tags ?? [])],
      };
    }),
  };
}

export const renderGradescope = (s: SubmissionReport, opts?: GradescopeOptions): string => `${JSON.stringify(gradescopeResults(s, opts), null, 2)}\n`;
