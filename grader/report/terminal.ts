/**
 * Reports for people at a terminal: a mark and points per question, how the answer was read,
 * the feedback, a caret under the character a syntax error points at, totals at the end.
 * The only module that imports chalk; chalk turns colour off when piped or under NO_COLOR.
 */
import chalk from 'chalk';
import type { BatchReport, Finding, QuestionReport, SubmissionReport, Verdict } from '../core/index.js';
import { clip, escapeControls as safe, MAX_ECHO } from './escape.js';
import { renderExplanation } from './explain.js';
import { message, where } from './messages.js';
import { stepLines, type Marks } from './steps.js';

/** The colour level, decided by the CLI from the environment (NO_COLOR, FORCE_COLOR, a terminal). */
export const setColourLevel = (level: 0 | 1 | 2 | 3): void => {
  chalk.level = level;
};

/** The colour level in force (a batch's worker threads render with the main thread's). */
export const colourLevel = (): 0 | 1 | 2 | 3 => chalk.level;

// A function, not a table: chalk's colour level is read when rendering, not when loading.
const mark = (v: Verdict): string => ({ correct: chalk.green('✓'), incorrect: chalk.red('✗'), invalid: chalk.yellow('!'), unanswered: chalk.gray('·') })[v];

const stepMarks = (): Marks => ({ start: ' ', equal: chalk.green('✓'), differs: chalk.red('✗'), unchecked: chalk.yellow('?'), dim: chalk.dim });

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Student text as echoed: cut at MAX_ECHO, control characters made visible. */
export const clipEcho = (text: string): string => clip(text, safe);

/**
 * An answer as handed in: a block scalar's trailing line breaks dropped and its inner ones shown
 * as spaces (not a literal `\n`; not raw, where a student's text could draw a fake report line).
 */
export const echoAnswer = (answer: string): string => clipEcho(answer.trimEnd().replace(/[ \t]*\r?\n[ \t]*/g, ' '));

/** The answer with a caret under the character a finding points at. */
export function caret(answer: string, f: Finding, indent: string): string[] {
  const at = f.at?.offset;
  // A caret past what is echoed would point at nothing shown.
  if (at === undefined || answer.includes('\n') || answer.length > MAX_ECHO) return [];
  // Offsets counted in the answer as shown, where a control character takes several columns.
  const offset = safe(answer.slice(0, at)).length;
  const len = Math.max(1, Math.min(safe(answer.slice(at, at + (f.at?.length ?? 1))).length, safe(answer).length - offset));
  return [`${indent}${chalk.dim(safe(answer))}`, `${indent}${' '.repeat(offset)}${chalk.red('^'.repeat(len))}`];
}

function feedbackLine(f: Finding, answer: string | null, indent: string): string[] {
  const colour = f.severity === 'info' ? chalk.gray : f.severity === 'warning' ? chalk.yellow : (t: string) => t;
  const pos = f.at?.line ? ` ${chalk.dim(safe(where(f)))}` : '';
  return [`${indent}${colour(safe(message(f)))}${pos}`, ...(answer ? caret(answer, f, `${indent}  `) : [])];
}

export function renderQuestion(q: QuestionReport): string {
  const lines = [`${mark(q.verdict)} ${chalk.bold(q.id)}  ${fmt(q.score)}/${fmt(q.maxScore)}  ${chalk.dim(q.verdict)}`];
  lines.push(...stepLines(q, stepMarks()));
  if (q.answer !== null && q.answer.trim() !== '') lines.push(`    answer:  ${echoAnswer(q.answer)}`);
  if (q.interpreted !== null && q.interpreted !== q.answer) lines.push(`    read as: ${chalk.cyan(clipEcho(q.interpreted))}`);
  if (q.notation === 'latex' && q.interpretedLatex) lines.push(`    LaTeX:   ${chalk.dim(clipEcho(q.interpretedLatex))}`);
  for (const f of q.feedback) lines.push(...feedbackLine(f, q.answer, '    '));
  if (q.explanation) lines.push(...renderExplanation(q.explanation, (ok) => (ok ? chalk.green('✓') : chalk.red('✗'))).map((l) => `    ${chalk.dim(l)}`));
  return lines.join('\n');
}

export function renderSubmission(s: SubmissionReport): string {
  const head = `${chalk.bold(safe(s.student ?? '(unknown student)'))}  ${chalk.dim(safe(s.file))}  seed ${s.seed}`;
  if (s.error) return [head, `  ${chalk.red('cannot grade this file:')} ${safe(message(s.error))} ${chalk.dim(safe(where(s.error)))}`].join('\n');
  const body = s.questions.map((q) => renderQuestion(q).replace(/^/gm, '  '));
  const warnings = (s.warnings ?? []).flatMap((w) => feedbackLine(w, null, '  '));
  const counts = (v: Verdict) => s.questions.filter((q) => q.verdict === v).length;
  const total = `  total ${chalk.bold(`${fmt(s.score)}/${fmt(s.maxScore)}`)}  (${counts('correct')} correct, ${counts('incorrect')} incorrect, ${counts('invalid')} invalid, ${counts('unanswered')} unanswered)`;
  const sets = s.sets && s.sets.length > 1 ? s.sets.map((t) => `  ${t.set}: ${fmt(t.score)}/${fmt(t.maxScore)}`) : [];
  return [head, ...body, ...warnings, ...sets, total].join('\n');
}

/** The line closing a batch of several submissions. */
export const renderSummary = (count: number, failed: number): string =>
  chalk.bold(`${count} submissions graded${failed ? `, ${failed} could not be read` : ''}`);

export function renderText(batch: BatchReport): string {
  const parts = batch.submissions.map(renderSubmission);
  if (batch.submissions.length > 1) parts.push(renderSummary(batch.submissions.length, batch.submissions.filter((s) => s.error).length));
  return `${parts.join('\n\n')}\n`;
}

/** A list of findings (spec problems), one a line, with positions. */
export const renderFindings = (fs: readonly Finding[]): string =>
  fs
    .map((f) => `${chalk.dim(safe(where(f)) || '-')}: ${f.severity === 'warning' ? chalk.yellow('warning') : chalk.red('error')} ${safe(message(f))}`)
    .join('\n');
