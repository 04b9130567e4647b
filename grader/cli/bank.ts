/** Where the bank and the grader's own files are, and loading the bank for a command. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type Finding } from '../core/index.js';
import type { PointCache } from '../compare/points.js';
import type { Bank, Question } from '../bank/types.js';
import { allQuestions, loadBank } from '../bank/load.js';
import { dirCache } from '../yaml/cache.js';
import type { DataCache } from '../yaml/source.js';
import type { Command } from './args.js';
import { storedPoints } from './stored-points.js';

/** The bank to use: --problems, else $GRADER_PROBLEMS, else ./problems, else the bank shipped beside this program. */
export function bankPath(cmd: Command, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (cmd.problems) return cmd.problems;
  if (env.GRADER_PROBLEMS) return env.GRADER_PROBLEMS;
  if (existsSync('problems')) return 'problems';
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'problems');
}

export class BankError extends Error {
  constructor(readonly issues: readonly Finding[]) {
    super('broken bank');
  }
}

/** The program a batch's worker threads run: this CLI's own entry, when running from the bundle. */
export function workerEntry(): string | undefined {
  const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'grader.cjs');
  return existsSync(entry) && fileURLToPath(import.meta.url).endsWith('.cjs') ? entry : undefined;
}

/**
 * Parsed (and, for a built grader, validated) problem files, in a folder of this user's in the OS
 * temp folder, so that a read-only install caches too (GRADER_CACHE=DIR moves it, =off disables it).
 */
export function specCache(): DataCache | undefined {
  if (process.env.GRADER_CACHE === 'off') return undefined;
  return dirCache(process.env.GRADER_CACHE || join(tmpdir(), `formula-grader-${process.getuid?.() ?? 'user'}`));
}

/** `try` builds only the question it grades; the whole bank when it is not there (for the suggestions). */
export function loadForTry(cmd: Command): Bank {
  const [set, question] = cmd.positionals[0]!.split('/');
  const only = new Set([set!]);
  const bank = loadBank(bankPath(cmd), specCache(), only, new Set([`${set}/${question}`]));
  return bank.issues.length === 0 && bank.sets.some((s) => only.has(s.set) && s.questions.some((q) => q.id === cmd.positionals[0])) ? bank : loadOrThrow(cmd);
}

export function loadOrThrow(cmd: Command, only?: ReadonlySet<string>): Bank {
  const bank = loadBank(bankPath(cmd), specCache(), only);
  if (bank.issues.length) throw new BankError(bank.issues);
  return bank;
}

/**
 * Draws the questions' points up front (or reads them, stored by an earlier run of this build):
 * a reference undefined too often is the bank's fault.
 */
export function pointsFor(bank: Bank, seed: number, questions: readonly Question[] = allQuestions(bank)): PointCache {
  const cache = storedPoints(seed, bank, specCache());
  const issues = [];
  for (const q of questions) {
    try {
      cache.get(q);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      issues.push({ ...e.finding, at: q.at });
    }
  }
  if (issues.length) throw new BankError(issues);
  return cache;
}
