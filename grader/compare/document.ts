/**
 * A located write-up × its set's questions → SubmissionReport: each final graded as an answer
 * is (gradeAnswer, under the student's definitions), each derivation checked side by side
 * (steps.ts), and where the student's own layout of a matrix is what makes a final right, said.
 */
import { finding, InputError, type Finding, type QuestionReport, type StepReport, type SubmissionReport } from '../core/index.js';
import { latexName } from '../expr/index.js';
import { isValueName } from '../expr/compile/names.js';
import type { DocDefinition, LocatedAnswer, LocatedDocument } from '../document/types.js';
import type { Question } from '../bank/types.js';
import type { PointCache } from './points.js';
import { questionScope, readAndCompile } from './read.js';
import { checkSides, equalsReference, type Side, type StepContext } from './steps.js';
import { expandFunctions, isLossName, normalizeSide, type UserFunction } from './steps-latex.js';
import { definingSide, isDerivative } from './steps-defs.js';
import { gradeOne, totals } from './submission.js';

const nameOf = (latex: string): string | null => {
  try {
    return latexName(latex.trim());
  } catch {
    return null;
  }
};

// Functions the reader knows, and the loss (bound to the question's): a student's own
// definition of them restates them, and expanding it could only lose what the reader knows.
const KNOWN_FUNCTION = /^\\?(?:sigma|sigmoid|exp|log|ln|tanh|softmax|relu|max|min|operatorname\{\w+\})$/;
const PLAIN_PARAM = /^\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]\}?)?$/;

/** A definition's value without the prose after it (`U^T v_c \text{, where } U \in ...`). */
const valueOf = (v: string): string =>
  v
    .split(/\\text\s*\{\s*[,;]?\s*(?:where|for|and|with|if|since)\b|\\quad|\\text\s*\{\s*,/)[0]!
    .trim()
    .replace(/[,.;]+$/, '');

/** Whether the reader can parse `latex` (names it does not know aside: they may be the student's). */
function parses(q: Question, latex: string): boolean {
  try {
    readAndCompile(q, `$${normalizeSide(latex)}$`, new Map(), { skipKnown: true });
    return true;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return !e.finding.code.startsWith('LATEX_');
  }
}

/**
 * The student's definitions in the question's terms. Names the question already has are
 * restatements, not definitions; of several definitions of one name, the last before the answer
 * counts (else the first after it); one defined by itself (`\theta := \theta - \alpha ...`) does not.
 */
export function contextFor(q: Question, defs: readonly DocDefinition[], line = Infinity): StepContext & { chosen: DocDefinition[] } {
  const { scope } = questionScope(q);
  const definitions = new Map<string, { value: string; line: number; d: DocDefinition }>();
  const derived = new Map<string, { value: string; line: number; d: DocDefinition }>();
  const functions = new Map<string, UserFunction & { d: DocDefinition }>();
  const better = (old: { line: number } | undefined, at: number): boolean => !old || (at <= line ? old.line > line || at >= old.line : false);
  for (const d of defs) {
    if (!d.name || d.value === undefined || !d.value.trim()) continue;
    const value = valueOf(definingSide(d.latex, d.value));
    if (!value) continue;
    if (d.params?.length) {
      const fname = d.name.trim();
      if (isLossName(fname) || KNOWN_FUNCTION.test(fname.replace(/\s+/g, '')) || !d.params.every((p) => PLAIN_PARAM.test(p.trim()))) continue;
      if (better(functions.get(fname) as unknown as { line: number } | undefined, d.line))
        functions.set(fname, Object.assign({ name: fname, params: d.params.map((p) => p.trim()), value, d }, { line: d.line }));
      continue;
    }
    const name = nameOf(d.name);
    if (!name || isLossName(d.name) || isValueName(name, scope) || scope.indices.has(name)) continue;
    // `y_w = 1`, `u_0 = ...`: an entry of the course's own family, not a new name.
    const base = /^([A-Za-z]+)_/.exec(name)?.[1];
    if (base && (scope.families.has(base) || isValueName(base, scope))) continue;
    const selfRef = new RegExp(`(?<![A-Za-z\\\\])${name.replace(/[^A-Za-z0-9]/g, '')}(?![A-Za-z])|${d.name.trim().replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`);
    if (selfRef.test(value)) continue;
    const last = valueOf(d.value);
    const lastUsable = !!last && !selfRef.test(last) && !isDerivative(last);
    if (isDerivative(value)) {
      // A name defined as a derivative (`\delta_1 = \frac{\partial J}{\partial z}`) is written out in
      // steps; a final does not value derivatives, and there it stands for the chain's last side.
      if (better(derived.get(name), d.line)) derived.set(name, { value, line: d.line, d });
      if (lastUsable && better(definitions.get(name), d.line)) definitions.set(name, { value: last, line: d.line, d });
      continue;
    }
    // A first side the reader cannot parse (`\begin{bmatrix} ... \vdots`) gives way to the last.
    const chosen = value !== last && lastUsable && !parses(q, value) ? last : value;
    if (better(definitions.get(name), d.line)) definitions.set(name, { value: chosen, line: d.line, d });
  }
  return {
    definitions: new Map([...definitions].map(([n, v]) => [n, `$${normalizeSide(v.value)}$`])),
    functions: [...functions.values()],
    derived: [...derived.values()].map((v) => ({ name: v.d.name!.trim(), value: v.value })),
    chosen: [...[...definitions.values(), ...derived.values()].map((v) => v.d), ...[...functions.values()].map((f) => f.d)],
  };
}

/** The definitions an answer's reading used: the student's names and functions it writes, their macros, a layout they declared for a symbol it writes. */
function usedBy(texts: string, defs: readonly DocDefinition[], chosen: readonly DocDefinition[]): DocDefinition[] {
  const writes = (name: string | undefined): boolean => !!name && new RegExp(`${name.trim().replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(?![a-zA-Z])`).test(texts);
  return defs.filter((d) => {
    const macro = /^\\(?:re)?newcommand\*?\s*\{?\s*(\\[a-zA-Z]+)|^\\def\s*(\\[a-zA-Z]+)|^\\DeclareMathOperator\*?\s*\{\s*(\\[a-zA-Z]+)/.exec(d.latex.trim());
    if (macro) return writes(macro[1] ?? macro[2] ?? macro[3]);
    if (d.shape) return writes(d.latex.split(/\\in(?![a-zA-Z])/)[0]);
    return chosen.includes(d) && writes(d.name);
  });
}

/** A declared shape that is the transpose of the bank's (`U \in \mathbb{R}^{|V| \times d}`), as symbol and sizes. */
function transposedLayouts(q: Question, defs: readonly DocDefinition[]): { symbol: string; rows: string; cols: string; bankRows: number; bankCols: number }[] {
  const { scope } = questionScope(q);
  const size = (t: string): number | undefined => scope.sizes.get(t.replace(/[^A-Za-z0-9]/g, '')) ?? (Number(t) || undefined);
  return defs.flatMap((d) => {
    if (!d.shape) return [];
    const symbol = nameOf(d.latex.split(/\\in(?![a-zA-Z])/)[0] ?? '');
    const b = symbol ? scope.bindings.get(symbol) : undefined;
    if (!symbol || b?.kind !== 'slot') return [];
    const { rows, cols } = b.shape;
    return rows !== cols && size(d.shape.rows) === cols && size(d.shape.cols) === rows
      ? [{ symbol, rows: d.shape.rows, cols: d.shape.cols, bankRows: rows, bankCols: cols }]
      : [];
  });
}

const transposeSymbol = (latex: string, symbol: string): string =>
  latex.replace(new RegExp(`\\\\(?:mathbf|boldsymbol|bm|mathrm)\\s*\\{${symbol}\\}|(?<![\\\\a-zA-Z])${symbol}(?![a-zA-Z])`, 'g'), `(${symbol}^{T})`);

function gradeLocated(q: Question, a: LocatedAnswer, doc: LocatedDocument, points: PointCache, chainBase: { n: number }): QuestionReport {
  const ctx = contextFor(q, doc.definitions, Math.min(...a.parts.flatMap((p) => [p.line, ...p.steps.map((st) => st.line)])));
  const final = normalizeSide(expandFunctions(a.finalExpanded, ctx.functions));
  const graded = gradeOne(q, final, points, ctx.definitions);
  const feedback: Finding[] = [...graded.feedback, ...a.notes.map((n) => finding(`DOC_${n.code}`, { line: n.line, detail: n.detail }, undefined, 'info'))];
  for (const l of transposedLayouts(q, doc.definitions)) {
    if (transposeSymbol(final, l.symbol) === final) continue;
    // Right in one layout only: the student's (said, not accepted) or the course's (said, as their own declaration contradicts it).
    if (graded.verdict === 'correct') feedback.push(finding('STUDENT_LAYOUT_CONTRADICTED', l, undefined, 'warning'));
    else if (gradeOne(q, transposeSymbol(final, l.symbol), points, ctx.definitions).verdict === 'correct')
      feedback.push(finding('STUDENT_LAYOUT', l, undefined, 'warning'));
  }
  const steps: StepReport[] = [];
  const stepFeedback: Finding[] = [];
  let pts: ReturnType<PointCache['get']> = [];
  try {
    pts = points.get(q);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  // A final that restates the question (`\sum_j \frac{\partial J(v_c, w_{t+j}, U)}{\partial U}`): its value
  // is said, its verdict stays.
  if (graded.verdict === 'invalid' && isDerivative(final) && equalsReference(q, a.finalExpanded, pts, ctx))
    feedback.push(finding('FINAL_UNEVALUATED', { quantity: q.quantity }, undefined, 'warning'));
  for (const part of a.parts) {
    const sides: Side[] = part.steps.map((s) => ({ latex: s.latex, expanded: s.expanded, line: s.line, chain: s.chain }));
    const checked = pts.length
      ? checkSides(q, sides, pts, ctx, part.case)
      : sides.map(() => ({ check: 'unchecked' as const, reason: finding('STEP_UNREADABLE', { detail: 'no sample points' }) }));
    const base = chainBase.n;
    sides.forEach((s, i) => {
      const c = checked[i]!;
      steps.push({ latex: s.latex, line: s.line, chain: base + s.chain, check: c.check, ...(c.reason ? { reason: c.reason } : {}) });
      if (c.check === 'differs' && !stepFeedback.length) stepFeedback.push(...(c.diagnosis ?? []));
    });
    chainBase.n = base + 1 + Math.max(-1, ...sides.map((s) => s.chain));
  }
  const first = steps.findIndex((s) => s.check === 'differs');
  const part = a.parts[0];
  return {
    ...graded,
    // As it stands in the document: a cases answer joined from separate displays is graded whole
    // (see interpreted) but shown as its first display; every display is in steps.
    answer: a.parts[0]!.final,
    feedback,
    located: part ? { line: part.line, label: part.label } : null,
    steps,
    firstWrongStep: first < 0 ? null : first,
    definitions: usedBy([a.final, ...a.parts.flatMap((p) => [p.final, ...p.steps.map((st) => st.latex)])].join(' '), doc.definitions, ctx.chosen).map((d) => ({
      latex: d.latex,
      line: d.line,
    })),
    ...(stepFeedback.length ? { stepFeedback } : {}),
  };
}

/** Grades every question of the document's set (bank order); a question not found is `unanswered`. */
export function gradeDocument(questions: readonly Question[], doc: LocatedDocument, points: PointCache): SubmissionReport {
  const chainBase = { n: 0 };
  const reports = questions.map((q): QuestionReport => {
    const a = doc.answers.get(q.id);
    if (!a || !a.parts.length) return { ...gradeOne(q, undefined, points), located: null, steps: [], firstWrongStep: null, definitions: [] };
    chainBase.n = 0;
    return gradeLocated(q, a, doc, points, chainBase);
  });
  return {
    file: doc.file,
    student: doc.student,
    ...totals(reports),
    seed: points.seed,
    error: null,
    questions: reports,
    sets: [{ set: doc.set, ...totals(reports) }],
    warnings: [
      finding('DOC_SET', { set: doc.set, reason: doc.setReason }, undefined, 'info'),
      ...doc.notes.map((n) => finding(`DOC_${n.code}`, { line: n.line, detail: n.detail }, { file: doc.file, line: n.line }, 'info')),
    ],
    kind: 'document',
    set: doc.set,
    setReason: doc.setReason,
  };
}
