/**
 * The CLI: argv → pipeline → output. The only place that prints or sets the exit status:
 * 0 when every submission was read and graded; 1 when some file could not be read (the others
 * are still graded); 2 for bad usage or a broken bank. `check` exits 1 when any check fails.
 */
import { loadBank } from '../bank/load.js';
import { BankError, bankPath, loadOrThrow, specCache } from './bank.js';
import { renderFindings } from '../report/terminal.js';
import { parseCommand, USAGE, UsageError, type Command } from './args.js';
import type { Bank } from '../bank/types.js';
import { runCheck, runList, runSchema, runTry } from './commands.js';
import { runGrade, runGradescope, runItems } from './grade.js';
import { runNew } from './new.js';
import { runTemplate } from './template.js';

export type { Io } from './io.js';
import type { Io } from './io.js';

/** `try` builds only the set of the question it grades; the whole bank when that set is not there (for the suggestions). */
function loadForTry(cmd: Command): Bank {
  const only = new Set([cmd.positionals[0]!.split('/')[0]!]);
  const bank = loadBank(bankPath(cmd), specCache(), only);
  return bank.issues.length === 0 && bank.sets.some((s) => only.has(s.set) && s.questions.some((q) => q.id === cmd.positionals[0])) ? bank : loadOrThrow(cmd);
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
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
        return runTry(cmd, loadForTry(cmd), io);
      case 'grade':
        return await runGrade(cmd, io);
      case 'items':
        return await runItems(cmd, loadOrThrow(cmd), io);
      case 'gradescope':
        return await runGradescope(cmd, loadOrThrow(cmd), io);
      case 'check':
        return runCheck(cmd, loadBank(bankPath(cmd), specCache()), io);
      case 'new':
        return runNew(cmd, io);
      case 'template':
        return runTemplate(cmd, loadOrThrow(cmd), io);
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
