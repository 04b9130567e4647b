/**
 * Every finding code, with the shape of its arguments: one code per line, alphabetical within
 * its group, so that branches adding codes merge cleanly. report/messages.ts has a row for each
 * (the compiler checks it), and `finding(code, args)` checks the arguments against this table.
 */

/** `left: "7 x 3", leftName: "V x d"`: a shape in numbers and in the question's sizes. */
type ShapeArg<K extends string> = { readonly [P in K]: string } & { readonly [P in `${K}Name`]?: string | undefined };
type Hint = { readonly hint?: string | undefined };
type Names = readonly string[];
/** A code without arguments. */
export type NoArgs = Record<never, never>;

export interface CodeArgs {
  // Reading an answer
  ARITY: { fn: string; expected: number; got: number };
  DEFINITIONS_TOO_DEEP: { name: string; max: number };
  EMPTY_ANSWER: { part?: string };
  FUNCTION_AS_VALUE: { name: string };
  INDEX_FORM: ShapeArg<'shape'> & { dims: number };
  INDEX_RANGE: { value: number; max: number };
  INDEX_UNBOUND: { name: string; lo: number; hi: number };
  NOT_ALLOWED: { what: string };
  NOT_CONSTANT: { what: string };
  NOT_SCALAR: ShapeArg<'shape'> & { what: string };
  SUM_FORM: NoArgs;
  SUM_RANGE_UNKNOWN: { index: string };
  SUM_TOO_LONG: { index: string; count: number; max: number };
  SYNTAX: { detail: string };
  TOO_DEEP: { max: number };
  TOO_LARGE: { what: string; size: number; max: number };
  TOO_LONG: { length: number; max: number };
  TOO_MANY_NODES: { max: number };
  TOO_MUCH_WORK: { work: number; max: number };
  UNKNOWN_FUNCTION: { name: string; suggestions: Names };
  UNKNOWN_SYMBOL: { name: string; suggestions: Names; nameLatex?: string; suggestionsLatex?: Names };
  // LaTeX
  ACCENT_ON_EXPRESSION: { accent: string };
  DEFINITION_FORM: { text: string };
  FUNCTION_NEEDS_ARGUMENT: { name: string };
  LATEX_CHAR: { char: string };
  LATEX_EMPTY: { command: string };
  LATEX_EXPECTED: { expected: string; got: string };
  LATEX_INCOMPLETE: { got: string };
  LATEX_UNBALANCED: { brace: '{' | '}' };
  LATEX_UNEXPECTED: { got: string };
  LATEX_UNKNOWN_COMMAND: { command: string; suggestions: Names };
  LATEX_UNSUPPORTED: { command: string; hint: string };
  PRIME_AMBIGUOUS: NoArgs;
  REDEFINES_SYMBOL: { name: string };
  SPELLING_FORM: { spelling: string };
  SUM_BOUNDS: { index: string };
  SUM_INDEX: NoArgs;
  // How an answer was read
  LHS_IGNORED: { sides: number };
  QUALIFIER_IGNORED: { text: string };
  READ_AS_DOT: { text: string };
  READ_AS_ELEMENTWISE: { text: string };
  READ_AS_PRODUCT: { text: string };
  // Shapes
  ORIENTATION_FORGIVEN: { got: string; expected: string };
  SHAPE_ADD: ShapeArg<'left'> & ShapeArg<'right'> & Hint & { op: string };
  SHAPE_ARG: { fn: string; expected: string; got: string };
  SHAPE_BRANCHES: ShapeArg<'left'> & ShapeArg<'right'>;
  SHAPE_ELEMENTWISE: ShapeArg<'left'> & ShapeArg<'right'> & Hint & { op: string };
  SHAPE_MISMATCH: ShapeArg<'got'> & ShapeArg<'expected'> & Hint & { of: string };
  SHAPE_POWER: ShapeArg<'base'>;
  SHAPE_PRODUCT: ShapeArg<'left'> & ShapeArg<'right'> & Hint;
  // Diagnoses: what the mistake is
  CONSTANT_FACTOR: { factor: string };
  CONSTANT_TERM: { term: string };
  DEPENDS_ON_EXTRA: { symbols: Names };
  EXTRA_TERM: { term: string };
  FORBIDDEN: { name: string; reason?: string };
  FORM_REQUIRED: { without: Names; using: Names; credit: number };
  KNOWN_MISTAKE: { feedback: string; credit: number };
  MISSING_DEPENDENCY: { symbols: Names };
  MISSING_TERM: { term: string };
  SIGN_FLIPPED: NoArgs;
  TERM_SIGN: { term: string };
  TRANSPOSED: NoArgs;
  WRONG_WHEN_EQUAL: { index: string; other: string };
  WRONG_WHEN_NOT_EQUAL: { index: string; other: string };
  ZERO_ANSWER: NoArgs;
  // Values
  GRADED_WHERE_FINITE: { excluded: number; total: number };
  INTERNAL_ERROR: { detail: string };
  NOT_DECIDABLE: { finite: number; total: number };
  NOT_FINITE: { count: number };
  SIZE_SPECIFIC: { sizes: string; named: boolean; other: string; because: string };
  VALUE_MISMATCH: { wrong: number; total: number };
  WRONG_FOR_SOME_INDEX: { index: string; wrong: number; total: number };
  // Submissions
  BACKSLASH_EATEN: { command: string; path: string };
  FILE_NOT_REGULAR: { kind: string };
  FILE_NOT_UTF8: { byte: string; offset: number };
  FILE_TOO_LARGE: { size: number; max: number };
  FILE_UNREADABLE: { detail: string };
  LIMIT_EXCEEDED: { what: string; count: number | string; max: number; unit: string };
  NO_SUBMISSIONS: { path: string };
  QUESTION_ID_RESOLVED: { id: string; resolved: string; by: string };
  STUDENT_FROM_FILE: { student: string };
  SUBMISSION_SHAPE: { expected: string; path: string };
  SUBMISSION_UNKNOWN_KEY: { key: string; suggestions: Names; allowed: Names };
  UNKNOWN_QUESTION: { id: string; suggestions: Names };
  UPLOAD_AMBIGUOUS: { files: Names };
  UPLOAD_FAILED: NoArgs;
  UPLOAD_MISSING: { kinds: Names };
  WORKER_CRASHED: { detail: string };
  YAML_BAD_ESCAPE: { detail: string };
  YAML_SYNTAX: { detail: string; echoes?: number };
  YAML_TOO_DEEP: { max: number };
  YAML_UNQUOTED_COLON: { detail: string };
  // Specs
  BANK_BROKEN: NoArgs;
  BANK_EMPTY: NoArgs;
  BANK_UNREADABLE: { detail: string };
  DEFINITION_MISMATCH: { wrong: number; total: number; sizes?: string };
  DISCRETE_NOT_COVERED: { id: string; name: string; seen: readonly number[]; domain: number; points: number };
  DIST_INFEASIBLE: { count: number; max: number; avoid: number };
  DIST_RANGE: { dist: string; min: number; max: number };
  DUPLICATE_ID: { id: string };
  DUPLICATE_SET: { set: string; other: string };
  EXAMPLE_VERDICT: { answer: string; expected: string; got: string; because?: Names };
  FD_MISMATCH: { error: number; max: number; wrt: string; lossLine?: number; factor?: string; sizes?: string };
  FD_UNCHECKED: { wrt: string; sizes?: string };
  FEW_LATEX_EXAMPLES: { id: string; count: number; min: number };
  IMPLEMENTATION_NEEDS: { name: string; detail: string };
  INDEX_OF_UNKNOWN: { name: string; of: string };
  INDEX_RANGE_LIMIT: { name: string; lo: number; hi: number; max: number };
  LOSS_NOT_SCALAR: { shape: string };
  MISTAKE_NOT_WRONG: { answer: string };
  MISTAKE_SHADOWED: { answer: string };
  MISTAKE_SHAPE: { answer: string; got: string; expected: string };
  NO_FAILING_EXAMPLE: NoArgs;
  NO_INCORRECT_EXAMPLE: { id: string };
  PROMPT_MISSING_SYMBOL: { id: string; name: string };
  PROOF_TOO_COSTLY: { work: number; max: number };
  REFERENCE_OFTEN_UNDEFINED: { id: string; rejected: number; kept: number };
  REFERENCE_SHAPE: { expected: string; got: string; of: string };
  REFERENCE_UNDEFINED: { tries: number; found: number; wanted: number; sizes?: string };
  SHAPE_NEEDS_VECTOR: { name: string; dist: string };
  SIZE_RANGE: { name: string; value: number };
  SPEC_RECURSIVE: NoArgs;
  SPEC_SCHEMA: { detail: string; path: string };
  SPEC_UNKNOWN_KEY: { key: string; path: string; allowed?: Names; suggestions?: Names };
  TERMS_MISMATCH: { wrong: number; total: number; sizes?: string };
  UNKNOWN_CONTEXT: { name: string; known: Names };
  UNKNOWN_IMPLEMENTATION: { name: string; known: Names };
  UNKNOWN_INDEX: { name: string; known: Names };
  UNNAMED_MISTAKE: { id: string; answer: string };
  UNUSED_SYMBOL: { name: string };
  WRT_NOT_SAMPLED: { wrt: string };
  // Write-ups: where answers are found, and each step of a derivation
  DOC_CASES_JOINED: { line: number; detail: string };
  DOC_FOUND_BY_CONTENT: { line: number; detail: string };
  DOC_FOUND_BY_LABEL: { line: number; detail: string };
  DOC_FOUND_BY_POSITION: { line: number; detail: string };
  DOC_FRONT_MATTER: { line: number; detail: string };
  DOC_LABEL_MISMATCH: { line: number; detail: string };
  DOC_MACRO_LIMIT: { line: number; detail: string };
  DOC_NO_ANSWERS: { file: string };
  DOC_SET: { set: string; reason: string };
  DOC_UNREADABLE_BLOCK: { line: number; detail: string };
  FINAL_UNEVALUATED: { quantity: string };
  NOTEBOOK_JSON: { detail: string };
  NOTEBOOK_SHAPE: { detail: string };
  STEP_CASE_UNREAD: { case: string };
  STEP_DERIVATIVE_OF_VECTOR: { of: string };
  STEP_DERIVATIVE_TOO_LARGE: { wrt: string; max: number };
  STEP_DIFFERS: { from: number; to: number };
  STEP_EXP_DROPPED: NoArgs;
  STEP_IMPRECISE: { error: number };
  STEP_INDEX_CHANGED: { from: string; to: string };
  STEP_NOTHING_BEFORE: NoArgs;
  STEP_NOT_FINITE: NoArgs;
  STEP_NO_LAYOUT: { of: string; wrt: string };
  STEP_NO_LOSS: { name: string };
  STEP_SHAPE: { got: string; before: string };
  STEP_TRANSPOSED_LAYOUT: { got: string; before: string };
  STEP_UNREADABLE: { detail: string };
  STEP_WRT_CHANGED: { from: string; to: string };
  STEP_WRT_NOT_IN_LOSS: { wrt: string };
  STEP_WRT_NOT_SAMPLED: { wrt: string };
  STUDENT_LAYOUT: { symbol: string; rows: string; cols: string; bankRows: number; bankCols: number };
  STUDENT_LAYOUT_CONTRADICTED: { symbol: string; rows: string; cols: string; bankRows: number; bankCols: number };
  UNKNOWN_SET: { set: string; known: Names };
  // The command line
  USAGE: { detail: string };
}

export type Code = keyof CodeArgs;

/** Arguments any finding may carry besides its own: the student's definition it arose in. */
type Common = { readonly definition?: string };

export type ArgsOf<C extends Code> = Readonly<CodeArgs[C]> & Common;
