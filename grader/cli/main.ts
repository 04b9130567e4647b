/**
 * The CLI: argv → pipeline → output. The only place that prints or sets the exit status:
 * 0 when every submission was read and graded; 1 when some file could not be read (the others
 * are still graded); 2 for bad usage or a broken bank. `check` exits 1 when any check fails.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../core/index.js';
import { loadBank } from '../spec/load.js';
import { dirCache } from '../yaml/cache.js';
import type { DataCache } from '../yaml/source.js';
import type { Bank } from '../spec/types.js';
import { renderFindings } from '../report/terminal.js';
import { parseCommand, USAGE, UsageError, type Command } from './args.js';
import { runCheck, runGrade, runList, runSchema, runTry } from './commands.js';
import { runNew } from './new.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The bank to use: --problems, else ./problems, else the bank shipped beside this program. */
export function bankPath(cmd: Command): string {
  if (cmd.problems) return cmd.problems;
  if (existsSync('problems')) return 'problems';
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'problems');
}

export class BankError extends Error {
  constructor(readonly issues: readonly Finding[]) {
    super('broken bank');
  }
}

/** Parsed problem files, kept beside the installed grader (GRADER_CACHE=off disables it). */
export function specCache(): DataCache | undefined {
  if (process.env.GRADER_CACHE === 'off') return undefined;
  return dirCache(process.env.GRADER_CACHE || join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'formula-grader'));
}

export function loadOrThrow(cmd: Command): Bank {
  const bank = loadBank(bankPath(cmd), specCache());
  if (bank.issues.length) throw new BankError(bank.issues);
  return bank;
}

export function main(argv: readonly string[], io: Io): number {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.verb) {
      case 'help':
        io.out(USAGE);
        return 0;
      case 'schema':
        return runSchema(cmd, io);
      case 'list':
        return runList(cmd, loadOrThrow(cmd), io);
      case 'try':
        return runTry(cmd, loadOrThrow(cmd), io);
      case 'grade':
        return runGrade(cmd, loadOrThrow(cmd), io);
      case 'check':
        return runCheck(cmd, loadBank(bankPath(cmd), specCache()), io);
      case 'new':
        return runNew(cmd, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`grader: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof BankError) {
      io.err(`grader: the problem bank has errors (run \`grader check\`):\n${renderFindings(e.issues)}\n`);
      return 2;
    }
    throw e;
  }
}
