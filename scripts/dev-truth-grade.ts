/**
 * Development aid (not shipped): grades a write-up as if the reader had located it exactly as its
 * hand-checked `X.truth.yaml` says, so that step checking is measured apart from reading.
 * usage (as the scorer's --grader): tsx scripts/dev-truth-grade.ts grade X --set SET --format json
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadBank } from '../grader/bank/load.js';
import { PointCache } from '../grader/compare/points.js';
import { gradeDocument } from '../grader/compare/document.js';
import { renderJson } from '../grader/report/json.js';
import { renderText } from '../grader/report/terminal.js';
import type { DocDefinition, LocatedAnswer, LocatedDocument, LocatedPart } from '../grader/document/types.js';

const argv = process.argv.slice(2);
const file = argv[1]!;
const set = argv[argv.indexOf('--set') + 1]!;
const truth = parse(readFileSync(`${file}.truth.yaml`, 'utf8')) as { questions: Record<string, any>[] };

function definition(latex: string, line: number): DocDefinition {
  const shape = /^(.*?)\\in\s*\\mathbb\{R\}\^\{(.*?)\\times(.*)\}\s*$/.exec(latex);
  if (shape) return { latex, line, shape: { rows: shape[2]!.trim(), cols: shape[3]!.trim() } };
  const fn = /^\s*(\\?[A-Za-z]+)\s*\(([a-z])\)\s*=(.*)$/.exec(latex);
  if (fn) return { latex, line, name: fn[1]!, params: [fn[2]!], value: fn[3]! };
  const eq = /^(.*?)(?::=|=)(.*)$/.exec(latex);
  return eq ? { latex, line, name: eq[1]!.trim(), value: eq[2]!.trim() } : { latex, line };
}

const answers = new Map<string, LocatedAnswer>();
const definitions: DocDefinition[] = [];
truth.questions.forEach((e, k) => {
  const starts: number[] = [0, ...(e.chain_starts ?? [])];
  const steps = (e.steps ?? []).map((s: string, i: number) => ({
    latex: s,
    expanded: s,
    line: 100 * k + i + 1,
    chain: starts.filter((c) => c <= i).length - 1,
  }));
  const part: LocatedPart = {
    label: String(e.where ?? ''),
    line: 100 * k + 1,
    final: e.final,
    finalExpanded: e.final,
    steps,
    ...(e.case ? { case: e.case } : {}),
  };
  for (const d of e.definitions ?? []) if (!definitions.some((x) => x.latex === d)) definitions.push(definition(d, 100 * k));
  const prev = answers.get(e.q);
  answers.set(e.q, prev ? { ...prev, parts: [...prev.parts, part] } : { id: e.q, parts: [part], final: e.final, finalExpanded: e.final, notes: [] });
});
const doc: LocatedDocument = { file, format: 'markdown', set, setReason: 'option', student: 'dev', answers, definitions, notes: [] };
const bank = loadBank('problems');
const questions = bank.sets.find((s) => s.set === set)!.questions;
const t0 = performance.now();
const report = gradeDocument(questions, doc, new PointCache(1));
if (process.env.DEV_TIME) console.error(`graded in ${(performance.now() - t0).toFixed(0)} ms`);
process.stdout.write(argv.includes('json') ? renderJson({ submissions: [report] }) : renderText({ submissions: [report] }));
