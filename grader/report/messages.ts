/**
 * Findings → words. The table is typed by core/codes.ts: a code without a row, or a row reading
 * an argument its code does not have, fails to compile.
 * Positions are not in the words: renderers place them (carets, file:line:col).
 */
import type { Args, ArgsOf, Code, Finding } from '../core/index.js';

type Messages = { readonly [C in Code]: (a: ArgsOf<C>) => string };

const list = (xs: unknown): string => (Array.isArray(xs) ? xs.map((x) => `\`${x}\``).join(' or ') : '');
const named = (a: Args | object, key: string): string => {
  const args = a as Args;
  const name = args[`${key}Name`];
  const num = args[key];
  return name && name !== num ? `${name} (${num})` : String(num);
};
const hint = (h: unknown): string =>
  ({
    transposed: ': transposed?',
    transposeLeft: ': should the left factor be transposed?',
    transposeRight: ': should the right factor be transposed?',
    scalar: ': a scalar where a vector or matrix is expected',
  })[String(h)] ?? '';

/** A system error code in words (a raw ENOENT tells a student nothing). */
const errno = (code: unknown): string =>
  ({ ENOENT: 'there is no such file', EACCES: 'permission denied', EISDIR: 'it is a folder', ENOTDIR: 'a part of the path is not a folder' })[String(code)] ??
  String(code);

export const MESSAGES: Messages = {
  // Reading an answer
  EMPTY_ANSWER: () => 'the answer is empty',
  TOO_LONG: (a) => `the answer is ${a.length} characters long; at most ${a.max} are read`,
  TOO_DEEP: (a) => `brackets are nested more than ${a.max} deep`,
  TOO_MANY_NODES: (a) => `the formula has more than ${a.max} parts`,
  TOO_MUCH_WORK: (a) => `the formula would take about ${a.work} operations to evaluate; the limit is ${a.max}`,
  TOO_LARGE: (a) => `${a.what} of size ${a.size} is too large (at most ${a.max} entries)`,
  SYNTAX: (a) => `syntax error: ${a.detail}`,
  NOT_ALLOWED: (a) => `${a.what} is not allowed in an answer`,
  UNKNOWN_SYMBOL: (a) =>
    `\`${a.nameLatex ?? a.name}\` is not defined here${(a.suggestions as string[] | undefined)?.length ? `; did you mean ${list(a.suggestionsLatex ?? a.suggestions)}?` : ''}`,
  FUNCTION_AS_VALUE: (a) => `\`${a.name}\` is a function: apply it to an argument, as in ${a.name}(x)`,
  INDEX_UNBOUND: (a) => `\`${a.name}\` is an index: use it inside a sum, as in sum(${a.name}, ${a.lo}, ${a.hi}, ...)`,
  UNKNOWN_FUNCTION: (a) =>
    `there is no function \`${a.name}\`${(a.suggestions as string[] | undefined)?.length ? `; did you mean ${list(a.suggestions)}?` : ''}`,
  ARITY: (a) => `${a.fn} takes ${a.expected} argument(s), not ${a.got}`,
  SUM_FORM: () => 'write a sum as sum(k, first, last, term), or sum(k, term) over the declared range of k',
  SUM_RANGE_UNKNOWN: (a) => `the range of ${a.index} is not known: write sum(${a.index}, first, last, term)`,
  SUM_TOO_LONG: (a) => `the sum over ${a.index} has ${a.count} terms; at most ${a.max} are allowed`,
  NOT_CONSTANT: (a) => `${a.what} must be a fixed number or size`,
  NOT_SCALAR: (a) => `${a.what} must be a scalar, but is ${named(a, 'shape')}`,
  INDEX_FORM: (a) => `cannot index a ${named(a, 'shape')} value with ${a.dims} index(es): use x[i] for a vector, A[i, j], A[:, j] or A[i, :] for a matrix`,
  INDEX_RANGE: (a) => `index ${a.value} is outside 1..${a.max}`,
  // LaTeX
  LATEX_EXPECTED: (a) => `expected ${a.expected} but found ${a.got}`,
  LATEX_UNEXPECTED: (a) => `unexpected ${a.got}`,
  LATEX_INCOMPLETE: (a) => `the formula ends too early (${a.got})`,
  LATEX_CHAR: (a) => `the character \`${a.char}\` is not read in a formula`,
  LATEX_UNKNOWN_COMMAND: (a) =>
    `unknown command ${a.command}${(a.suggestions as string[] | undefined)?.length ? `; did you mean ${list(a.suggestions)}?` : ''}`,
  LATEX_UNSUPPORTED: (a) => `${a.command} is not accepted here: ${a.hint}`,
  LATEX_EMPTY: (a) => `${a.command}{} is empty`,
  LATEX_UNBALANCED: (a) => (a.brace === '{' ? 'this { is never closed' : 'this } closes nothing'),
  PRIME_AMBIGUOUS: () => "a prime on a symbol is ambiguous here: write ^T (or ^\\top) for a transpose; \\sigma'(x) is the sigmoid's derivative",
  FUNCTION_NEEDS_ARGUMENT: (a) => `${a.name} needs an argument, as in ${a.name}(x)`,
  ACCENT_ON_EXPRESSION: (a) => `a ${a.accent} accent goes on a symbol, not on an expression`,
  SUM_INDEX: () => 'write the index of a sum as \\sum_{k=1}^{K}, \\sum_{w}, or \\sum_{i \\neq j}',
  SUM_BOUNDS: (a) => `give both bounds of the sum over ${a.index} (\\sum_{${a.index}=1}^{N}) or neither`,
  DEFINITION_FORM: (a) => `a definition reads \`name = formula\`, not \`${a.text}\``,
  DEFINITIONS_TOO_DEEP: (a) => `the definition of \`${a.name}\` uses definitions nested more than ${a.max} deep`,
  REDEFINES_SYMBOL: (a) => `\`${a.name}\` is already a symbol of this question; choose another name for your own definition`,
  SPELLING_FORM: (a) => `the spelling ${a.spelling} is not a name`,
  // How an answer was read
  LHS_IGNORED: (a) => `graded the last of ${a.sides} sides; the left-hand side was set aside`,
  QUALIFIER_IGNORED: (a) => `set aside the qualifier \`${a.text}\``,
  READ_AS_ELEMENTWISE: (a) => `read \`${a.text}\` as an elementwise product (the shapes are equal and cannot be multiplied as matrices)`,
  READ_AS_PRODUCT: (a) => `read \`${a.text}\` as a matrix product; write \\odot or .* for an elementwise one`,
  READ_AS_DOT: (a) => `read \`${a.text}\` as a dot product (a scalar)`,
  // Shapes
  SHAPE_ADD: (a) => `cannot ${a.op === '-' ? 'subtract' : 'add'} ${named(a, 'left')} and ${named(a, 'right')}: the shapes differ${hint(a.hint)}`,
  SHAPE_ELEMENTWISE: (a) => `\`${a.op}\` needs equal shapes (or a scalar), not ${named(a, 'left')} and ${named(a, 'right')}${hint(a.hint)}`,
  SHAPE_PRODUCT: (a) => `cannot multiply ${named(a, 'left')} by ${named(a, 'right')}: the inner dimensions differ${hint(a.hint)}`,
  SHAPE_POWER: (a) => `\`^\` needs a scalar base, not ${named(a, 'base')}; use .^ for an elementwise power or .* for products`,
  SHAPE_ARG: (a) => `${a.fn} expects ${a.expected}, not ${a.got}`,
  SHAPE_BRANCHES: (a) => `the two cases have different shapes: ${named(a, 'left')} and ${named(a, 'right')}`,
  SHAPE_MISMATCH: (a) => `your answer is ${named(a, 'got')}; ${a.of} is ${named(a, 'expected')}${hint(a.hint)}`,
  ORIENTATION_FORGIVEN: (a) => `your answer is a ${a.got} vector where ${a.expected} is expected; orientation is forgiven`,
  // Diagnoses: what the mistake is
  ZERO_ANSWER: () => 'your answer is zero everywhere, and the expected answer is not',
  SIGN_FLIPPED: () => 'the sign is flipped: your answer is the negative of the expected one',
  TRANSPOSED: () => 'your answer is the transpose of the expected one',
  CONSTANT_FACTOR: (a) => `your answer is ${a.factor} times the expected one: check the constant factor`,
  CONSTANT_TERM: (a) => `your answer differs from the expected one by a constant ${a.term}`,
  MISSING_TERM: (a) => `a term is missing: ${a.term}`,
  TERM_SIGN: (a) => `the term ${a.term} has the wrong sign`,
  EXTRA_TERM: (a) => `the term ${a.term} appears once too often`,
  WRONG_WHEN_EQUAL: (a) => `right for ${a.index} ≠ ${a.other}, but wrong for ${a.index} = ${a.other}`,
  WRONG_WHEN_NOT_EQUAL: (a) => `right for ${a.index} = ${a.other}, but wrong for ${a.index} ≠ ${a.other}`,
  KNOWN_MISTAKE: (a) => `${a.feedback}${Number(a.credit) > 0 ? ` (partial credit: ${Math.round(Number(a.credit) * 100)}%)` : ''}`,
  DEPENDS_ON_EXTRA: (a) => `your answer depends on ${(a.symbols as string[]).map((s) => `\`${s}\``).join(', ')}, which the expected answer does not`,
  MISSING_DEPENDENCY: (a) => `your answer does not depend on ${(a.symbols as string[]).map((s) => `\`${s}\``).join(', ')}, which the expected answer does`,
  FORM_REQUIRED: (a) =>
    `the value is right, but not in the required form: ${[
      ...((a.without as string[]).length ? [`write it without ${(a.without as string[]).map((s) => `\`${s}\``).join(', ')}`] : []),
      ...((a.using as string[]).length ? [`write it in terms of ${(a.using as string[]).map((s) => `\`${s}\``).join(', ')}`] : []),
    ].join('; ')}`,
  FORBIDDEN: (a) => `the question does not accept \`${a.name}\` in the answer${a.reason ? `: ${a.reason}` : ' (it restates what is asked)'}`,
  // Values
  VALUE_MISMATCH: (a) => `the value differs from the expected answer at ${a.wrong} of ${a.total} sample points`,
  WRONG_FOR_SOME_INDEX: (a) => `right for some values of ${a.index} but wrong for others (${a.wrong} of ${a.total} cases)`,
  SIZE_SPECIFIC: (a) =>
    a.named
      ? `your answer holds only when ${a.sizes}: it fixes a size the question leaves general (it is wrong when ${a.other})`
      : `your answer holds only at the sizes ${a.sizes}: it is wrong when ${a.other}, so it fixes a size the question leaves general`,
  GRADED_WHERE_FINITE: (a) =>
    `your form cannot be computed in floating point at ${a.excluded} of ${a.total} sample points of large scale (it overflows, underflows or cancels); it was graded at the other points`,
  NOT_DECIDABLE: (a) =>
    `your form cannot be computed in floating point at most sample points (it overflows, underflows or cancels; usable at ${a.finite} of ${a.total}), too few to decide: write it in a numerically stable form (e.g. with softmax or sigma)`,
  NOT_FINITE: (a) => `your answer is undefined (NaN or infinite) in ${a.count} case(s) where the expected answer is defined`,
  INTERNAL_ERROR: (a) => `the grader failed on this answer (${a.detail}); please report it`,
  // Write-ups: steps of a derivation, and where answers were found
  STEP_UNREADABLE: (a) => `could not be read (${a.detail})`,
  STEP_NOT_FINITE: () => 'its value is undefined (not finite) at some sample points',
  STEP_NOTHING_BEFORE: () => 'no earlier side of this chain could be read to compare it with',
  STEP_CASE_UNREAD: (a) => `differs for some values of the index only, and the case \`${a.case}\` could not be read`,
  STEP_DIFFERS: (a) => `line ${a.to} is not equal to the side before it (line ${a.from})`,
  STEP_EXP_DROPPED: () => 'an exponential was dropped between the two sides',
  STEP_INDEX_CHANGED: (a) => `the index ${a.from} became ${a.to} between the two sides`,
  STEP_SHAPE: (a) => `the side is ${a.got} but the side before it is ${a.before}`,
  STEP_TRANSPOSED_LAYOUT: (a) => `equal to the side before it transposed (${a.got} against ${a.before}): a layout of the student's own`,
  STEP_NO_LOSS: (a) => `\`${a.name}\` names a loss, but this question has none to differentiate`,
  STEP_DERIVATIVE_OF_VECTOR: (a) => `the derivative of \`${a.of}\`, not a scalar, is not checked`,
  STEP_DERIVATIVE_TOO_LARGE: (a) => `the derivative with respect to \`${a.wrt}\` has more than ${a.max} entries; not checked`,
  STEP_WRT_NOT_SAMPLED: (a) => `the derivative with respect to \`${a.wrt}\`, a quantity derived from others, is not checked`,
  FINAL_UNEVALUATED: (a) =>
    `the answer is an unevaluated derivative: differentiating what is written gives the expected ${a.quantity}, but it restates what was asked instead of working it out`,
  STEP_IMPRECISE: (a) => `differs from the side before it by a relative ${a.error} only, within the precision of the numeric derivatives; not judged`,
  STEP_NO_LAYOUT: (a) =>
    `the product with the derivative of \`${a.of}\` by \`${a.wrt}\` is undefined in either layout (numerator or denominator): its dimensions fit under no convention`,
  STEP_WRT_CHANGED: (a) => `the derivative is taken with respect to \`${a.to}\` where the chain is with respect to \`${a.from}\``,
  STEP_WRT_NOT_IN_LOSS: (a) => `the loss does not depend on \`${a.wrt}\` as the course names it; not checked`,
  STUDENT_LAYOUT: (a) =>
    `right only in your own layout of ${a.symbol} (declared ${a.rows} x ${a.cols}); the course's ${a.symbol} is ${a.bankRows} x ${a.bankCols}`,
  STUDENT_LAYOUT_CONTRADICTED: (a) =>
    `right in the course's layout of ${a.symbol} (${a.bankRows} x ${a.bankCols}), though you declared ${a.symbol} as ${a.rows} x ${a.cols}`,
  DOC_LABEL_MISMATCH: (a) => `the part's label disagrees with its content: ${a.detail} (line ${a.line})`,
  DOC_FOUND_BY_CONTENT: (a) => `found by its content, not by a label: ${a.detail} (line ${a.line})`,
  DOC_FOUND_BY_LABEL: (a) => `found by its label: ${a.detail} (line ${a.line})`,
  DOC_FOUND_BY_POSITION: (a) => `found by its place, with no label or left-hand side naming it: ${a.detail} (line ${a.line})`,
  DOC_CASES_JOINED: (a) => `the cases, written as separate displays, were joined: ${a.detail} (line ${a.line})`,
  DOC_FRONT_MATTER: (a) => `the front matter could not be used: ${a.detail} (line ${a.line})`,
  DOC_MACRO_LIMIT: (a) => `macro expansion stopped: ${a.detail} (line ${a.line})`,
  DOC_UNREADABLE_BLOCK: (a) => `a block could not be read: ${a.detail} (line ${a.line})`,
  UNKNOWN_SET: (a) => `there is no problem set \`${a.set}\` (known: ${(a.known as string[]).join(', ')})`,
  DOC_NO_ANSWERS: (a) =>
    `no answers found in ${a.file}: no answer block, question label or derivation of the set was recognised (\`grader template SET\` writes a file with one block per question)`,
  DOC_SET: (a) =>
    a.reason === 'no-evidence'
      ? `graded against set ${a.set}, a guess with no evidence: the file names no set (front matter \`set:\`, \`grader-set:\`, or --set) and no answer was found to match`
      : `graded against set ${a.set} (${a.reason})`,
  // Submissions
  FILE_UNREADABLE: (a) => `cannot read the file: ${errno(a.detail)}`,
  FILE_TOO_LARGE: (a) => `the file is ${a.size} bytes; at most ${a.max} are read`,
  FILE_NOT_REGULAR: (a) => `not a regular file (${a.kind}); only regular files are read`,
  FILE_NOT_UTF8: (a) => `the file is not UTF-8 text: byte ${a.byte} at byte offset ${a.offset} cannot start a character`,
  YAML_TOO_DEEP: (a) => `the YAML is nested more than ${a.max} levels deep`,
  LIMIT_EXCEEDED: (a) => `${a.what}: ${a.count} ${a.unit}; at most ${a.max} are read`,
  NO_SUBMISSIONS: (a) => `no submissions found in ${a.path} (a folder's *.yaml, *.yml, *.md, *.markdown, *.tex and *.ipynb files are graded)`,
  WORKER_CRASHED: (a) => `grading this file stopped a worker thread (${a.detail}); it was not graded`,
  YAML_SYNTAX: (a) =>
    `YAML syntax error: ${a.detail}${a.echoes ? ` (the first; ${a.echoes} more after it likely follow from it: fix this one, often an indent, and check again)` : ''}`,
  YAML_BAD_ESCAPE: (a) => `YAML syntax error: ${a.detail}; a backslash was eaten by YAML double quotes: use single quotes or a \`|\` block`,
  YAML_UNQUOTED_COLON: (a) => `YAML syntax error: ${a.detail}; an answer with a colon in it must be quoted: put it in single quotes ('a: b') or a \`|\` block`,
  BACKSLASH_EATEN: (a) =>
    `${a.path}: \`${a.command}\` became a control character: a backslash was eaten by YAML double quotes: use single quotes or a \`|\` block`,
  STUDENT_FROM_FILE: (a) => `no \`student:\` in the file: graded as student \`${a.student}\` (the file's name); add \`student: <your id>\``,
  QUESTION_ID_RESOLVED: (a) =>
    `read answer id \`${a.id}\` as \`${a.resolved}\`${a.by === 'set' ? " (the file's `set:`)" : ' (the only question with that name)'}`,
  NOTEBOOK_JSON: (a) => `not a Jupyter notebook: the file is not valid JSON (${a.detail})`,
  NOTEBOOK_SHAPE: (a) => `not a Jupyter notebook: ${a.detail}`,
  SUBMISSION_SHAPE: (a) => `expected ${a.expected} at ${a.path || 'the top level'}`,
  SUBMISSION_UNKNOWN_KEY: (a) =>
    `unknown key \`${a.key}\` at the top level (it is ignored)${(a.suggestions as string[] | undefined)?.length ? `: did you mean ${list(a.suggestions)}?` : ''} (allowed: ${(a.allowed as string[]).join(', ')})`,
  UPLOAD_MISSING: (a) => `no file of answers was uploaded: upload answers.yaml (or a write-up: ${list(a.kinds)})`,
  UPLOAD_AMBIGUOUS: (a) => `several files of answers were uploaded (${a.files.join(', ')}): upload one, or name the one to grade answers.yaml`,
  UPLOAD_FAILED: () => 'the grader failed on this file; please tell the course staff (your upload is kept)',
  UNKNOWN_QUESTION: (a) =>
    `there is no question \`${a.id}\` in the bank${(a.suggestions as string[] | undefined)?.length ? `; did you mean ${list(a.suggestions)}?` : ''}`,
  // Specs
  SPEC_SCHEMA: (a) => `${a.path || 'the file'}: ${a.detail}`,
  SPEC_UNKNOWN_KEY: (a) =>
    `unknown key \`${a.key}\`${a.path ? ` in ${a.path}` : ''}${(a.suggestions as string[] | undefined)?.length ? `: did you mean ${list(a.suggestions)}?` : ''}${(a.allowed as string[] | undefined)?.length ? ` (allowed here: ${(a.allowed as string[]).join(', ')})` : ''}`,
  DUPLICATE_ID: (a) => `question id ${a.id} is used twice`,
  DUPLICATE_SET: (a) => `set ${a.set} is also defined in ${a.other}`,
  UNKNOWN_CONTEXT: (a) => `there is no context \`${a.name}\` (known: ${(a.known as string[]).join(', ') || 'none'})`,
  UNKNOWN_INDEX: (a) => `there is no index \`${a.name}\` (known: ${(a.known as string[]).join(', ') || 'none'})`,
  INDEX_OF_UNKNOWN: (a) => `index ${a.name} is \`of\` ${a.of}, which is not an index-list symbol`,
  INDEX_RANGE_LIMIT: (a) => `index ${a.name} ranges over ${a.lo}..${a.hi}; a range must be increasing and hold at most ${a.max} values`,
  PROOF_TOO_COSTLY: (a) => `proving this derivative by finite differences would take about ${a.work} operations; the limit is ${a.max} (use smaller sizes)`,
  SPEC_RECURSIVE: () => 'this expression refers to itself (through a family or a symbol) without end',
  SIZE_RANGE: (a) => `size ${a.name} = ${a.value} must be between 1 and 10000`,
  SHAPE_NEEDS_VECTOR: (a) => `${a.name} is drawn as ${a.dist}, so its shape must be a vector`,
  DIST_RANGE: (a) => `the range ${a.min}..${a.max} does not suit a ${a.dist} distribution`,
  DIST_INFEASIBLE: (a) => `cannot draw ${a.count} distinct indices from 1..${a.max} avoiding ${a.avoid} value(s)`,
  LOSS_NOT_SCALAR: (a) => `the loss must be a scalar, but is ${a.shape}`,
  WRT_NOT_SAMPLED: (a) => `the variable \`${a.wrt}\` must be (part of) exactly one randomly drawn symbol`,
  REFERENCE_SHAPE: (a) => `the reference is ${a.got} but ${a.of} is ${a.expected}`,
  MISTAKE_SHAPE: (a) => `the mistake \`${a.answer}\` is ${a.got} but the reference is ${a.expected}`,
  MISTAKE_NOT_WRONG: (a) => `the mistake \`${a.answer}\` equals the reference: it is not a mistake`,
  MISTAKE_SHADOWED: (a) => `the mistake \`${a.answer}\` is never reported: an earlier mistake has the same value`,
  NO_FAILING_EXAMPLE: () => 'the question has no example that must fail',
  TERMS_MISMATCH: (a) => `the terms do not add up to the reference (at ${a.wrong} of ${a.total} points)`,
  UNUSED_SYMBOL: (a) => `symbol \`${a.name}\` is declared but no question uses it`,
  NO_INCORRECT_EXAMPLE: (a) => `${a.id} has no example that is wrong in value (verdict: incorrect)`,
  PROMPT_MISSING_SYMBOL: (a) => `${a.id}: the prompt never mentions \`${a.name}\`, which the reference uses`,
  FEW_LATEX_EXAMPLES: (a) =>
    `${a.id}: ${a.count} LaTeX example(s); give at least ${a.min}, so that the question's notation is proven to read as students write it`,
  UNNAMED_MISTAKE: (a) =>
    `${a.id}: the incorrect example \`${a.answer}\` gets no named diagnosis, so a student would hear only that the value differs: add it to \`mistakes:\` with feedback, or name the reference's \`terms:\``,
  DISCRETE_NOT_COVERED: (a) =>
    `${a.id}: \`${a.name}\` is ${(a.seen as number[]).join(', ')} at all ${a.points} points, of ${a.domain} possible values: an answer wrong for the others would pass; raise \`samples\` or use another seed`,
  REFERENCE_OFTEN_UNDEFINED: (a) => `${a.id}: the reference was undefined at ${a.rejected} draws for ${a.kept} points kept`,
  UNKNOWN_IMPLEMENTATION: (a) => `there is no reference implementation \`${a.name}\` (known: ${(a.known as string[]).join(', ')})`,
  IMPLEMENTATION_NEEDS: (a) => `implementation ${a.name} ${a.detail}`,
  REFERENCE_UNDEFINED: (a) => `the reference is undefined at too many sample points (${a.found} of ${a.wanted} found in ${a.tries} draws)`,
  FD_MISMATCH: (a) =>
    `the reference differs from finite differences of the loss${a.lossLine ? ` (derivative: line ${a.lossLine})` : ''} with respect to ${a.wrt}: ${a.factor ? `the reference is ${a.factor} times the loss's gradient (factor ${a.factor}); ` : ''}relative error ${Number(a.error).toExponential(2)} (must be below ${a.max})`,
  FD_UNCHECKED: (a) =>
    `the reference could not be checked against finite differences of the loss with respect to ${a.wrt}: no sample point of moderate scale has the reference defined${a.sizes ? ` (at ${a.sizes})` : ''}`,
  DEFINITION_MISMATCH: (a) => `the reference differs from its definition at ${a.wrong} of ${a.total} points`,
  EXAMPLE_VERDICT: (a) =>
    `example \`${a.answer}\` should be ${a.expected} but is ${a.got}${(a.because as string[] | undefined)?.length ? ` (${(a.because as string[]).join(', ')})` : ''}`,
  BANK_UNREADABLE: (a) => `cannot read the problem bank: ${errno(a.detail)}`,
  BANK_EMPTY: () => 'no problem files (*.yaml) found',
  BANK_BROKEN: () => 'the problem bank has errors: run `grader check`',
  USAGE: (a) => String(a.detail),
};

/** A finding in words (without its position). */
export function message(f: Finding): string {
  // Findings may come from outside (a JSON report): an unknown code is shown as data.
  const render = Object.hasOwn(MESSAGES, f.code) ? (MESSAGES[f.code] as (a: Args) => string) : undefined;
  return render ? render(f.args) : `${f.code} ${JSON.stringify(f.args)}`;
}

/**
 * A diagnosis of a step's jump, worded for the step: the side is compared with the side before it,
 * not with the expected answer (`SIGN_FLIPPED` says "this side is the negative of the previous one").
 */
const codes = (xs: unknown): string => (xs as string[]).map((x) => `\`${x}\``).join(', ');
const STEP_WORDS: { readonly [C in Code]?: (a: ArgsOf<C>) => string } = {
  ZERO_ANSWER: () => 'this side is zero everywhere, and the side before it is not',
  SIGN_FLIPPED: () => 'the sign is flipped: this side is the negative of the previous one',
  TRANSPOSED: () => 'this side is the transpose of the previous one',
  CONSTANT_FACTOR: (a) => `this side is ${a.factor} times the previous one: check the constant factor`,
  CONSTANT_TERM: (a) => `this side differs from the previous one by a constant ${a.term}`,
  MISSING_TERM: (a) => `a term of the previous side is missing: ${a.term}`,
  EXTRA_TERM: (a) => `the term ${a.term} appears once too often on this side`,
  DEPENDS_ON_EXTRA: (a) => `this side depends on ${codes(a.symbols)}, which the previous one does not`,
  MISSING_DEPENDENCY: (a) => `this side does not depend on ${codes(a.symbols)}, which the previous one does`,
  VALUE_MISMATCH: (a) => `this side differs from the previous one at ${a.wrong} of ${a.total} sample points`,
  NOT_FINITE: (a) => `this side is undefined (NaN or infinite) in ${a.count} case(s) where the previous one is defined`,
};

/** A finding about a step of a derivation in words: step wording where the answer's would mislead. */
export function stepMessage(f: Finding): string {
  const render = Object.hasOwn(STEP_WORDS, f.code) ? (STEP_WORDS[f.code] as (a: Args) => string) : undefined;
  return render ? render(f.args) : message(f);
}

/** `file:line:col` or `at character N`, for a finding's position. */
export function where(f: Finding): string {
  const at = f.at;
  if (!at) return '';
  if (at.file && at.line) return `${at.file}:${at.line}:${at.col ?? 1}`;
  if (at.file) return at.file;
  return at.offset !== undefined ? `at character ${at.offset + 1}` : '';
}
