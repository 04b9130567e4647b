/**
 * Findings are data: a code with arguments, rendered into words by report/.
 * Positions are never baked into messages; they travel beside them.
 */
export type ArgValue = string | number | boolean | readonly string[] | readonly number[] | undefined;
export type Args = Readonly<Record<string, ArgValue>>;

/** A place in a source: a file's line and column (1-based) and/or a character offset in an answer. */
export interface Position {
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  /** 0-based character offset into the answer text. */
  readonly offset?: number;
  readonly length?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: string;
  readonly args: Args;
  readonly at?: Position;
  readonly severity?: Severity;
}

export const finding = (code: string, args: Args = {}, at?: Position, severity?: Severity): Finding => ({
  code,
  args,
  ...(at ? { at } : {}),
  ...(severity ? { severity } : {}),
});

/** The one error type for bad input (answers, submissions, specs): it carries a finding. */
export class InputError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.code);
    this.name = 'InputError';
  }
}

export const fail = (code: string, args: Args = {}, at?: Position): never => {
  throw new InputError(finding(code, args, at));
};

/** Moves a finding to a new position (e.g. an expression's offset inside a YAML file). */
export const relocate = (f: Finding, at: Position | undefined): Finding => (at ? { ...f, at: { ...f.at, ...at } } : f);
