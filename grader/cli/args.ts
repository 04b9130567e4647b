/** argv → a command. Node's own util.parseArgs: strict, no dependency, good errors. */
import { parseArgs } from 'node:util';
import { parseShard, ShardError, type Shard } from './shard.js';
import { TEMPLATE_FORMATS, type TemplateFormat } from '../document/template.js';

export class UsageError extends Error {}

export const USAGE = `Usage: grader <command> [options]

Commands:
  grade <file|folder>...     grade submissions (YAML: student, answers)
  items <file|folder>...     item analysis: per question, shares and common wrong answers
  gradescope [SUBMISSION_DIR] [RESULTS_JSON]
                             Gradescope's autograder entry (default /autograder/submission,
                             /autograder/results/results.json)
  try <question-id> <answer> grade one answer (--explain: the points, values and errors)
  check [--strict]           validate every spec and prove every reference right
                             (--strict: also unused symbols, prompts, undefined references)
  list                       list problem sets and question ids
  schema [--markdown]        print the JSON Schema of problem specs (or its docs)
  template <set>             a starting write-up for students: every prompt and one answer block
                             per question (--format tex, md or yaml; default md)
  new set <file.yaml>        start a problem set from a working, commented example
  new question <file.yaml> <id>
                             add a working, commented question to a problem set

Options:
  --format FORMAT            text (default) or json; grade also csv, gradescope, html;
                             items also html
  --out FILE                 write the output to FILE, atomically
  --jobs N                   worker threads for grade (default 0: automatic for large batches)
  --shard I/N                grade: only the I-th of N slices of the sorted files, for
                             splitting a course over machines (outputs concatenate)
  --seed N                   seed for the sample points (default 1)
  --problems DIR             the problem bank (default ./problems)
  --set ID                   grade: the problem set write-ups (.md, .tex, .ipynb) answer
  -h, --help                 this help
`;

export const FORMATS = ['text', 'json', 'csv', 'gradescope', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface Command {
  readonly verb: 'grade' | 'try' | 'check' | 'list' | 'schema' | 'new' | 'items' | 'gradescope' | 'template' | 'help';
  readonly positionals: readonly string[];
  readonly format: Format;
  readonly seed: number;
  readonly problems?: string;
  readonly markdown?: boolean;
  /** try: show the points, both values and the error at each. */
  readonly explain?: boolean;
  /** check: also the warnings (unused symbols, prompts, undefined references). */
  readonly strict?: boolean;
  /** grade: write the output to this file, atomically. */
  readonly out?: string;
  /** grade: worker threads (0: as many as help, for large batches). */
  readonly jobs?: number;
  /** grade: only this slice of the sorted files (see shard.ts). */
  readonly shard?: Shard;
  /** grade: the set that write-ups answer (else from the document, or the best match). */
  readonly set?: string;
  /** template: the kind of file to write. */
  readonly templateFormat?: TemplateFormat;
}

const OPTION = /^(-h|--(help|format|seed|problems|markdown|explain|strict|out|jobs|shard|set))(=|$)/;
const TAKES_VALUE = /^--(format|seed|problems|out|jobs|shard|set)$/;

/**
 * `grader try ID '-log(yhat_o)'`: an answer may start with a minus sign. The positional after
 * `try ID` is moved behind `--`, so that it is never read as an option.
 */
function protectAnswer(argv: readonly string[]): string[] {
  const args = [...argv];
  if (args.includes('--')) return args;
  const positions: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (OPTION.test(args[i]!)) {
      if (TAKES_VALUE.test(args[i]!)) i++;
    } else positions.push(i);
  }
  const [verb, , answer] = positions;
  if (verb === undefined || args[verb] !== 'try' || answer === undefined || !args[answer]!.startsWith('-')) return args;
  const [text] = args.splice(answer, 1);
  return [...args, '--', text!];
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: protectAnswer(argv),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        seed: { type: 'string', default: '1' },
        problems: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        markdown: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        out: { type: 'string' },
        jobs: { type: 'string', default: '0' },
        shard: { type: 'string' },
        set: { type: 'string' },
        strict: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [verb = 'help', ...rest] = positionals;
  if (values.help || verb === 'help') return { verb: 'help', positionals: [], format: 'text', seed: 1 };
  if (!['grade', 'try', 'check', 'list', 'schema', 'new', 'items', 'gradescope', 'template'].includes(verb)) throw new UsageError(`unknown command \`${verb}\``);
  if (verb === 'template') {
    const tf = (values.format === 'text' ? 'md' : values.format) as TemplateFormat;
    if (!TEMPLATE_FORMATS.includes(tf)) throw new UsageError(`--format for template is ${TEMPLATE_FORMATS.join(', ')}; not \`${values.format}\``);
    if (rest.length !== 1) throw new UsageError('template needs a problem set id: grader template cs224n-a2 --format tex');
    return { verb, positionals: rest, format: 'text', seed: 1, templateFormat: tf, ...(values.out ? { out: values.out } : {}), ...(values.problems ? { problems: values.problems } : {}) };
  }
  if (verb === 'new' && !((rest[0] === 'set' && rest.length === 2) || (rest[0] === 'question' && rest.length === 3)))
    throw new UsageError('new takes `set <file.yaml>` or `question <file.yaml> <id>`');
  const format = values.format as Format;
  const allowed: readonly Format[] = verb === 'grade' ? FORMATS : verb === 'items' ? ['text', 'json', 'html'] : ['text', 'json'];
  if (!allowed.includes(format)) throw new UsageError(`--format for ${verb} is ${allowed.join(', ')}; not \`${format}\``);
  const jobs = Number(values.jobs);
  if (!/^\d+$/.test(values.jobs ?? '') || jobs > 64) throw new UsageError('--jobs must be a whole number from 0 (automatic) to 64');
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed ?? '') || !Number.isSafeInteger(seed) || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to ${0xffffffff}`);
  if ((verb === 'grade' || verb === 'items') && rest.length === 0) throw new UsageError(`${verb} needs at least one submission file or folder`);
  if (values.shard !== undefined && verb !== 'grade') throw new UsageError('--shard is for grade');
  let shard: Shard | undefined;
  try {
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (e) {
    throw e instanceof ShardError ? new UsageError(e.message) : e;
  }
  if (verb === 'try' && rest.length !== 2) throw new UsageError("try needs a question id and an answer: grader try cs224n-a2/naive-softmax-grad-vc 'U * (yhat - y)'");
  return { verb: verb as Command['verb'], positionals: rest, format, seed, markdown: values.markdown === true, explain: values.explain === true, strict: values.strict === true, jobs, ...(shard ? { shard } : {}), ...(values.out ? { out: values.out } : {}), ...(values.problems ? { problems: values.problems } : {}), ...(values.set ? { set: values.set } : {}) };
}
