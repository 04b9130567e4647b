/** `grader template SET --format tex|md|yaml`: a starting write-up whose answer blocks the reader maps by id. */
import { setNaming } from '../bank/naming.js';
import type { Bank } from '../bank/types.js';
import { renderTemplate } from '../document/template.js';
import { UsageError, type Command } from './args.js';
import { writeAtomic, type Io } from './io.js';

export function runTemplate(cmd: Command, bank: Bank, io: Io): number {
  const id = cmd.positionals[0];
  const set = bank.sets.find((s) => s.set === id);
  if (!set) throw new UsageError(`no problem set \`${id}\` in the bank; it has ${bank.sets.map((s) => s.set).join(', ')}`);
  const text = renderTemplate(setNaming(set), cmd.templateFormat ?? 'md');
  if (cmd.out) {
    writeAtomic(cmd.out, text);
    io.out(`wrote ${cmd.out}\n`);
  } else io.out(text);
  return 0;
}
