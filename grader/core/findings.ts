/**
 * Findings are data: a code with arguments, rendered into words by report/.
 * Positions are never baked into messages; they travel beside them.
 */
import type { ArgsOf, Code, NoArgs } from './codes.js';

export type { ArgsOf, Code, CodeArgs } from './codes.js';
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

/** A finding as data: made by `finding()`, which checks the arguments against the code's shape. */
export interface Finding {
  readonly code: Code;
  readonly args: Args;
  readonly at?: Position;
  readonly severity?: Severity;
}

/** The arguments after the code: optional when the code takes none. */
type Rest<C extends Code, More extends unknown[]> = NoArgs extends ArgsOf<C> ? [args?: ArgsOf<C>, ...More] : [args: ArgsOf<C>, ...More];

export const finding = <C extends Code>(code: C, ...[args, at, severity]: Rest<C, [at?: Position, severity?: Severity]>): Finding => ({
  code,
  args: args ?? {},
  ...(at ? { at } : {}),
  ...(severity ? { severity } : {}),
});

/** The one error type for bad input (answers, submissions, specs): it carries a finding. */
export class InputError extends Error {
  readonly finding: Finding;
  constructor(finding: Finding) {
    // Bad input, reported as a finding, not a fault: no stack to capture (a batch throws hundreds).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(finding.code);
    Error.stackTraceLimit = limit;
    this.finding = finding;
    this.name = 'InputError';
  }
}

export const fail = <C extends Code>(code: C, ...[args, at]: Rest<C, [at?: Position]>): never => {
  throw new InputError(finding(code, ...([args, at] as Rest<C, [at?: Position]>)));
};

/** Moves a finding to a new position (e.g. an expression's offset inside a YAML file). */
export const relocate = <F extends Finding>(f: F, at: Position | undefined): F => (at ? { ...f, at: { ...f.at, ...at } } : f);
