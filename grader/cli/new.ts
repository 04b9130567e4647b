/** `grader new set FILE` and `grader new question FILE ID`: scaffolds written atomically, never over a file. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { appendToList, readYaml } from '../yaml/source.js';
import { UsageError, type Command } from './args.js';
import { writeAtomic } from './io.js';
import type { Io } from './io.js';
import { questionTemplate, setTemplate } from './scaffold.js';

export function runNew(cmd: Command, io: Io): number {
  const [kind, file, id] = cmd.positionals as [string, string, string?];
  if (kind === 'set') {
    if (existsSync(file)) throw new UsageError(`${file} exists already; choose a new file`);
    const set = basename(file)
      .replace(/\.ya?ml$/, '')
      .replace(/[^A-Za-z0-9_-]/g, '-');
    const schema = join(cmd.problems ?? 'problems', 'problem.schema.json');
    const schemaPath = existsSync(schema) ? relative(dirname(file), schema) || 'problem.schema.json' : undefined;
    writeAtomic(file, setTemplate(set, schemaPath));
    io.out(`wrote ${file} (set ${set}); prove it with: grader check --strict --problems ${dirname(file)}\n`);
    return 0;
  }
  if (!existsSync(file)) throw new UsageError(`${file} does not exist; start one with: grader new set ${file}`);
  const text = readFileSync(file, 'utf8');
  const data = readYaml(file, text).data as { questions?: { id?: string }[] } | null;
  if (data?.questions?.some((q) => q.id === id)) throw new UsageError(`${file} already has a question ${id}`);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id!)) throw new UsageError(`a question id is letters, digits, - and _, not \`${id}\``);
  const updated = appendToList(text, 'questions', questionTemplate(id!));
  if (updated === undefined) throw new UsageError(`${file} has no \`questions:\` list to add to`);
  writeAtomic(file, updated);
  io.out(`added question ${id} to ${file}; prove it with: grader check --strict\n`);
  return 0;
}
