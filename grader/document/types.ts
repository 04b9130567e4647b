/**
 * What reading a write-up yields, before any grading: for each question of a set, where its
 * answer stands, the derivation that ends in it (one step per side of each `=`), and the
 * student's own definitions. document/ finds and splits; compare/ judges (see
 * ../shared/document-contract.md for the JSON these become).
 */

/** The kinds of document the grader reads. */
export type DocumentFormat = 'markdown' | 'latex' | 'notebook';

/** One side of an `=` in a displayed chain, verbatim LaTeX (alignment `&`, `\\`, `\tag`, `\label` removed). */
export interface DocStep {
  readonly latex: string;
  /** The same with the student's macros expanded: what is read and evaluated. */
  readonly expanded: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** Which chain of the answer the step belongs to (0-based); a chain's first step opens it. */
  readonly chain: number;
}

/** A definition of the student's own: `\theta = U^T v_c`, `\rho(x) = ...`, `\newcommand{\by}{...}`. */
export interface DocDefinition {
  /** Verbatim, as written in the document. */
  readonly latex: string;
  readonly line: number;
  /** The name defined, as LaTeX (`\theta`, `\rho`; for a declared shape the symbol, `U`), or undefined for a macro. */
  readonly name?: string;
  /** Parameters of a function definition (`x` in `\rho(x) = ...`). */
  readonly params?: readonly string[];
  /** The defining formula, as LaTeX (macros already expanded). */
  readonly value?: string;
  /** A declared shape (`U \in \mathbb{R}^{|V| \times d}`): rows and cols as written. */
  readonly shape?: { readonly rows: string; readonly cols: string };
}

/** One answer found for a question (a cases question may be answered by several, one per case). */
export interface LocatedPart {
  /** The part's label as the document writes it (`(b)`, `1)c.`, `## 1a`), or '' when found by content alone. */
  readonly label: string;
  /** 1-based line of the final answer. */
  readonly line: number;
  /** The final answer, verbatim LaTeX (the last side of the answer's chain, trailing prose set aside). */
  readonly final: string;
  /** The final with macros expanded. */
  readonly finalExpanded: string;
  readonly steps: readonly DocStep[];
  /** For a cases answer written as separate displays: the condition this part covers (`w = o`), as LaTeX. */
  readonly case?: string;
  /**
   * Its chain's left-hand side names another variable than its steps differentiate by (a left-hand
   * side copied from the part before): that variable (`U`), for the step checks to say so.
   */
  readonly differentiatedBy?: string;
}

/** A question's answer in a document. */
export interface LocatedAnswer {
  /** `<set>/<question>` */
  readonly id: string;
  readonly parts: readonly LocatedPart[];
  /**
   * The final answer to grade, as one LaTeX formula: the single part's final, or the parts' cases
   * joined into one `\begin{cases} ... \end{cases}`.
   */
  readonly final: string;
  /** The same with macros expanded: what is graded. */
  readonly finalExpanded: string;
  /** Why the location is in doubt (a label that disagrees with the content), as notes for the report. */
  readonly notes: readonly DocNote[];
}

export interface DocNote {
  readonly code:
    'LABEL_MISMATCH' | 'FOUND_BY_CONTENT' | 'FOUND_BY_LABEL' | 'FOUND_BY_POSITION' | 'CASES_JOINED' | 'MACRO_LIMIT' | 'UNREADABLE_BLOCK' | 'FRONT_MATTER';
  readonly line: number;
  readonly detail: string;
}

/** A whole write-up, read and located: what compare/ grades. */
export interface LocatedDocument {
  readonly file: string;
  readonly format: DocumentFormat;
  /** The set the document answers, and how that was decided. */
  readonly set: string;
  readonly setReason: 'option' | 'front-matter' | 'comment' | 'best-match';
  /** The student's id: front matter `student:`, `\author{}`, else the file name. */
  readonly student: string;
  /** Answers by question id; a question not found is absent. */
  readonly answers: ReadonlyMap<string, LocatedAnswer>;
  /** The student's own definitions, in document order, usable in every answer and step. */
  readonly definitions: readonly DocDefinition[];
  readonly notes: readonly DocNote[];
}

/**
 * How a bank question is named in documents, given by the caller (cli) from the bank, so that
 * document/ needs nothing of bank/: its part labels and the quantity it asks for.
 */
export interface QuestionNaming {
  /** `<set>/<question>` */
  readonly id: string;
  readonly title: string;
  /** Part labels documents use for it (`1(b)`, `(b)`, `1b`), from the spec. */
  readonly labels: readonly string[];
  /** LaTeX spellings of the quantity it asks for (`\frac{\partial J}{\partial v_c}`), from the spec. */
  readonly asks: readonly string[];
  /** The free index, when the answer is per index (`w` for dJ/du_w): its cases may come as separate displays. */
  readonly free?: string;
}

export interface SetNaming {
  readonly set: string;
  readonly title: string;
  readonly questions: readonly QuestionNaming[];
}

/**
 * The reader's signature (grader/document/index.ts):
 * `readDocument(file: string, text: string, sets: readonly SetNaming[], opts?: ReadOptions): LocatedDocument`.
 * It throws InputError (with file, line, col) only when the file cannot be read as its format at all.
 */
export interface ReadOptions {
  /** `--set`: the set to locate answers for; otherwise front matter, a `% grader-set:` comment, or the best match. */
  readonly set?: string;
}
