import type { QuestionNaming, SetNaming } from '../document/types.js';
import type { Bank, ProblemSet } from './types.js';

/**
 * How each set of the bank is named in write-ups (labels, the quantity each question asks for),
 * for document/, which must know nothing else of the bank. Prompts come along for the template.
 */
export function namingOf(bank: Bank): (SetNaming & { readonly prompts: ReadonlyMap<string, string> })[] {
  return bank.sets.map(setNaming);
}

export function setNaming(set: ProblemSet): SetNaming & { readonly prompts: ReadonlyMap<string, string> } {
  const questions: QuestionNaming[] = set.questions.map((q) => ({
    id: q.id,
    title: q.title,
    labels: q.labels,
    asks: q.asks,
    ...(q.free ? { free: q.free.name } : {}),
  }));
  return { set: set.set, title: set.title, questions, prompts: new Map(set.questions.map((q) => [q.id, q.prompt])) };
}
