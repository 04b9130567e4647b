/** The verbs. Each takes a parsed command and a loaded bank, writes through `io`, returns an exit status. */
import { finding, type Finding } from '../core/index.js';
import { gradeOne } from '../compare/submission.js';
import { explain } from '../compare/explain.js';
import { pointsFor } from './bank.js';
import { verifyQuestion, type QuestionCheck } from '../compare/verify.js';
import { jsonFinding, renderQuestionJson } from '../report/json.js';
import { renderFindings, renderQuestion } from '../report/terminal.js';
import { specDocs } from '../bank/docs.js';
import { schemaModule } from '../bank/schema-module.js';
import { allQuestions } from '../bank/load.js';
import { lint } from '../bank/lint.js';
import { coverageFindings, strictQuestionFindings } from '../compare/strict.js';
import type { Bank } from '../bank/types.js';
import type { Command } from './args.js';
import { findQuestion } from './show.js';
import type { Io } from './io.js';

export function runTry(cmd: Command, bank: Bank, io: Io): number {
  const [id, answer] = cmd.positionals as [string, string];
  const q = findQuestion(bank, id);
  const points = pointsFor(bank, cmd.seed, [q]);
  const graded = gradeOne(q, answer, points);
  const report = cmd.explain ? explain(q, graded, points.get(q)) : graded;
  io.out(cmd.format === 'json' ? renderQuestionJson(report) : `${renderQuestion(report)}\n  seed ${cmd.seed}\n`);
  return 0;
}

export function runList(cmd: Command, bank: Bank, io: Io): number {
  const questions = allQuestions(bank);
  if (cmd.format === 'json') {
    io.out(`${JSON.stringify({ questions: questions.map((q) => ({ id: q.id, title: q.title, points: q.points })) }, null, 2)}\n`);
    return 0;
  }
  const lines = bank.sets.flatMap((s) => [
    `${s.set}  ${s.title}  (${s.file})`,
    ...s.questions.map((q) => `  ${q.id.padEnd(40)} ${String(q.points).padStart(3)} pt  ${q.title}`),
    '',
  ]);
  io.out(`${lines.join('\n')}`);
  return 0;
}

export function runSchema(cmd: Command, io: Io): number {
  io.out(cmd.markdown ? specDocs() : `${JSON.stringify(schemaModule().jsonSchema(), null, 2)}\n`);
  return 0;
}

/** `--strict`: warnings that fail the check too. */
function strictFindings(bank: Bank, checks: readonly QuestionCheck[], seed: number): Finding[] {
  const questions = allQuestions(bank);
  const undefinedOften = checks.flatMap((c, i) => {
    const q = questions[i]!;
    return c.rejected > q.samples / 2 ? [finding('REFERENCE_OFTEN_UNDEFINED', { id: q.id, rejected: c.rejected, kept: q.samples }, q.at, 'warning')] : [];
  });
  return [...bank.sets.flatMap((s) => lint(s.questions)), ...undefinedOften, ...questions.flatMap((q) => strictQuestionFindings(q, seed))];
}

/** The summary line of a failed check: each count says what it counts ("0 of 0 questions" never). */
export function checkSummary(fileProblems: number, failed: number, built: number, warnings: number): string {
  const parts = [
    ...(fileProblems ? [`${fileProblems} problem(s) in the files${built ? '' : '; no question could be built'}`] : []),
    ...(built && (failed || !fileProblems) ? [`${failed} of ${built} ${fileProblems ? 'questions built' : 'questions'} failed`] : []),
    ...(warnings ? [`${warnings} warning(s), which fail --strict`] : []),
  ];
  return parts.join('; ');
}

/** The headline's words on finite differences, with the same figure and wording as the error when they differ. */
const fdWords = (c: QuestionCheck): string =>
  c.fd === 'agree'
    ? `, finite differences agree to ${c.fdError!.toExponential(1)}`
    : c.fd === 'differ'
      ? `, finite differences differ by ${c.fdError!.toExponential(2)}`
      : c.fd === 'unchecked'
        ? ', finite differences not checked'
        : '';

export function runCheck(cmd: Command, bank: Bank, io: Io): number {
  const checks: QuestionCheck[] = allQuestions(bank).map((q) => verifyQuestion(q, cmd.seed));
  const failed = checks.filter((c) => c.issues.length);
  const coverage = allQuestions(bank).flatMap((q) => coverageFindings(q, cmd.seed));
  const warnings = [...(cmd.strict ? strictFindings(bank, checks, cmd.seed) : []), ...coverage];
  const ok = bank.issues.length === 0 && failed.length === 0 && (!cmd.strict || warnings.length === 0);
  if (cmd.format === 'json') {
    const json = {
      ok,
      seed: cmd.seed,
      issues: bank.issues.map(jsonFinding),
      warnings: warnings.map(jsonFinding),
      questions: checks.map((c) => ({
        id: c.id,
        ok: c.issues.length === 0,
        fd: c.fd ?? null,
        fdError: c.fdError ?? null,
        examples: c.examples,
        rejected: c.rejected,
        issues: c.issues.map(jsonFinding),
      })),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  const lines: string[] = [];
  if (bank.issues.length) lines.push(renderFindings(bank.issues), '');
  for (const c of checks) {
    const fd = fdWords(c);
    lines.push(`${c.issues.length ? '✗' : '✓'} ${c.id}  (${c.examples} examples${fd})`);
    if (c.issues.length) lines.push(renderFindings(c.issues).replace(/^/gm, '    '));
  }
  if (warnings.length) lines.push('', renderFindings(warnings));
  lines.push(
    '',
    ok
      ? `all ${checks.length} questions proven (seed ${cmd.seed})${warnings.length ? `; ${warnings.length} warning(s)` : ''}`
      : checkSummary(bank.issues.length, failed.length, checks.length, cmd.strict ? warnings.length : 0),
  );
  io.out(`${lines.join('\n')}\n`);
  return ok ? 0 : 1;
}
