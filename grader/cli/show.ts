/**
 * `grader show <id>`: a question as a student needs it: the prompt, the symbols with their
 * shapes and meaning, the notation accepted, and the format of an answer. Never the reference,
 * its examples or its mistakes: a student may run this.
 */
import { nameShape, showShape, type Shape } from '../core/index.js';
import { allQuestions } from '../bank/load.js';
import type { Bank, Question } from '../bank/types.js';
import { suggest } from '../core/suggest.js';
import { latexName } from '../expr/latex/render.js';
import { UsageError, type Command } from './args.js';
import type { Io } from './io.js';

export interface ShownSymbol {
  readonly name: string;
  readonly latex: string;
  readonly shape: string;
  readonly shapeName?: string;
  readonly kind: 'drawn' | 'derived';
  readonly description?: string;
}

export interface Shown {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly description?: string;
  readonly prompt: string;
  readonly answer: { readonly quantity: string; readonly shape: string; readonly shapeName?: string; readonly free?: string };
  readonly symbols: readonly ShownSymbol[];
  readonly indices: readonly { readonly name: string; readonly range: string }[];
  readonly families: readonly { readonly name: string; readonly means: string }[];
  readonly forbidden: readonly { readonly name: string; readonly reason?: string }[];
  readonly notation: readonly string[];
  readonly example: string;
}

const NOTATION = [
  "mathjs syntax: A * (b - c) or A (b - c) for a product; ' or ^T to transpose; .* ./ .^ elementwise; sigma, exp, log, tanh, softmax, sum(k, 1, K, ...)",
  'LaTeX: \\hat{b}, \\mathbf{A}, ^\\top, \\odot, \\frac{a}{b}, \\sigma(a), \\sum_{k=1}^{K}, \\begin{cases} ... \\end{cases}',
  'a vector is a column; 0 is the zero of the expected shape',
];

const shapeOf = (s: Shape, sizes: ReadonlyMap<string, number>) => {
  const name = nameShape(s, sizes);
  return { shape: showShape(s), ...(name && name !== showShape(s) ? { shapeName: name } : {}) };
};

/** The example answer never holds a formula: only the id and where the answer goes. */
const example = (id: string) => `student: your-id
answers:
  ${id}: '<your answer>'        # single quotes keep backslashes: '\\frac{a}{b}'
  # or, for a long answer, a block (no quoting at all):
  # ${id}: |
  #   <your answer>
`;

export function shownQuestion(q: Question): Shown {
  const scope = q.model.scope;
  return {
    id: q.id,
    title: q.title,
    points: q.points,
    ...(q.description ? { description: q.description.trim() } : {}),
    prompt: q.prompt.trim(),
    answer: { quantity: q.quantity, ...shapeOf(q.reference.shape, scope.sizes), ...(q.free ? { free: `${q.free.name} in ${q.free.lo}..${q.free.hi}` } : {}) },
    symbols: q.model.slots.map((s) => ({
      name: s.name,
      latex: latexName(s.name),
      ...shapeOf(s.shape, scope.sizes),
      kind: s.derived ? 'derived' : 'drawn',
      ...(s.description ? { description: s.description } : {}),
    })),
    indices: [...scope.indices].map(([name, d]) => ({ name, range: `${d.lo}..${d.hi}${d.of ? ` (as a subscript: the ${name}-th entry of ${d.of})` : ''}` })),
    families: [...scope.families].map(([name, f]) => ({ name: `${name}_${f.param}`, means: f.body.toString().replaceAll('1:end', ':') })),
    forbidden: q.forbid,
    notation: [...NOTATION, ...(q.primeTranspose ? ["in LaTeX, a prime (v') is a transpose"] : [])],
    example: example(q.id),
  };
}

export function renderShown(s: Shown): string {
  const shape = (x: { shape: string; shapeName?: string }) => (x.shapeName ? `${x.shapeName} (${x.shape})` : x.shape);
  const lines = [`${s.id}  ${s.title}  (${s.points} pt)`, ''];
  if (s.description) lines.push(s.description, '');
  lines.push(s.prompt, '', `Answer: ${s.answer.quantity}, ${shape(s.answer)}${s.answer.free ? `, for every ${s.answer.free}` : ''}`, '', 'Symbols:');
  const width = Math.max(...s.symbols.map((x) => x.name.length), 4);
  for (const x of s.symbols)
    lines.push(`  ${x.name.padEnd(width)}  ${shape(x).padEnd(14)}  ${x.kind === 'derived' ? 'given' : 'drawn'}${x.description ? `  ${x.description}` : ''}`);
  if (s.indices.length) lines.push('Indices:', ...s.indices.map((i) => `  ${i.name} in ${i.range}`));
  if (s.families.length) lines.push('Families:', ...s.families.map((f) => `  ${f.name} = ${f.means}`));
  if (s.forbidden.length) lines.push('Not accepted in the answer:', ...s.forbidden.map((f) => `  ${f.name}${f.reason ? `: ${f.reason}` : ''}`));
  lines.push(
    '',
    'Notation:',
    ...s.notation.map((n) => `  ${n}`),
    '',
    'Answer format (YAML submission):',
    ...s.example
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
    '',
  );
  return lines.join('\n');
}

/** A question by its full id, or a usage error that suggests near ids (an id without its set too). */
export function findQuestion(bank: Bank, id: string): Question {
  const questions = allQuestions(bank);
  const q = questions.find((x) => x.id === id);
  if (q) return q;
  const bySuffix = questions.filter((x) => x.id.endsWith(`/${id}`)).map((x) => x.id);
  const near = bySuffix.length
    ? bySuffix
    : suggest(
        id,
        questions.map((x) => x.id),
      );
  throw new UsageError(`there is no question \`${id}\`${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (see \`grader list\`)`);
}

export function runShow(cmd: Command, bank: Bank, io: Io): number {
  const q = findQuestion(bank, cmd.positionals[0]!);
  const shown = shownQuestion(q);
  io.out(cmd.format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : renderShown(shown));
  return 0;
}
