/**
 * Reading figures on annotated write-ups (../shared/writeups: X beside X.truth.yaml): per
 * document, questions located, finals read, truth steps found. Run: `npx tsx test/document/measure.ts [DIR] [--verbose]`.
 * normalize() and near() are the scorer's (../shared/tools/score-writeups.mjs), so the figures agree with it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadBank } from '../../grader/bank/load.js';
import { namingOf } from '../../grader/bank/naming.js';
import { readDocument } from '../../grader/document/index.js';

export function normalize(latex: string | null | undefined): string {
  return (latex ?? '')
    .replace(/\\(?:tag\*?|label)\s*\{(?:[^{}]|\{[^{}]*\})*\}/g, '')
    .replace(/\\[dt]frac(?![a-zA-Z])/g, '\\frac')
    .replace(/\\(?:nonumber|notag|displaystyle|normalsize|left|right)(?![a-zA-Z])/g, '')
    .replace(/\\\\|\\[,;!:]|\\q?quad(?![a-zA-Z])|[&$]/g, '')
    .replace(/\s+/g, '')
    .replace(/[.,]+$/, '');
}

export function near(x: string, y: string): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.includes(short) && short.length >= 0.6 * long.length;
}

interface Entry {
  q: string;
  final: string;
  steps?: string[];
  case?: string;
}
export interface Figures {
  groups: number;
  located: number;
  finals: number;
  byParts: number;
  steps: number;
  stepsFound: number;
  lines: string[];
}

export function measure(dir: string, bankDir = 'problems'): Figures {
  const sets = namingOf(loadBank(bankDir));
  const fig: Figures = { groups: 0, located: 0, finals: 0, byParts: 0, steps: 0, stepsFound: 0, lines: [] };
  for (const t of readdirSync(dir)
    .filter((f) => f.endsWith('.truth.yaml'))
    .sort()) {
    const docName = t.slice(0, -'.truth.yaml'.length);
    const file = join(dir, docName);
    if (!existsSync(file)) continue;
    const truth = parse(readFileSync(join(dir, t), 'utf8')) as { set: string; questions: Entry[] };
    // the corpus keeps notebooks as their markdown cells: read them as Markdown
    const doc = readDocument(file.replace(/\.ipynb\.md$/, '.md'), readFileSync(file, 'utf8'), sets, { set: truth.set });
    const groups = new Map<string, Entry[]>();
    for (const e of truth.questions) groups.set(e.q, [...(groups.get(e.q) ?? []), e]);
    for (const [q, entries] of groups) {
      const a = doc.answers.get(q);
      const final = a ? normalize(a.final) : '';
      // a cases answer joins its parts into one `cases`; the corpus annotates each case's final on its own
      const finals = [final, ...(a && a.parts.length > 1 ? a.parts.map((p) => normalize(p.final)) : [])];
      const read = entries.some((e) => finals.some((f) => near(f, normalize(e.final))));
      if (read && !entries.some((e) => near(final, normalize(e.final)))) fig.byParts++;
      const ours = a ? a.parts.flatMap((p) => p.steps.map((s) => normalize(s.latex))) : [];
      const want = entries.flatMap((e) => e.steps ?? []).map(normalize);
      const hit = want.filter((w) => ours.some((o) => near(o, w))).length;
      fig.groups++;
      fig.located += a ? 1 : 0;
      fig.finals += read ? 1 : 0;
      fig.steps += want.length;
      fig.stepsFound += hit;
      fig.lines.push(
        `${docName.split('__')[0]}  ${q}  ${a ? 'located' : 'NOT located'}  final ${read ? 'read' : `NOT read: ${a?.final ?? '-'}  want ${entries.map((e) => e.final).join(' | ')}`}  steps ${hit}/${want.length}`,
      );
    }
  }
  return fig;
}

if (process.argv[1]?.endsWith('measure.ts')) {
  const dir =
    process.argv.slice(2).find((a) => !a.startsWith('-')) ?? ['../shared/writeups', '../../shared/writeups'].find((d) => existsSync(d)) ?? '../shared/writeups';
  const f = measure(dir);
  if (process.argv.includes('--verbose')) for (const l of f.lines) console.log(l);
  console.log(
    `located ${f.located}/${f.groups}, finals ${f.finals}/${f.groups} (${f.byParts} of them cases read part by part), steps found ${f.stepsFound}/${f.steps}`,
  );
}
