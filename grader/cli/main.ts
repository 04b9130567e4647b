/**
 * The CLI: argv → pipeline → output. The only place that prints or sets the exit status:
 * 0 when every submission was read and graded; 1 when some file could not be read (the others
 * are still graded); 2 for bad usage or a broken bank. `check` exits 1 when any check fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BankError } from './bank.js';
import { renderFindings } from '../report/terminal.js';
import { message } from '../report/messages.js';
import { parseCommand, UsageError } from './args.js';
import { VERBS } from './verbs.js';
import { generalHelp, usageError, verbHelp } from './verbs-help.js';

export type { Io } from './io.js';
import type { Io } from './io.js';

/** The version in the package.json above this module (source or bundle). */
export function version(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'formula-grader' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/**
 * Colour for the terminal report: FORCE_COLOR first (0 off, 1–3 a level), then NO_COLOR (any
 * non-empty value turns it off, https://no-color.org), else colour only on a terminal.
 */
export function colourLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number(force);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 3) as 0 | 1 | 2 | 3;
  }
  if (env.NO_COLOR) return 0;
  return isTTY ? (env.COLORTERM === 'truecolor' ? 3 : 2) : 0;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let verb: string | undefined;
  try {
    const cmd = parseCommand(argv, VERBS);
    verb = cmd.verb;
    if (cmd.verb === 'version') {
      io.out(`${version()}\n`);
      return 0;
    }
    if (cmd.verb === 'help') {
      const about = VERBS.find((v) => v.name === cmd.positionals[0]);
      io.out(about ? verbHelp(about) : generalHelp(VERBS));
      return 0;
    }
    return await VERBS.find((v) => v.name === cmd.verb)!.run(cmd, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(usageError(e.verb || !verb ? e : new UsageError(e.message, verb), VERBS));
      return 2;
    }
    if (e instanceof BankError) {
      const unreadable = e.issues.length === 1 && e.issues[0]!.code === 'BANK_UNREADABLE';
      io.err(
        unreadable
          ? `grader: ${e.issues[0]!.at?.file}: ${message(e.issues[0]!)}\n`
          : `grader: the problem bank has errors (run \`grader check\`):\n${renderFindings(e.issues)}\n`,
      );
      return 2;
    }
    const sys = e as NodeJS.ErrnoException;
    if (sys?.syscall && sys.code) {
      // A file the command line named could not be opened or written: one line, not a stack.
      io.err(
        `grader: cannot ${sys.syscall} ${(sys.path ?? '').replace(/\/\.([^/]+)\.\d+\.tmp$/, '/$1')}: ${message({ code: 'FILE_UNREADABLE', args: { detail: sys.code } }).replace(/^cannot read the file: /, '')}\n`,
      );
      return 2;
    }
    throw e;
  }
}
