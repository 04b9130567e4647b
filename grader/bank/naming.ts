import type { Bank, ProblemSet } from './types.js';

/**
 * How each set of the bank is named in write-ups (labels, the quantity each question asks for),
 * for document/, which must know nothing else of the bank: the shape of document/'s SetNaming,
 * written here so that bank/ imports nothing of document/. Prompts come along for the template.
 */
export interface Naming {
  readonly set: string;
  readonly title: string;
  readonly questions: readonly {
    readonly id: string;
    readonly title: string;
    readonly labels: readonly string[];
    readonly asks: readonly string[];
    readonly free?: string;
  }[];
  readonly prompts: ReadonlyMap<string, string>;
}

export function namingOf(bank: Bank): Naming[] {
  return bank.sets.map(setNaming);
}

export function setNaming(set: ProblemSet): Naming {
  return {
    set: set.set,
    title: set.title,
    questions: set.questions.map((q) => ({ id: q.id, title: q.title, labels: q.labels, asks: q.asks, ...(q.free ? { free: q.free.name } : {}) })),
    prompts: new Map(set.questions.map((q) => [q.id, q.prompt])),
  };
}
