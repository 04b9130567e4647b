/** `grade` and `items`: many submissions in, one report out (to stdout, or atomically to --out). */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { finding, type SubmissionReport } from '../core/index.js';
import { analyseItem, type GradedAnswer } from '../compare/items.js';
import { pointsFor } from './bank.js';
import { gradeSubmission, questionsFor } from '../compare/submission.js';
import { renderGradescope } from '../report/gradescope.js';
import { renderHtml, type TexToHtml } from '../report/html.js';
import { renderItemsJson, renderItemsText } from '../report/items.js';
import { message } from '../report/messages.js';
import { csvRenderer, gradescopeRenderer, htmlRenderer, jsonRenderer, textRenderer, type Renderer } from '../report/renderer.js';
import { allQuestions, loadBank } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { expandPaths, readSubmission } from '../submission/load.js';
import { UsageError, type Command } from './args.js';
import { gradeFiles } from './batch.js';
import { documentSet, isDocumentFile } from './document.js';
import { atomicSink, describeFsError, OutputError, progressBar, stdoutSink, unwritable, writeAtomic, type Sink } from './io.js';
import { pageNames } from './pages.js';
import { bankPath, loadOrThrow, specCache, workerEntry } from './bank.js';
import { shardFiles, shardHead } from './shard.js';
import type { Io } from './io.js';

/** KaTeX, loaded only for HTML, rendering MathML: the browser typesets it with no fonts to fetch. */
async function texToMathml(): Promise<TexToHtml> {
  // required, not imported: the bundle runs in a vm.Script (for its code cache), where import() is not available
  const katex = createRequire(import.meta.url)('katex') as typeof import('katex');
  return (tex) => katex.renderToString(tex, { output: 'mathml', throwOnError: false, strict: 'ignore', maxSize: 20, maxExpand: 100 });
}

function emit(cmd: Command, io: Io, text: string): void {
  if (cmd.out) writeAtomic(cmd.out, text);
  else io.out(text);
}

/**
 * The sets a few submissions answer, so that only those are compiled; undefined (all sets) for a
 * large batch, where reading every file twice would cost more than it saves, or when a file
 * answers no set at all (it is then graded on every set).
 */
function setsAnswered(files: readonly string[]): Set<string> | undefined {
  // A write-up's set is known only once it is read: every set is loaded.
  if (files.length > 8 || files.some(isDocumentFile)) return undefined;
  const sets = new Set<string>();
  for (const file of files) {
    const loaded = readSubmission(file);
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
  const only = setsAnswered(files);
  let bank = only ? loadBank(bankPath(cmd), specCache(), only) : loadOrThrow(cmd);
  // A broken bank is reported whole; an answer to a set the bank lacks is graded on every set.
  if (only && (bank.issues.length || [...only].some((s) => !bank.sets.some((b) => b.set === s)))) bank = loadOrThrow(cmd);
  const points = pointsFor(bank, cmd.seed);
  const pages = cmd.format === 'html' && cmd.out !== undefined && isDirectory(cmd.out);
  let sink: Sink;
  try {
    // The destination is checked (and its temporary file opened) before any grading.
    if (pages) {
      const why = unwritable(join(cmd.out!, 'report.html'));
      if (why) throw new OutputError(`cannot write to ${cmd.out}: ${why}`);
    }
    sink = cmd.out && !pages ? atomicSink(cmd.out, io.write) : stdoutSink(io);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(`grader: ${e.message}\n`);
    return 2;
  }
  let failed = false;
  try {
    const renderer = pages ? undefined : await rendererFor(cmd, bank, files);
    const names = pages ? pageNames(files) : [];
    const tex = pages ? await texToMathml() : undefined;
    sink.write(shardHead(cmd.format, renderer?.head() ?? '', cmd.shard));
    const bar = progressBar(files.length);
    const entry = workerEntry();
    await gradeFiles(bank, files, points, { jobs: cmd.jobs ?? 0, bankPath: bankPath(cmd), ...(entry ? { workerEntry: entry } : {}), onProgress: bar.tick, ...(cmd.set ? { set: cmd.set } : {}) }, (s, i) => {
      failed ||= s.error !== null;
      // A page per submission, for handing back to each student.
      if (pages) writePage(join(cmd.out!, names[i]!), renderHtml([s], tex!));
      else sink.write(renderer!.submission(s, i));
    });
    bar.end();
    sink.write(renderer?.tail() ?? '');
    sink.commit();
    if (pages) io.out(`wrote ${files.length} reports to ${cmd.out}\n`);
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
async function rendererFor(cmd: Command, bank: Bank, files: readonly string[]): Promise<Renderer> {
  const run = { count: files.length };
  switch (cmd.format) {
    case 'json':
      return jsonRenderer(run);
    case 'csv':
      return csvRenderer(gradebookColumns(bank, files, cmd.set));
    case 'gradescope':
      return gradescopeRenderer();
    case 'html':
      return htmlRenderer(run, await texToMathml());
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
      const id = documentSet(bank, file, set);
      for (const q of bank.sets.find((s) => s.set === id)?.questions ?? []) ids.add(q.id);
      continue;
    }
    const loaded = readSubmission(file);
    if (loaded.ok) for (const q of questionsFor(bank, loaded.submission.answers.keys())) ids.add(q.id);
  }
  return [...ids];
}

export async function runItems(cmd: Command, bank: Bank, io: Io): Promise<number> {
  const points = pointsFor(bank, cmd.seed);
  const answers = new Map<string, GradedAnswer[]>();
  const submissions = expandPaths(cmd.positionals).map((file) => {
    const loaded = readSubmission(file);
    const report = gradeSubmission(bank, loaded, points);
    for (const q of report.questions) answers.set(q.id, [...(answers.get(q.id) ?? []), { report: q, ...(loaded.ok ? { definitions: loaded.submission.definitions } : {}) }]);
    return report;
  });
  const items = allQuestions(bank)
    .filter((q) => answers.has(q.id))
    .map((q) => analyseItem(q, answers.get(q.id)!, points));
  emit(cmd, io, cmd.format === 'json' ? renderItemsJson(items) : cmd.format === 'html' ? renderHtml(submissions, await texToMathml(), items) : renderItemsText(items));
  return submissions.some((s) => s.error) ? 1 : 0;
}

/**
 * Gradescope's autograder entry: grade the one submission in the submission folder and write
 * results.json. Whatever happens to the student's file, a results.json is written, so the student
 * always sees why.
 */
export async function runGradescope(cmd: Command, bank: Bank, io: Io): Promise<number> {
  const [dir = '/autograder/submission', results = '/autograder/results/results.json'] = cmd.positionals;
  let files: string[] = [];
  try {
    files = statSync(dir).isDirectory() ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [dir];
  } catch {
    files = [];
  }
  const chosen = files.find((f) => /(^|\/)answers\.ya?ml$/.test(f)) ?? (files.length === 1 ? files[0] : undefined);
  const report: SubmissionReport = chosen
    ? gradeSubmission(bank, readSubmission(chosen), pointsFor(bank, cmd.seed))
    : { file: dir, student: null, score: 0, maxScore: 0, seed: cmd.seed, error: finding('SUBMISSION_SHAPE', { expected: files.length ? 'one answers.yaml (several YAML files were uploaded)' : 'a YAML file of answers (answers.yaml)', path: '' }, { file: dir }), questions: [] };
  writeAtomic(results, renderGradescope(report));
  io.out(`wrote ${results}: ${report.score}/${report.maxScore}\n`);
  return 0;
}
