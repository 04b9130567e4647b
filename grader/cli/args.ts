/**
 * argv → a command, for a table of verbs (verbs.ts). Node's own util.parseArgs, strict, with
 * each verb's options only: an option of another verb, an unknown flag or a wrong count of
 * arguments is a one-line usage error with a suggestion.
 */
import { parseArgs } from 'node:util';
import type { CsvProfileName } from '../report/csv-profiles.js';
import type { Visibility } from '../report/gradescope.js';
import { suggest } from '../core/suggest.js';
import type { TemplateFormat } from '../document/template.js';

/** Bad usage: told in a line or two, with where to read more (`grader <verb> --help`). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly verb?: string,
  ) {
    super(message);
  }
}

export const FORMATS = ['text', 'json', 'csv', 'gradescope', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help (`--seed N`). */
  readonly value?: string;
  readonly help: string;
}

/** Every option any verb takes; a verb's row names the ones it accepts. Adding an option is a row here and a name there. */
export const OPTIONS = {
  format: { type: 'string', value: 'FORMAT', help: 'output format (text is coloured on a terminal, plain when piped or under NO_COLOR)' },
  seed: { type: 'string', value: 'N', help: 'seed for the sample points (default 1)' },
  problems: { type: 'string', value: 'DIR', help: 'the problem bank (default: GRADER_PROBLEMS, else ./problems, else the bundled bank)' },
  out: { type: 'string', value: 'FILE', help: 'write the output to FILE, atomically' },
  jobs: { type: 'string', value: 'N', help: 'worker threads (default 0: automatic for large batches)' },
  set: { type: 'string', value: 'ID', help: 'the problem set write-ups (.md, .tex, .ipynb) answer (else from the document, or the best match)' },
  csv: { type: 'string', value: 'PROFILE', help: 'a gradebook to import: canvas, moodle or blackboard (implies --format csv)' },
  roster: { type: 'string', value: 'FILE', help: "with --csv: the platform's roster export, to match students" },
  instructor: { type: 'boolean', help: 'with --format html: add the expected answers and the item analysis' },
  visibility: { type: 'string', value: 'WHEN', help: 'when students see the results: visible (default), hidden, after_due_date, after_published' },
  shard: { type: 'string', value: 'I/N', help: 'only the I-th of N slices of the sorted files, for splitting a course over machines (outputs concatenate)' },
  markdown: { type: 'boolean', help: 'the format reference in Markdown instead of the JSON Schema' },
  explain: { type: 'boolean', help: 'show the points, both values and the error at each' },
  strict: { type: 'boolean', help: 'also fail on warnings (unused symbols, prompts, undefined references, missing examples)' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', help: "the grader's version" },
} as const satisfies Record<string, OptionSpec>;
export type OptionName = keyof typeof OPTIONS;

/** What args.ts needs of a verb: its name, options, formats and arguments. verbs.ts adds the help and the handler. */
export interface VerbSpec {
  readonly name: string;
  /** Options besides --help and --version. */
  readonly options: readonly OptionName[];
  /** Output formats, first the default; none when the verb has no --format. Others than FORMATS (template's `tex`) are read by `refine`. */
  readonly formats?: readonly string[];
  /** A usage error for these arguments, or undefined when they are fine. */
  readonly check?: (positionals: readonly string[]) => string | undefined;
  /** Arguments that may start with `-` (an answer such as `-log(yhat_o)`), by position after the verb. */
  readonly freeArgument?: number;
  /** Reads the verb's own option values into the command (`--shard 2/8`); throws a UsageError. */
  readonly refine?: (cmd: Command, values: Readonly<Record<string, string | boolean | undefined>>) => Command;
}

export interface Command {
  /** A verb's name, or `help` / `version`. */
  readonly verb: string;
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
  readonly shard?: { readonly index: number; readonly count: number };
  /** grade: the set that write-ups answer (else from the document, or the best match). */
  readonly set?: string;
  /** template: the kind of file to write. */
  readonly templateFormat?: TemplateFormat;
  /** grade --csv: the gradebook profile. */
  readonly csv?: CsvProfileName;
  /** grade --csv: the platform's roster export. */
  readonly roster?: string;
  /** grade --format html: the expected answers and item analysis too. */
  readonly instructor?: boolean;
  /** gradescope: the assignment's visibility. */
  readonly visibility?: Visibility;
}

const takesValue = (arg: string): boolean => {
  const name = /^--([a-z-]+)$/.exec(arg)?.[1];
  return name !== undefined && Object.hasOwn(OPTIONS, name) && OPTIONS[name as OptionName].type === 'string';
};

/** Indices of the positional arguments (not options, not option values). */
function positionalIndices(args: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return [...out, ...args.slice(i + 1).map((_, j) => i + 1 + j)];
    if (args[i] === '-' || !args[i]!.startsWith('-')) out.push(i);
    else if (takesValue(args[i]!)) i++;
  }
  return out;
}

/**
 * `grader try ID '-log(yhat_o)'`: an answer may start with a minus sign. The verb's free argument
 * is moved behind `--`, so that it is never read as an option.
 */
function protectFree(args: string[], verb: VerbSpec): string[] {
  if (verb.freeArgument === undefined || args.includes('--')) return args;
  let seen = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const option = a.startsWith('--') ? a.slice(2).split('=')[0]! : a === '-h' ? 'help' : undefined;
    if (option !== undefined && Object.hasOwn(OPTIONS, option)) {
      if (takesValue(a)) i++;
      continue;
    }
    if (seen++ === verb.freeArgument) return a.startsWith('-') && a !== '-' ? [...args.filter((_, j) => j !== i), '--', a] : args;
  }
  return args;
}

const flag = (name: string) => `--${name}`;

/** A message for an option parseArgs refused, with the nearest option the verb has. */
function unknownOption(detail: string, verb: VerbSpec | undefined, verbs: readonly VerbSpec[]): string {
  const opt = /Unknown option '(-{1,2}[^']*)'/.exec(detail)?.[1];
  if (!opt) {
    const missing = /Option '(--[a-z-]+)/.exec(detail)?.[1];
    // `--jobs -1`: a value that starts with a dash reads as an option; say how to give it
    const dashed = missing && /ambiguous/.test(detail) ? `; a value starting with - is written ${missing}=-…` : '';
    return missing ? `${missing} needs a value${dashed}` : detail.split('\n')[0]!;
  }
  const name = opt.replace(/^-+/, '');
  const own = [...(verb?.options ?? []), 'help', 'version'];
  const elsewhere = verbs.filter((v) => v.options.includes(name as OptionName)).map((v) => v.name);
  if (elsewhere.length && verb) return `${opt} is not an option of ${verb.name} (it is one of ${elsewhere.join(', ')})`;
  const near = suggest(name, own);
  return `unknown option ${opt}${near.length ? `; did you mean ${near.map(flag).join(' or ')}?` : ''}`;
}

export function parseCommand(argv: readonly string[], verbs: readonly VerbSpec[]): Command {
  const defaults = { format: 'text' as Format, seed: 1 };
  const firstAt = positionalIndices(argv)[0];
  const name = firstAt === undefined ? undefined : argv[firstAt]!;
  const rest = firstAt === undefined ? [...argv] : [...argv.slice(0, firstAt), ...argv.slice(firstAt + 1)];
  if (name === undefined || name === 'help') {
    // `grader`, `grader --help`, `grader help [verb]`, `grader --version`
    if (argv.includes('--version')) return { verb: 'version', positionals: [], ...defaults };
    const about = name === 'help' ? positionalIndices(rest).map((i) => rest[i]!)[0] : undefined;
    if (about !== undefined && !verbs.some((v) => v.name === about)) throw unknownVerb(about, verbs);
    const bad = rest.find((a) => a.startsWith('-') && a !== '--help' && a !== '-h');
    if (bad) throw new UsageError(unknownOption(`Unknown option '${bad}'`, undefined, verbs));
    return { verb: 'help', positionals: about ? [about] : [], ...defaults };
  }
  const verb = verbs.find((v) => v.name === name);
  if (!verb) throw unknownVerb(name, verbs);
  const options = Object.fromEntries([...verb.options, 'help', 'version'].map((o) => [o, OPTIONS[o as OptionName]]));
  let parsed;
  try {
    parsed = parseArgs({ args: protectFree(rest, verb), allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError(unknownOption((e as Error).message, verb, verbs), verb.name);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.version) return { verb: 'version', positionals: [], ...defaults };
  if (values.help) return { verb: 'help', positionals: [verb.name], ...defaults };
  const positionals = parsed.positionals;
  const usage = verb.check?.(positionals);
  if (usage) throw new UsageError(usage, verb.name);
  const allowed = verb.formats ?? ['text'];
  const format = (values.format ?? allowed[0]) as Format;
  if (!allowed.includes(format)) throw new UsageError(`--format for ${verb.name} is ${allowed.join(', ')}; not \`${format}\``, verb.name);
  const jobsText = (values.jobs as string | undefined) ?? '0';
  const jobs = Number(jobsText);
  if (!/^\d+$/.test(jobsText) || jobs > 64) throw new UsageError('--jobs must be a whole number from 0 (automatic) to 64', verb.name);
  const seedText = (values.seed as string | undefined) ?? '1';
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed > 0xffffffff)
    throw new UsageError(`--seed must be a whole number from 0 to ${0xffffffff}`, verb.name);
  const cmd: Command = {
    verb: verb.name,
    positionals,
    format: (FORMATS as readonly string[]).includes(format) ? format : 'text',
    seed,
    markdown: values.markdown === true,
    explain: values.explain === true,
    strict: values.strict === true,
    jobs,
    ...(typeof values.out === 'string' ? { out: values.out } : {}),
    ...(typeof values.problems === 'string' ? { problems: values.problems } : {}),
    ...(typeof values.set === 'string' && values.set ? { set: values.set } : {}),
  };
  try {
    return verb.refine ? verb.refine(cmd, values) : cmd;
  } catch (e) {
    throw e instanceof UsageError && !e.verb ? new UsageError(e.message, verb.name) : e;
  }
}

function unknownVerb(name: string, verbs: readonly VerbSpec[]): UsageError {
  const near = suggest(
    name,
    verbs.map((v) => v.name),
  );
  return new UsageError(`unknown command \`${name}\`${near.length ? `; did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : ''}`);
}
