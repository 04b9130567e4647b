/**
 * `grader new`: problem sets and questions to start from, with comments that teach the format.
 * Each scaffold is a working example that `grader check --strict` proves, so an author edits a
 * question that passes rather than filling in blanks.
 */
export function setTemplate(set: string, schemaPath?: string): string {
  return `${schemaPath ? `# yaml-language-server: $schema=${schemaPath}\n` : ''}# A problem set: one file per assignment. Run \`grader check --strict\` after every change;
# the field reference is problems/SPEC.md (\`grader schema --markdown\`).
set: ${set}                  # the first part of every question id: ${set}/<question id>
title: "${set}"
description: |
  Conventions students read with every prompt: vectors are columns unless said otherwise;
  sigma is the logistic sigmoid, applied elementwise; indices start at 1.

# Sizes name the dimensions. Keep them distinct (3, 5, 7, ...) so that no wrong shape can pass.
sizes: { n: 3 }

# Symbols students may use: each is drawn at random (\`sample\`) or derived (\`value\`).
# Shapes: scalar (default), a size for a column (n is n x 1), or [rows, cols].
# Samples: normal, uniform, positive, onehot, probability, {dist: index, max: n},
# {dist: indices, count: k, max: n, distinctFrom: [o]}, {dist: integer, min: 1, max: 9}.
symbols:
  x: { shape: n, sample: normal, description: "an input vector" }
  w: { shape: n, sample: normal, description: "the weights" }
  s: { value: "sigma(w' * x)" }  # derived, in mathjs syntax

# Index letters, for free indices and sums: sum(i, x_i) runs over i = 1..n.
indices:
  i: { range: [1, n] }

# Families let students write x_i for entry i of x (or u_w for column w of U: "U[:, i]").
families:
  x: "x[i]"

questions:
  - id: grad-w
    title: Gradient of a logistic unit
    prompt: |
      With $s = \\sigma(w^\\top x)$, find $\\partial s / \\partial w$ (an n x 1 column).
    points: 1
    # \`check\` compares the reference with central finite differences of this loss.
    derivative: { of: "s", wrt: w }
    reference: "s * (1 - s) * x"
    # Known wrong answers: matched by value, with feedback and optional partial credit.
    mistakes:
      - answer: "s * x"
        feedback: "Differentiate the sigmoid too: sigma'(z) = sigma(z) (1 - sigma(z))."
        credit: 0.25
      - answer: "s * (1 - s) * w"
        feedback: "The chain rule brings out x, the factor that multiplies w: d(w'x)/dw = x."
    # Each example must get its verdict (\`check\` proves it); include answers that must fail,
    # and at least 3 in LaTeX (\`check --strict\`). Single quotes keep a backslash as written.
    examples:
      - { answer: "sigma(w' * x) * (1 - sigma(w' * x)) * x", verdict: correct }
      - { answer: 's(1 - s)\\,\\mathbf{x}', verdict: correct, note: LaTeX }
      - { answer: '\\sigma(w^\\top x)(1 - \\sigma(w^\\top x))\\, x', verdict: correct, note: LaTeX }
      - { answer: 's * x', verdict: incorrect }
      - { answer: 's\\, \\mathbf{x}', verdict: incorrect, note: LaTeX }
      - { answer: "(s * (1 - s) * x)'", verdict: correct, note: "a row is forgiven for a column" }
      - { answer: 's * (1 - s) * w', verdict: incorrect }
`;
}

export function questionTemplate(id: string): string {
  return `id: ${id}  # graded as <set>/${id}; \`grader check --strict\` proves what follows
title: "${id}"
prompt: |
  For a scalar $t$, find $d(t^2)/dt$.
points: 1
symbols:
  t: { sample: normal }  # a question may add symbols (or replace the set's) for itself
derivative: { of: "t^2", wrt: t }  # check compares the reference with finite differences of this
reference: "2 * t"
examples:  # each must get its verdict; keep one that must fail, and 3 in LaTeX (single quotes)
  - { answer: '2t', verdict: correct }
  - { answer: 't', verdict: incorrect }
  - { answer: '2\\,t', verdict: correct, note: LaTeX }
  - { answer: '\\frac{4t}{2}', verdict: correct, note: LaTeX }
  - { answer: '\\frac{t}{2}', verdict: incorrect, note: LaTeX }
`;
}
