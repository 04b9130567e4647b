import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { checkSides, type Side, type StepContext } from '../../grader/compare/steps.js';
import { contextFor, gradeDocument } from '../../grader/compare/document.js';
import { findDerivatives, isLossName, normalizeSide, expandFunctions } from '../../grader/compare/steps-latex.js';
import type { DocDefinition, LocatedDocument } from '../../grader/document/types.js';
import { BANK } from '../helpers.js';

const Q = (id: string) => BANK.sets.flatMap((s) => s.questions).find((q) => q.id === id)!;
const points = new PointCache(1);
const none: StepContext = { definitions: new Map(), functions: [] };
const chain = (...sides: string[]): Side[] => sides.map((latex, i) => ({ latex, expanded: latex, line: i + 1, chain: 0 }));
const checks = (id: string, sides: string[], ctx = none, caseOf?: string) =>
  checkSides(Q(id), chain(...sides), points.get(Q(id)), ctx, caseOf).map((c) => c.check);
const ctxOf = (id: string, defs: DocDefinition[]) => contextFor(Q(id), defs);

describe('step checks', () => {
  it.each([
    [
      'equal',
      'cs224n-a2/naive-softmax-grad-vc',
      ['\\frac{\\partial J}{\\partial v_c}', 'U(\\hat y - y)', '-u_o + \\sum_{w} \\hat y_w u_w'],
      ['start', 'equal', 'equal'],
    ],
    ['sign slip', 'cs224n-a2/naive-softmax-grad-vc', ['\\frac{\\partial J}{\\partial v_c}', 'U(\\hat y - y)', 'U(y - \\hat y)'], ['start', 'equal', 'differs']],
    [
      'dropped exp',
      'cs224n-a2/naive-softmax-grad-vc',
      ['-u_o + \\frac{\\sum_w e^{u_w^T v_c} u_w}{\\sum_w e^{u_w^T v_c}}', '-u_o + \\frac{\\sum_w u_w^T v_c \\, u_w}{\\sum_w e^{u_w^T v_c}}'],
      ['start', 'differs'],
    ],
    [
      'index swap',
      'cs224n-a2/neg-sampling-grad-uo',
      ['\\frac{\\partial J}{\\partial u_o}', '(\\sigma(u_o^T v_c) - 1) v_c', '(\\sigma(u_o^T v_c) - 1) u_o'],
      ['start', 'equal', 'differs'],
    ],
    ['mislabelled LHS', 'cs224n-a2/naive-softmax-grad-vc', ['\\frac{\\partial J}{\\partial u_o}', 'U(\\hat y - y)'], ['start', 'differs']],
    [
      'a transposed matrix is the student layout, not a wrong step',
      'cs224n-a2/naive-softmax-grad-U',
      ['\\frac{\\partial J}{\\partial U}', '(\\hat y - y) v_c^T', '\\hat y v_c^T - y v_c^T'],
      ['start', 'unchecked', 'equal'],
    ],
    [
      'another shape is not called wrong',
      'cs224n-a2/naive-softmax-grad-vc',
      ['\\frac{\\partial J}{\\partial v_c}', 'v_c (\\hat y - y)^T'],
      ['start', 'unchecked'],
    ],
    [
      'unreadable side',
      'cs224n-a2/naive-softmax-grad-vc',
      ['\\frac{\\partial J}{\\partial v_c}', 'U(\\hat y - y', 'U(\\hat y - y)'],
      ['start', 'unchecked', 'equal'],
    ],
    [
      'dots are not guessed',
      'cs224n-a2/naive-softmax-loss',
      ['-\\sum_w y_w \\log \\hat y_w', '-(y_1 \\log \\hat y_1 + \\dots)', '-\\log \\hat y_o'],
      ['start', 'unchecked', 'equal'],
    ],
    [
      'derivative of what is written',
      'cs224n-a2/sigmoid-derivative',
      ["\\sigma'(x)", '\\frac{d}{dx}\\left(e^x (e^x + 1)^{-1}\\right)', 'e^x (e^x+1)^{-1} - e^x (e^x+1)^{-2}'],
      ['start', 'equal', 'differs'],
    ],
    [
      'slash derivative and nabla',
      'cs224n-a2/naive-softmax-grad-vc',
      ['\\partial J / \\partial \\mathbf{v}_c', '\\nabla_{v_c} J', '\\frac{\\partial}{\\partial v_c}\\left(-\\log \\hat y_o\\right)', 'U\\hat y - u_o'],
      ['start', 'equal', 'equal', 'equal'],
    ],
    [
      'a loss with arguments and a text subscript',
      'cs224n-a2/neg-sampling-grad-uk',
      ['\\frac{\\partial J_\\textrm{neg-sample}(v_c,o,U)}{\\partial u_k}', '(1-\\sigma(-u^T_k v_c))v_c'],
      ['start', 'equal'],
    ],
    ['vector orientation is free', 'cs224n-a2/naive-softmax-grad-vc', ['U(\\hat y - y)', '(\\hat y - y)^T U^T'], ['start', 'equal']],
  ])('%s', (_, id, sides, expected) => expect(checks(id, sides)).toEqual(expected));

  it.each([
    [
      'a name',
      [{ latex: '\\theta = U^T v_c', line: 1, name: '\\theta', value: 'U^T v_c' }],
      ['\\frac{\\partial J}{\\partial v_c}', 'U(\\mathrm{softmax}(\\theta) - y)'],
      ['start', 'equal'],
    ],
    [
      'a function',
      [{ latex: '\\rho(x) = ...', line: 1, name: '\\rho', params: ['x'], value: '\\frac{1}{1+e^{-x}}' }],
      ['\\frac{\\partial J}{\\partial u_o}', '(\\rho(u_o^T v_c) - 1) v_c'],
      ['start', 'equal'],
    ],
    [
      'a restated bank symbol is no error',
      [{ latex: '\\hat y = ...', line: 1, name: '\\hat{y}', value: '\\mathrm{softmax}(U^T v_c)' }],
      ['\\frac{\\partial J}{\\partial v_c}', 'U(\\hat y - y)'],
      ['start', 'equal'],
    ],
  ])('definitions used in steps: %s', (_, defs, sides, expected) => {
    const id = sides[0]!.includes('u_o') ? 'cs224n-a2/neg-sampling-grad-uo' : 'cs224n-a2/naive-softmax-grad-vc';
    expect(checks(id, sides, ctxOf(id, defs as DocDefinition[]))).toEqual(expected);
  });

  it('restricts a case part to its case of the free index', () => {
    expect(checks('cs224n-a2/naive-softmax-grad-uw', ['\\frac{\\partial J}{\\partial u_w}', '\\hat y_w v_c'], none, 'w \\neq o')).toEqual(['start', 'equal']);
    expect(checks('cs224n-a2/naive-softmax-grad-uw', ['\\frac{\\partial J}{\\partial u_w}', '\\hat y_w v_c'], none, 'w = o')).toEqual(['start', 'differs']);
  });

  it('names the jump of the first wrong step', () => {
    const q = Q('cs224n-a2/naive-softmax-grad-vc');
    const r = checkSides(q, chain('U(\\hat y - y)', 'U(y - \\hat y)'), points.get(q), none);
    expect(r[1]!.diagnosis!.map((f) => f.code)).toEqual(['STEP_DIFFERS', 'SIGN_FLIPPED']);
  });
});

describe('rewriting sides', () => {
  it.each([
    ['\\frac{\\partial J}{\\partial \\mathbf{v}_c}', 'J', '\\mathbf{v}_c'],
    ['\\frac{d}{dx}\\left(e^x\\right)', '\\left(e^x\\right)', 'x'],
    ['\\partial \\mathbf{J}(v_c, U) / \\partial U', '\\mathbf{J}(v_c, U)', 'U'],
    ['\\nabla_{v_c} J', 'J', 'v_c'],
  ])('%s is a derivative of %s by %s', (latex, of, wrt) => expect(findDerivatives(latex).forms).toEqual([{ name: 'zdA', of, wrt }]));

  it.each([['J'], ['\\mathcal{L}'], ['J_{neg}'], ['\\bm J_{\\text{naive-softmax}}(\\bm v_c, o, \\bm U)'], ['{J}']])('%s names the loss', (t) =>
    expect(isLossName(t)).toBe(true),
  );
  it.each([['\\log J'], ['U'], ['\\sigma']])('%s does not name the loss', (t) => expect(isLossName(t)).toBe(false));

  it.each([
    ['u^T_k v_c', 'u_k^T v_c'],
    ['\\sigma^\\prime(x)', "\\sigma'(x)"],
    ['u_{w=o}', 'u_{o}'],
  ])('%s reads as %s', (a, b) => expect(normalizeSide(a)).toBe(b));

  it('expands a function boundedly, even a recursive one', () => {
    const t = expandFunctions('\\f(x)', [{ name: '\\f', params: ['x'], value: '\\f(x) + \\f(x)' }]);
    expect(t.length).toBeLessThan(20_000 + 100);
  });

  it('scans hostile sides in bounded time', () => {
    const deep = `${'\\frac{\\partial}{\\partial x}\\left('.repeat(2000)}x${'\\right)'.repeat(2000)}`;
    const t0 = performance.now();
    findDerivatives(deep);
    findDerivatives('{'.repeat(50_000));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('grading a located document', () => {
  const doc = (final: string, defs: DocDefinition[] = []): LocatedDocument => ({
    file: 'x.md',
    format: 'markdown',
    set: 'cs224n-a2',
    setReason: 'option',
    student: 's',
    definitions: defs,
    notes: [],
    answers: new Map([
      [
        'cs224n-a2/naive-softmax-grad-vc',
        {
          id: 'cs224n-a2/naive-softmax-grad-vc',
          final,
          finalExpanded: final,
          notes: [],
          parts: [
            {
              label: '(b)',
              line: 3,
              final,
              finalExpanded: final,
              steps: [
                { latex: '\\frac{\\partial J}{\\partial v_c}', expanded: '\\frac{\\partial J}{\\partial v_c}', line: 2, chain: 0 },
                { latex: final, expanded: final, line: 3, chain: 0 },
              ],
            },
          ],
        },
      ],
    ]),
  });
  const set = BANK.sets.find((s) => s.set === 'cs224n-a2')!.questions;

  it('grades every question of the set, unanswered ones too, with the contract fields', () => {
    const r = gradeDocument(set, doc('U(\\hat y - y)'), points);
    expect(r.kind).toBe('document');
    expect(r.questions.map((q) => q.id)).toEqual(set.map((q) => q.id));
    const vc = r.questions.find((q) => q.id.endsWith('grad-vc'))!;
    expect([vc.verdict, vc.located, vc.steps!.map((s) => s.check), vc.firstWrongStep]).toEqual([
      'correct',
      { line: 3, label: '(b)' },
      ['start', 'equal'],
      null,
    ]);
    expect(r.questions.find((q) => q.id.endsWith('grad-U'))!).toMatchObject({ verdict: 'unanswered', located: null, steps: [] });
  });

  it.each([
    ['\\frac{\\partial}{\\partial v_c}\\left(-\\log \\hat y_o\\right)', true],
    ['\\frac{\\partial}{\\partial v_c}\\left(\\log \\hat y_o\\right)', false],
    ['U(\\hat y + y)', false],
  ])('a final that is an unevaluated derivative: %s keeps its verdict, its value said: %s', (final, said) => {
    const vc = gradeDocument(set, doc(final), points).questions.find((q) => q.id.endsWith('grad-vc'))!;
    expect(vc.verdict).not.toBe('correct');
    expect(vc.feedback.some((f) => f.code === 'FINAL_UNEVALUATED')).toBe(said);
  });

  it("says when a final is right only in the student's own layout, without accepting it", () => {
    const r = gradeDocument(
      set,
      doc('U^T(\\hat y - y)', [{ latex: 'U \\in \\mathbb{R}^{|V| \\times d}', line: 1, shape: { rows: '|V|', cols: 'd' } }]),
      points,
    );
    const vc = r.questions.find((q) => q.id.endsWith('grad-vc'))!;
    expect(vc.verdict).not.toBe('correct');
    expect(vc.feedback.map((f) => f.code)).toContain('STUDENT_LAYOUT');
  });

  it('says when a right final contradicts the layout the student declared', () => {
    const r = gradeDocument(set, doc('U(\\hat y - y)', [{ latex: 'U \\in \\mathbb{R}^{|V| \\times d}', line: 1, shape: { rows: '|V|', cols: 'd' } }]), points);
    const vc = r.questions.find((q) => q.id.endsWith('grad-vc'))!;
    expect([vc.verdict, vc.feedback.map((f) => f.code)]).toEqual(['correct', ['STUDENT_LAYOUT_CONTRADICTED']]);
  });
});

describe('course spellings', () => {
  it.each([
    ['\\Sigma_k u_k', '\\sum_k u_k'],
    ['-\\log \\mathrm{P}(O = o | C = c)', '-\\log \\hat{y}_{o}'],
  ])('%s reads as %s', (a, b) => expect(normalizeSide(a)).toBe(b));
  it('CE with arguments names the loss', () => expect(isLossName('CE(y, \\hat{y})')).toBe(true));
});

describe('naming the jump', () => {
  const q = Q('cs224n-a2/naive-softmax-grad-vc');
  const jump = (a: string, b: string) => checkSides(q, chain(a, b), points.get(q), none)[1]!.diagnosis!.map((f) => [f.code, f.args]);
  it.each([
    ['a sign flipped', 'U(\\hat y - y)', 'U(y - \\hat y)', ['SIGN_FLIPPED', {}]],
    ['a factor 2', 'U(\\hat y - y)', '2U(\\hat y - y)', ['CONSTANT_FACTOR', { factor: '2' }]],
    ['a lost term', 'U\\hat y - u_o', 'U\\hat y', ['MISSING_TERM', { term: '-u_o' }]],
    [
      'an exp dropped',
      '-u_o + \\frac{\\sum_w e^{u_w^T v_c} u_w}{\\sum_w e^{u_w^T v_c}}',
      '-u_o + \\frac{\\sum_w u_w^T v_c u_w}{\\sum_w e^{u_w^T v_c}}',
      ['STEP_EXP_DROPPED', {}],
    ],
    ['an index changed', '-u_o + \\sum_w \\hat y_w u_w', '-u_o + \\sum_w \\hat y_w u_o', ['STEP_INDEX_CHANGED', { from: 'w', to: 'o' }]],
  ])('%s', (_, a, b, expected) => expect(jump(a, b)).toContainEqual(expected));
});
