/**
 * The problem-spec format: the one source of its types, its validation and its JSON Schema
 * (`grader schema` prints it for editors). Every field says what it is for.
 */
import { z } from 'zod';
import { FILE_LIMITS } from '../core/limits.js';

const SizeExpr = z.union([z.number().int().positive(), z.string().min(1)]).describe('A whole number, a size name (`V`) or arithmetic on sizes (`2*m`).');

export const ShapeSpec = z
  .union([z.literal('scalar'), SizeExpr, z.tuple([SizeExpr, SizeExpr])])
  .describe('`scalar` (the default); a size for a column vector (`d` is d x 1); or `[rows, cols]` (`[d, V]`, `[1, Dx]` for a row).');

const DistName = z.enum(['normal', 'uniform', 'positive', 'onehot', 'probability']);

export const Sample = z
  .union([
    DistName.describe('Shorthand: normal(0, 1), uniform(-1, 1), positive (uniform 0.5..2), onehot, probability (a random probability vector).'),
    z.strictObject({
      dist: z.literal('normal'),
      mean: z.number().default(0).describe('Mean of each entry.'),
      sd: z.number().positive().default(1).describe('Standard deviation of each entry.'),
    }),
    z.strictObject({
      dist: z.enum(['uniform', 'positive']),
      min: z.number().optional().describe('Lower end (default -1, or 0.5 for positive).'),
      max: z.number().optional().describe('Upper end (default 1, or 2 for positive).'),
    }),
    z.strictObject({
      dist: z.literal('integer'),
      min: SizeExpr.or(z.number().int()).describe('Smallest value.'),
      max: SizeExpr.describe('Largest value.'),
    }),
    z.strictObject({ dist: z.enum(['onehot', 'probability']) }),
    z.strictObject({
      dist: z.literal('index'),
      max: SizeExpr.describe('The index is drawn from 1..max.'),
    }),
    z.strictObject({
      dist: z.literal('indices'),
      count: SizeExpr.describe('How many indices (the symbol is a count x 1 vector of them).'),
      max: SizeExpr.describe('Each is drawn from 1..max.'),
      distinctFrom: z.array(z.string()).default([]).describe('Index symbols these must differ from (negative samples differ from o).'),
      distinct: z.boolean().default(true).describe('Whether the indices differ from one another.'),
    }),
  ])
  .describe('How the symbol is drawn at each sample point.');

export const SymbolSpec = z
  .strictObject({
    shape: ShapeSpec.optional(),
    sample: Sample.optional(),
    value: z.string().optional().describe("A derived quantity: a mathjs expression over earlier symbols (`softmax(U' * v_c)`)."),
    description: z.string().optional().describe('What the symbol is, for authors.'),
  })
  .refine((s) => (s.sample === undefined) !== (s.value === undefined), {
    message: 'give exactly one of `sample` (drawn at random) or `value` (derived)',
  })
  .describe('A symbol students may use.');

export const IndexSpec = z
  .strictObject({
    range: z.tuple([SizeExpr.or(z.number().int()), SizeExpr]).describe('[first, last], e.g. [1, V].'),
    of: z.string().optional().describe('As a subscript, this letter stands for an entry of this index list: with `of: negs`, `u_k` is column negs[k] of U.'),
  })
  .describe('An index letter, for free indices, sums and subscripts.');

export const FamilySpec = z
  .union([
    z.string().describe('The member for index `i`, e.g. `U[:, i]` makes `u_w` column w of U.'),
    z.strictObject({
      index: z.string().default('i').describe('The parameter name used in `value`.'),
      value: z.string().describe('The member as a mathjs expression of the parameter.'),
    }),
  ])
  .describe('An indexed family: `u_w`, `yhat_o`, `y_(o_j)`.');

const Declarations = {
  sizes: z
    .record(z.string(), SizeExpr)
    .default({})
    .describe('Dimension names and their fixed values; keep them distinct (d=3, V=7, K=4) so a wrong shape cannot pass.'),
  sizeSets: z
    .array(z.record(z.string(), z.number().int().min(1).max(10_000)))
    .max(3)
    .optional()
    .describe(
      'Further sizes to grade at, besides `sizes` (each overrides some sizes). Default: one set derived from `sizes`, each size larger and all distinct; `[]` grades at `sizes` only.',
    ),
  symbols: z.record(z.string(), SymbolSpec).default({}).describe('Symbols by name, in dependency order.'),
  indices: z.record(z.string(), IndexSpec).default({}).describe('Index letters by name.'),
  families: z.record(z.string(), FamilySpec).default({}).describe('Indexed families by base name.'),
  spellings: z
    .record(z.string(), z.string())
    .default({})
    .describe(
      'Extra LaTeX spellings: `"\\mathcal{L}": J` lets students write \\mathcal{L} for J (the common dresses, \\mathbf, \\hat, \\boldsymbol ..., come for free).',
    ),
};

export const Verdict = z.enum(['correct', 'incorrect', 'invalid', 'unanswered']);

export const ExampleSpec = z
  .strictObject({
    answer: z.string().describe('An answer as a student would write it.'),
    verdict: Verdict.describe('The verdict it must get; `grader check` proves it.'),
    note: z.string().optional().describe('Why this example is here.'),
  })
  .describe('An example answer with the verdict it must get.');

export const MistakeSpec = z
  .strictObject({
    answer: z.string().describe('A known wrong answer; a student answer equal to it in value gets this feedback.'),
    feedback: z.string().describe('What to tell the student (Markdown).'),
    credit: z.number().min(0).max(1).default(0).describe('Partial credit, as a fraction of the points.'),
  })
  .describe('A known wrong answer with authored feedback (like WeBWorK answer hints).');

export const FormSpec = z
  .strictObject({
    without: z.array(z.string()).default([]).describe('Symbols the answer must not use (softmax invariance: `[c]`).'),
    using: z.array(z.string()).default([]).describe('Symbols or functions the answer must use ("in terms of sigma": `[sigma]`).'),
    credit: z.number().min(0).max(1).default(0).describe('Credit for a right value in the wrong form, as a fraction of the points.'),
  })
  .describe('A required form: a right value in another form is told so, and gets `credit`.');

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);

export const GradescopeSpec = z
  .strictObject({
    visibility: z
      .enum(['visible', 'hidden', 'after_due_date', 'after_published'])
      .optional()
      .describe("When students see this question's result on Gradescope (default: the assignment's, `--visibility`)."),
    tags: z.array(z.string()).default([]).describe('Tags for Gradescope (the set id is always one).'),
  })
  .describe("How this question appears in Gradescope's results.json.");

/** What is graded: shared by a question and each of its parts. */
const Answer = {
  quantity: z
    .string()
    .optional()
    .describe(
      'What the answer is, in feedback ("dJ/dU is d x V"); default d<f>/d<variable> for a derivative of a named function f (`of: f`, or the f of `asks`), else "the derivative with respect to <variable>".',
    ),
  points: z.number().nonnegative().max(FILE_LIMITS.points).default(1).describe(`Points for a correct answer (at most ${FILE_LIMITS.points}).`),
  reference: z.string().optional().describe('The reference answer, a mathjs expression.'),
  implementation: z
    .string()
    .optional()
    .describe('Instead of `reference`: the name of a reference written in TypeScript (grader/bank/implementations.ts), e.g. `numeric-gradient`.'),
  free: z.string().optional().describe('A free index: the answer is graded for every value in its range (e.g. `w` for dJ/du_w).'),
  derivative: z
    .strictObject({
      of: z.string().describe('The loss, a scalar mathjs expression.'),
      wrt: z.string().describe('The variable: a symbol (`v_c`) or a family member (`u_w`, `theta_j`).'),
    })
    .optional()
    .describe('For a derivative question: `grader check` compares the reference with central finite differences of the loss.'),
  definition: z.string().optional().describe('What the question asks to simplify; `grader check` proves the reference equals it.'),
  tolerance: z
    .strictObject({
      rel: z
        .number()
        .positive()
        .default(1e-9)
        .describe('Relative tolerance, against the larger max norm of answer and reference (widened by the round-off each evaluation measures).'),
      abs: z.number().nonnegative().default(0).describe('Absolute tolerance: none by default, so a small wrong term is caught where the values are small.'),
    })
    .default({ rel: 1e-9, abs: 0 })
    .describe('How close an answer must be at every point: |answer - reference| <= abs + (rel + round-off) * max norm.'),
  samples: z.number().int().min(1).max(50).default(6).describe('Sample points per answer.'),
  primeTranspose: z
    .boolean()
    .optional()
    .describe("Whether a prime on a symbol in LaTeX (`v'`) is a transpose (default: the set's setting, else no: a prime is refused as ambiguous)."),
  examples: z.array(ExampleSpec).default([]).describe('Example answers with their verdicts, checked by `grader check`.'),
  mistakes: z
    .array(MistakeSpec)
    .default([])
    .describe('Known wrong answers with feedback and partial credit, matched by value; `grader check` proves each is wrong.'),
  terms: z
    .record(z.string(), z.string())
    .default({})
    .describe(
      'The reference as a sum of named terms (`{softmax part: "U * yhat", true word: "-u_o"}`), so that a missing, extra or sign-flipped term is named; `grader check` proves they add up.',
    ),
  form: FormSpec.optional(),
  forbid: z
    .array(
      z.union([
        z.string(),
        z.strictObject({ name: z.string().describe('A function or symbol.'), reason: z.string().optional().describe('Why, in words for the student.') }),
      ]),
    )
    .default([])
    .describe(
      'Functions or symbols an answer may not use, whatever its value: the derivative asked for (`sigmaprime` for dσ/dx), or `softmax` when it is to be expanded. An answer using one is incorrect, with a finding that says why.',
    ),
  labels: z
    .array(z.string())
    .default([])
    .describe(
      'How write-ups label this part, with the course\'s variants across years (`["1(b)", "(b)", "1b"]`); a write-up\'s heading or item with one of these locates the answer.',
    ),
  asks: z
    .array(z.string())
    .default([])
    .describe(
      "LaTeX spellings of the quantity asked for (`\\frac{\\partial J}{\\partial v_c}`, `\\sigma'(x)`): a chain whose left-hand side is one of them answers this part, under any heading.",
    ),
};

const oneReference = (q: { reference?: string; implementation?: string }) => (q.reference === undefined) !== (q.implementation === undefined);
const ONE_REFERENCE = 'give exactly one of `reference` (a mathjs expression) or `implementation` (a named TypeScript reference)';

export const PartSpec = z
  .strictObject({
    id: Id.describe('Id within the question; the part is graded as `<set>/<question>/<part>`.'),
    title: z.string().optional().describe("Short title (default: the question's, with the part id)."),
    prompt: z.string().default('').describe("What this part asks, after the question's prompt."),
    ...Answer,
  })
  .refine(oneReference, { message: ONE_REFERENCE })
  .describe('One part of a question with several: graded, credited and reported on its own.');

export const QuestionSpec = z
  .strictObject({
    id: Id.describe('Id within the set; the full id is `<set>/<id>` and is a public contract.'),
    title: z.string().describe('Short title.'),
    prompt: z.string().describe('What students read (Markdown with LaTeX); state the conventions.'),
    context: z.string().optional().describe('Which entry of `contexts` provides the symbols (default: the top-level ones).'),
    ...Declarations,
    ...Answer,
    parts: z.array(PartSpec).default([]).describe("Several parts sharing this question's prompt and symbols; then the question itself has no reference."),
    gradescope: GradescopeSpec.optional(),
  })
  .refine((q) => (q.parts.length ? q.reference === undefined && q.implementation === undefined : oneReference(q)), {
    message: `${ONE_REFERENCE}, or \`parts\` (each with its own)`,
  })
  .describe('One question.');

export const ContextSpec = z.strictObject(Declarations).describe('A named set of declarations that extends the top-level ones.');

export const ProblemSetSpec = z
  .strictObject({
    set: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
      .describe('The set id: the first part of every question id.'),
    title: z.string().describe('The problem set title.'),
    description: z.string().optional().describe('Conventions and context, shown to students.'),
    ...Declarations,
    contexts: z.record(z.string(), ContextSpec).default({}).describe('Further declaration sets that questions pick with `context:`.'),
    primeTranspose: z
      .boolean()
      .default(false)
      .describe("Whether a prime on a symbol in LaTeX (`v'`) is a transpose; `\\sigma'(x)` is always the sigmoid's derivative."),
    questions: z.array(QuestionSpec).min(1).describe('The questions.'),
  })
  .describe('A problem set: one YAML file in problems/.');

export type ProblemSetSpec = z.infer<typeof ProblemSetSpec>;
export type QuestionSpec = z.infer<typeof QuestionSpec>;
export type PartSpec = z.infer<typeof PartSpec>;
export type SymbolSpec = z.infer<typeof SymbolSpec>;
export type SampleSpec = z.infer<typeof Sample>;
export type FamilySpec = z.infer<typeof FamilySpec>;
export type IndexSpec = z.infer<typeof IndexSpec>;
export type Declarations = z.infer<typeof ContextSpec>;

export const jsonSchema = (): unknown => z.toJSONSchema(ProblemSetSpec, { io: 'input' });
