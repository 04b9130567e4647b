/** `grade` and `items`: many submissions in, one report out (to stdout, or atomically to --out). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { finding, type SubmissionReport } from '../core/index.js';
import { analyseItem, type GradedAnswer } from '../compare/items.js';
import { pointsFor } from './bank.js';
import { gradeSubmission, questionsFor } from '../compare/submission.js';
import { renderHtml, renderIndex } from '../report/html.js';
import { htmlOptions, itemsOf, texToMathml } from './html.js';
import { gradebookRenderer } from './gradebook.js';
import { gradescopeQuestions } from './gradescope.js';
import { renderItemsJson, renderItemsText } from '../report/items.js';
import { message, where } from '../report/messages.js';
import { csvRenderer, gradescopeRenderer, htmlRenderer, jsonRenderer, textRenderer, type Renderer } from '../report/renderer.js';
import { isRendered } from '../report/portable.js';
import { allQuestions, loadBank } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { expandPaths, readSubmission } from '../submission/load.js';
import { UsageError, type Command } from './args.js';
import { gradeFiles } from './batch.js';
import { gradeFile, type Preread } from './runs.js';
import { hasNoEvidence, isDocumentFile, locateDocument } from './document.js';
import { atomicSink, describeFsError, OutputError, progressBar, stdoutSink, unwritable, writeAtomic, type Sink } from './io.js';
import { pageNames } from './pages.js';
import { budgetFor } from './budget.js';
import { bankPath, loadOrThrow, specCache, workerEntry } from './bank.js';
import { indexName, shardFiles, shardHead } from './shard.js';
import type { Io } from './io.js';

function emit(cmd: Command, io: Io, text: string): void {
  if (cmd.out) writeAtomic(cmd.out, text);
  else io.out(text);
}

/**
 * The sets a few submissions answer, so that only those are compiled; undefined (all sets) for a
 * large batch, where reading every file twice would cost more than it saves, or when a file
 * answers no set at all (it is then graded on every set), or a write-up cannot be located. What
 * was read here (submissions, located write-ups) is kept in `read` and graded as read.
 */
function setsAnswered(cmd: Command, files: readonly string[], read: Map<string, Preread>): Set<string> | undefined {
  if (files.length > 8) return undefined;
  const sets = new Set<string>();
  // Write-ups are located by the bank's naming, read from its specs without building a set.
  let names: Bank | undefined;
  for (const file of files) {
    if (isDocumentFile(file)) {
      names ??= loadBank(bankPath(cmd), specCache(), new Set());
      const usable = names.issues.length === 0 && (cmd.set === undefined || names.sets.some((s) => s.set === cmd.set));
      const located = usable ? locateDocument(names, file, cmd.set) : undefined;
      if (!located) return undefined;
      read.set(file, located);
      sets.add(located.set);
      continue;
    }
    const loaded = readSubmission(file);
    read.set(file, loaded);
    if (!loaded.ok) continue;
    const ids = [...loaded.submission.answers.keys()];
    if (ids.length === 0) return undefined;
    for (const id of ids) sets.add(id.split('/')[0]!);
  }
  return sets.size ? sets : undefined;
}

export async function runGrade(cmd: Command, io: Io): Promise<number> {
  const all = expandPaths(cmd.positionals, { documents: true });
  // An empty shard is a normal part of a split batch; an empty batch is a mistake.
  const files = shardFiles(all, cmd.shard);
  if (all.length === 0) {
    io.err(`grader: ${message(finding('NO_SUBMISSIONS', { path: cmd.positionals.join(', ') }))}\n`);
    return 1;
  }
  if (cmd.format === 'gradescope' && files.length !== 1) throw new UsageError('--format gradescope grades one submission (Gradescope runs once per student)');
  budgetFor(files.length);
  // Each file is read once: the ones read here are graded as read.
  const read = new Map<string, Preread>();
  const only = setsAnswered(cmd, files, read);
  let bank = only ? loadBank(bankPath(cmd), specCache(), only) : loadOrThrow(cmd);
  // A broken bank is reported whole; an answer to a set the bank lacks is graded on every set.
  if (only && (bank.issues.length || [...only].some((s) => !bank.sets.some((b) => b.set === s)))) bank = loadOrThrow(cmd);
  const points = pointsFor(bank, cmd.seed);
  const out = cmd.out;
  const pages = cmd.format === 'html' && out !== undefined && isDirectory(out);
  let sink: Sink;
  try {
    // The destination is checked (and its temporary file opened) before any grading.
    if (pages) {
      const why = unwritable(join(out, 'report.html'));
      if (why) throw new OutputError(`cannot write to ${out}: ${why}`);
    }
    sink = out && !pages ? atomicSink(out, io.write) : stdoutSink(io);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(`grader: ${e.message}\n`);
    return 2;
  }
  let failed = false;
  try {
    const renderer = pages ? undefined : rendererFor(cmd, bank, files, io);
    // Named over the whole batch, so that pages of different shards never collide.
    const named = pages ? new Map(pageNames(all).map((n, i) => [all[i]!, n])) : undefined;
    const names = files.map((f) => named?.get(f) ?? '');
    const index = indexName(cmd.shard);
    const tex = pages ? texToMathml() : undefined;
    const opts = htmlOptions(bank, cmd.instructor);
    // The index needs every score: small rows, kept as the pages are written (full reports only for --instructor's item analysis).
    const graded: SubmissionReport[] = [];
    sink.write(shardHead(cmd.format, renderer?.head() ?? '', cmd.shard));
    const bar = progressBar(files.length);
    const entry = workerEntry();
    const onProgress = (done: number) => bar.tick(done);
    await gradeFiles(
      bank,
      files,
      points,
      {
        jobs: cmd.jobs ?? 0,
        bankPath: bankPath(cmd),
        ...(entry ? { workerEntry: entry } : {}),
        onProgress,
        ...(cmd.set ? { set: cmd.set } : {}),
        ...(renderer?.elsewhere ? { render: renderer.elsewhere.spec } : {}),
        read,
      },
      (s, i) => {
        if (isRendered(s)) {
          failed ||= s.failed;
          sink.write(renderer!.elsewhere!.take(s, i));
          return;
        }
        failed ||= s.error !== null;
        // A page per submission, for handing back to each student.
        if (pages) {
          writePage(join(out, names[i]!), renderHtml([s], tex!, undefined, opts));
          graded.push(cmd.instructor ? s : { ...s, questions: s.questions.map((q) => ({ ...q, feedback: [] })) });
        } else sink.write(renderer!.submission(s, i));
      },
    );
    bar.end();
    sink.write(renderer?.tail() ?? '');
    sink.commit();
    if (pages) {
      writePage(
        join(out, index),
        renderIndex(graded, (_, i) => names[i]!, cmd.instructor ? itemsOf(bank, graded, points) : undefined, opts),
      );
      io.out(`wrote ${files.length} reports and ${index} to ${out}\n`);
    }
  } catch (e) {
    sink.abort();
    if (!(e instanceof OutputError)) throw e;
    io.err(`grader: ${e.message}\n`);
    return 2;
  }
  return failed ? 1 : 0;
}

function writePage(file: string, html: string): void {
  try {
    writeAtomic(file, html);
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${describeFsError(e)}`);
  }
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The renderer of the chosen format, told up front what it needs. */
function rendererFor(cmd: Command, bank: Bank, files: readonly string[], io: Io): Renderer {
  const run = { count: files.length };
  switch (cmd.format) {
    case 'json':
      return jsonRenderer(run);
    case 'csv':
      return cmd.csv ? gradebookRenderer(cmd, bank, io) : csvRenderer(gradebookColumns(bank, files, cmd.set));
    case 'gradescope':
      return gradescopeRenderer({ questions: gradescopeQuestions(bank), ...(cmd.visibility ? { visibility: cmd.visibility } : {}) });
    case 'html':
      return htmlRenderer(
        run,
        texToMathml(),
        htmlOptions(bank, cmd.instructor),
        cmd.instructor ? (subs) => itemsOf(bank, subs, pointsFor(bank, cmd.seed)) : undefined,
      );
    default:
      return textRenderer(run);
  }
}

/**
 * The gradebook's columns, before any row is written: the questions each file is graded on, in
 * order of first appearance (as if every report were at hand). Reads each file's answer ids.
 */
function gradebookColumns(bank: Bank, files: readonly string[], set?: string): string[] {
  const ids = new Set<string>();
  for (const file of files) {
    if (isDocumentFile(file)) {
      // A write-up with no answer and no named set adds no columns: its set is only a guess.
      const located = set ? undefined : locateDocument(bank, file);
      if (located && hasNoEvidence(located)) continue;
      const id = set ?? located?.set;
      for (const q of bank.sets.find((s) => s.set === id)?.questions ?? []) ids.add(q.id);
      continue;
    }
    const loaded = readSubmission(file);
    if (loaded.ok) for (const q of questionsFor(bank, loaded.submission.answers.keys())) ids.add(q.id);
  }
  return [...ids];
}

export function runItems(cmd: Command, bank: Bank, io: Io): number {
  const points = pointsFor(bank, cmd.seed);
  const answers = new Map<string, GradedAnswer[]>();
  // Write-ups count as YAML submissions do: each question's final is one answer.
  const files = expandPaths(cmd.positionals, { documents: true });
  if (files.length === 0) {
    io.err(`grader: ${message(finding('NO_SUBMISSIONS', { path: cmd.positionals.join(', ') }))}\n`);
    return 1;
  }
  const submissions = files.map((file) => {
    const loaded = isDocumentFile(file) ? undefined : readSubmission(file);
    const report = loaded ? gradeSubmission(bank, loaded, points) : gradeFile(bank, file, points, cmd.set);
    for (const q of report.questions)
      answers.set(q.id, [...(answers.get(q.id) ?? []), { report: q, ...(loaded?.ok ? { definitions: loaded.submission.definitions } : {}) }]);
    return report;
  });
  const items = allQuestions(bank)
    .filter((q) => answers.has(q.id))
    .map((q) => analyseItem(q, answers.get(q.id)!, points));
  emit(
    cmd,
    io,
    cmd.format === 'json'
      ? renderItemsJson(items)
      : cmd.format === 'html'
        ? renderHtml(submissions, texToMathml(), items, htmlOptions(bank, true))
        : renderItemsText(items),
  );
  // A file that cannot be graded is not counted: say so, rather than exit 1 in silence.
  for (const s of submissions) if (s.error) io.err(`grader: ${where(s.error) || s.file}: ${message(s.error)} (not counted)\n`);
  return submissions.some((s) => s.error) ? 1 : 0;
}
