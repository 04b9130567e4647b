/**
 * The verbs, one row each: name, summary, usage, options, formats, argument check, examples and
 * handler. Parsing (args.ts), help (verbs-help.ts) and dispatch (main.ts) all read this table,
 * so adding a verb is adding a row, and adding an option is a row in OPTIONS and a name here.
 */
import { loadBank } from '../bank/load.js';
import { UsageError, type Command, type VerbSpec } from './args.js';
import { bankPath, loadForTry, loadOrThrow, specCache } from './bank.js';
import { runCheck, runList, runSchema, runTry } from './commands.js';
import { runGrade, runItems } from './grade.js';
import { runGradescope } from './gradescope.js';
import { CSV_PROFILES, type CsvProfileName } from '../report/csv-profiles.js';
import { VISIBILITIES, type Visibility } from '../report/gradescope.js';
import type { Io } from './io.js';
import { runNew } from './new.js';
import { parseShard, ShardError } from './shard.js';
import { runTemplate } from './template.js';
import { TEMPLATE_FORMATS, type TemplateFormat } from '../document/template.js';
import { runShow } from './show.js';

export interface Verb extends VerbSpec {
  /** One line for the list of commands. */
  readonly summary: string;
  /** The arguments, after `grader <name>`. */
  readonly usage: string;
  /** More about the verb, for `grader <name> --help`. */
  readonly details?: string;
  readonly examples: readonly string[];
  readonly run: (cmd: Command, io: Io) => number | Promise<number>;
}

const atLeastOne = (what: string) => (p: readonly string[]) => (p.length === 0 ? `needs at least one ${what}` : undefined);
const count = (n: number, what: string) => (p: readonly string[]) => (p.length !== n ? `takes ${what}` : undefined);

export const VERBS: readonly Verb[] = [
  {
    name: 'grade',
    summary: 'grade submissions (YAML: student, answers) and write-ups (Markdown, LaTeX, notebooks)',
    usage: '<file|folder|->...',
    details:
      'A folder means its *.yaml, *.yml submissions and *.md, *.markdown, *.tex, *.ipynb write-ups, in name order; `-` reads one submission from standard input.\nExit status: 0 when every file was read, 1 when some could not be (the others are still graded), 2 for bad usage or a broken bank.',
    options: ['format', 'out', 'jobs', 'shard', 'set', 'csv', 'roster', 'instructor', 'seed', 'problems'],
    formats: ['text', 'json', 'csv', 'gradescope', 'html'],
    refine: (cmd, v) => {
      let out: Command = cmd;
      try {
        if (typeof v.shard === 'string') out = { ...out, shard: parseShard(v.shard) };
      } catch (e) {
        throw e instanceof ShardError ? new UsageError(e.message, 'grade') : e;
      }
      if (typeof v.csv === 'string') {
        if (!(CSV_PROFILES as readonly string[]).includes(v.csv))
          throw new UsageError(`--csv is for grade and is one of ${CSV_PROFILES.join(', ')}; not \`${v.csv}\``, 'grade');
        out = { ...out, format: 'csv', csv: v.csv as CsvProfileName };
      }
      if (typeof v.roster === 'string') {
        if (out.csv === undefined) throw new UsageError('--roster goes with --csv canvas|moodle|blackboard', 'grade');
        out = { ...out, roster: v.roster };
      }
      if (v.instructor === true) {
        if (out.format !== 'html') throw new UsageError('--instructor goes with grade --format html', 'grade');
        out = { ...out, instructor: true };
      }
      return out;
    },
    check: atLeastOne('submission file or folder (or - for standard input)'),
    examples: [
      'grader grade submissions/',
      'grader grade submissions/ --format csv --out gradebook.csv',
      'grader grade submissions/ --csv canvas --roster roster.csv --out canvas.csv',
      'grader grade submissions/ --shard 2/8 --format csv',
      'cat answers.yaml | grader grade - --format json',
    ],
    run: (cmd, io) => runGrade(cmd, io),
  },
  {
    name: 'items',
    summary: 'item analysis: per question, shares and common wrong answers',
    usage: '<file|folder>...',
    options: ['format', 'out', 'seed', 'problems'],
    formats: ['text', 'json', 'html'],
    check: atLeastOne('submission file or folder'),
    examples: ['grader items submissions/', 'grader items submissions/ --format html --out items.html'],
    run: (cmd, io) => runItems(cmd, loadOrThrow(cmd), io),
  },
  {
    name: 'gradescope',
    summary: "Gradescope's autograder entry: grade one upload, write results.json",
    usage: '[SUBMISSION_DIR] [RESULTS_JSON]',
    details: 'Defaults: /autograder/submission and /autograder/results/results.json. A results.json is always written.',
    options: ['seed', 'problems', 'visibility'],
    refine: (cmd, v) => {
      if (typeof v.visibility !== 'string') return cmd;
      if (!(VISIBILITIES as readonly string[]).includes(v.visibility))
        throw new UsageError(`--visibility is one of ${VISIBILITIES.join(', ')}; not \`${v.visibility}\``, 'gradescope');
      return { ...cmd, visibility: v.visibility as Visibility };
    },
    check: (p) => (p.length > 2 ? 'takes at most a submission folder and a results file' : undefined),
    examples: ['grader gradescope /autograder/submission /autograder/results/results.json'],
    run: (cmd, io) => runGradescope(cmd, loadOrThrow(cmd), io),
  },
  {
    name: 'try',
    summary: 'grade one answer',
    usage: "<question-id> '<answer>'",
    details: 'Quote the answer in single quotes; an answer may start with a minus sign.',
    options: ['format', 'explain', 'seed', 'problems'],
    formats: ['text', 'json'],
    check: count(2, "a question id and an answer: grader try cs224n-a2/naive-softmax-grad-vc 'U * (yhat - y)'"),
    freeArgument: 1,
    examples: [
      "grader try cs224n-a2/naive-softmax-grad-vc 'U * (yhat - y)'",
      "grader try cs224n-a2/naive-softmax-loss '-log(yhat_o)'",
      "grader try cs224n-a2/naive-softmax-grad-uw 'yhat_w * v_c' --explain",
    ],
    run: (cmd, io) => runTry(cmd, loadForTry(cmd), io),
  },
  {
    name: 'show',
    summary: 'a question as a student sees it: prompt, symbols, notation, answer format',
    usage: '<question-id>',
    options: ['format', 'problems'],
    formats: ['text', 'json'],
    check: count(1, 'one question id: grader show cs224n-a2/naive-softmax-grad-vc'),
    examples: ['grader show cs224n-a2/naive-softmax-grad-vc', 'grader show cs224d-a1/sigmoid-grad --format json'],
    run: (cmd, io) => runShow(cmd, loadOrThrow(cmd), io),
  },
  {
    name: 'check',
    summary: 'validate every spec and prove every reference right',
    usage: '[--strict]',
    details:
      'Exit status: 0 when everything is proven, 1 when anything fails, 2 for bad usage.\n--strict also fails on warnings: unused symbols, prompts that never mention a symbol, references undefined at many draws, fewer than 3 LaTeX examples, an incorrect example without a named diagnosis.',
    options: ['format', 'strict', 'seed', 'problems'],
    formats: ['text', 'json'],
    check: count(0, 'no arguments (the bank is --problems DIR)'),
    examples: ['grader check --strict', 'grader check --strict --problems course/problems --format json'],
    run: (cmd, io) => runCheck(cmd, loadBank(bankPath(cmd), specCache()), io),
  },
  {
    name: 'list',
    summary: 'list problem sets and question ids',
    usage: '',
    options: ['format', 'problems'],
    formats: ['text', 'json'],
    check: count(0, 'no arguments'),
    examples: ['grader list', 'grader list --format json'],
    run: (cmd, io) => runList(cmd, loadOrThrow(cmd), io),
  },
  {
    name: 'schema',
    summary: 'the JSON Schema of problem specs (or its docs)',
    usage: '[--markdown]',
    options: ['markdown'],
    check: count(0, 'no arguments'),
    examples: ['grader schema > problem.schema.json', 'grader schema --markdown > SPEC.md'],
    run: (cmd, io) => runSchema(cmd, io),
  },
  {
    name: 'template',
    summary: 'a starting write-up for students: every prompt and one answer block per question',
    usage: '<set>',
    details: 'The answer blocks are mapped back to the questions by id when the write-up is graded.',
    options: ['format', 'out', 'problems'],
    // md first: the default; `text`, every verb's default word, also means md.
    formats: ['md', ...TEMPLATE_FORMATS.filter((f) => f !== 'md'), 'text'],
    check: count(1, 'a problem set id: grader template cs224n-a2 --format tex'),
    refine: (cmd, v) => ({ ...cmd, templateFormat: (v.format === undefined || v.format === 'text' ? 'md' : v.format) as TemplateFormat }),
    examples: ['grader template cs224n-a2 --format tex --out a2.tex', 'grader template cs224n-a2 --format yaml'],
    run: (cmd, io) => runTemplate(cmd, loadOrThrow(cmd), io),
  },
  {
    name: 'new',
    summary: 'start a problem set, or add a question, from a working, commented example',
    usage: 'set <file.yaml> | question <file.yaml> <id>',
    options: ['problems'],
    check: (p) =>
      (p[0] === 'set' && p.length === 2) || (p[0] === 'question' && p.length === 3) ? undefined : 'takes `set <file.yaml>` or `question <file.yaml> <id>`',
    examples: ['grader new set problems/my-course.yaml', 'grader new question problems/my-course.yaml chain-rule'],
    run: (cmd, io) => runNew(cmd, io),
  },
];
