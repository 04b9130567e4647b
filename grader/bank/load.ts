/**
 * Problem files → Bank. Every problem in every file is collected with file:line:column:
 * YAML syntax, schema (unknown keys, wrong types), then meaning (names, shapes, sizes).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finding, type Finding } from '../core/index.js';
import { FILE_LIMITS } from '../core/limits.js';
import { readTextFile } from '../yaml/file.js';
import { readYaml, type DataCache } from '../yaml/source.js';
import { Issues } from './issues.js';
import { addSchemaIssues } from './schema-issues.js';
import { specNaming } from './naming.js';
import { cleanRecord } from './clean.js';
import { withStoredTrees } from './trees.js';
import { deferredSource } from './deferred-source.js';
import { buildQuestions, type Models } from './question.js';
import type { ProblemSetSpec } from './schema.js';
import { schemaModule } from './schema-module.js';
import type { Bank, ProblemSet, Question } from './types.js';

/**
 * Loads one problem file. With `only`, a set not in it is validated but its questions are not
 * built (grading one submission need not compile the sets it does not answer); with `wanted`
 * (`<set>/<question>` ids), only those questions are built (`try` grades one).
 */
export function loadProblemText(
  file: string,
  text: string,
  cache?: DataCache,
  only?: ReadonlySet<string>,
  wanted?: ReadonlySet<string>,
): { set?: ProblemSet; issues: Finding[] } {
  // An unchanged file that passed the schema under this very build is not validated again, nor
  // even read as YAML (deferred-source.ts).
  const known = validEntry(cache?.getValid?.(text));
  const src = known ? deferredSource(file, text, cache) : readYaml(file, text, cache);
  if (src.errors.length) return { issues: firstCause(src.errors) };
  const issues = new Issues(src);
  const parsed = known !== undefined ? { success: true as const, data: known.spec } : schemaModule().ProblemSetSpec.safeParse(src.data);
  let id = known?.id;
  if (parsed.success && known === undefined && cache?.putValid) cache.putValid(text, { spec: parsed.data, id: (id = newEntryId()) });
  if (!parsed.success) {
    addSchemaIssues(issues, schemaModule().ProblemSetSpec, src.data, parsed.error.issues);
    return { issues: issues.list };
  }
  const spec = parsed.data;
  if (only && !only.has(spec.set)) return { set: { set: spec.set, title: spec.title, file, questions: [], naming: specNaming(spec) }, issues: [] };
  const seen = new Set<string>();
  const questions: Question[] = [];
  // What a build computes from the file is kept under the id of its validated entry (see validEntry).
  const built = id === undefined ? undefined : cache;
  const clean = cleanRecord(built, id ?? '');
  const models: Models = new Map();
  withStoredTrees(built, id ?? '', wanted === undefined, () =>
    spec.questions.forEach((q, i) => {
      if (seen.has(q.id)) issues.add('DUPLICATE_ID', { id: `${spec.set}/${q.id}` }, ['questions', i, 'id']);
      seen.add(q.id);
      if (wanted && !wanted.has(`${spec.set}/${q.id}`)) return;
      const before = issues.list.length;
      questions.push(...buildQuestions(spec, i, issues, clean.has(i), models));
      if (issues.list.length === before) clean.add(i);
    }),
  );
  clean.save();
  const set: ProblemSet = {
    set: spec.set,
    title: spec.title,
    file,
    ...(id !== undefined ? { cacheId: id } : {}),
    questions,
    ...(spec.description ? { description: spec.description } : {}),
  };
  return { set, issues: issues.list };
}

/**
 * A validated entry: the spec, and an id made when it was stored. The cache serves the entry only
 * for exactly the text it was stored for (yaml/cache.ts), and every id is new, so the id stands
 * for exactly that text: what a build computes from the file (trees, clean questions, points) is
 * keyed by it, and no hash of the text need be trusted.
 */
function validEntry(entry: unknown): { spec: ProblemSetSpec; id: string } | undefined {
  const e = entry as { spec?: unknown; id?: unknown } | undefined;
  return e && typeof e === 'object' && typeof e.id === 'string' && e.spec && typeof e.spec === 'object'
    ? (e as { spec: ProblemSetSpec; id: string })
    : undefined;
}

/** A random id (122 bits): node:crypto is loaded only here, when a file is validated and stored. */
const newEntryId = (): string => process.getBuiltinModule('node:crypto').randomUUID();

/**
 * Of a file's YAML syntax errors, the first: one bad indent makes every later line of its block
 * an error too, and those echoes hide the cause. The count of the rest goes with it.
 */
function firstCause(errors: readonly Finding[]): Finding[] {
  const order = (f: Finding) => (f.at?.line ?? 0) * 1e6 + (f.at?.col ?? 0);
  const first = [...errors].sort((a, b) => order(a) - order(b))[0]!;
  return errors.length > 1 && first.code === 'YAML_SYNTAX' ? [{ ...first, args: { ...first.args, echoes: errors.length - 1 } }] : [first];
}

/** Loads every *.yaml / *.yml file in a folder (or one file); `only` and `wanted` as for loadProblemText. */
export function loadBank(path: string, cache?: DataCache, only?: ReadonlySet<string>, wanted?: ReadonlySet<string>): Bank {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (e) {
    return { sets: [], issues: [finding('BANK_UNREADABLE', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { file: path })] };
  }
  if (files.length === 0) return { sets: [], issues: [finding('BANK_EMPTY', {}, { file: path })] };
  const sets: ProblemSet[] = [];
  const issues: Finding[] = [];
  const setIds = new Map<string, string>();
  for (const file of files) {
    const read = readTextFile(file, FILE_LIMITS.specBytes);
    if (!read.ok) {
      issues.push(read.error);
      continue;
    }
    const r = loadProblemText(file, read.text, cache, only, wanted);
    issues.push(...r.issues);
    if (!r.set) continue;
    const other = setIds.get(r.set.set);
    if (other) issues.push(finding('DUPLICATE_SET', { set: r.set.set, other }, { file }));
    setIds.set(r.set.set, file);
    sets.push(r.set);
  }
  return { sets, issues };
}

export const allQuestions = (bank: Bank): Question[] => bank.sets.flatMap((s) => s.questions);
