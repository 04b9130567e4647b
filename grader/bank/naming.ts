import type { ProblemSetSpec } from './schema.js';
import type { Bank, Naming, ProblemSet } from './types.js';

export type { Naming } from './types.js';

export function namingOf(bank: Bank): Naming[] {
  return bank.sets.map((s) => s.naming ?? setNaming(s));
}

export function setNaming(set: ProblemSet): Naming {
  return {
    set: set.set,
    title: set.title,
    questions: set.questions.map((q) => ({ id: q.id, title: q.title, labels: q.labels, asks: q.asks, ...(q.free ? { free: q.free.name } : {}) })),
    prompts: new Map(set.questions.map((q) => [q.id, q.prompt])),
  };
}

/**
 * The same naming read from a set's (valid) spec, without building its questions: a bank loaded
 * for write-ups finds which set each answers before it builds that set alone. For a set that
 * builds cleanly it equals setNaming of the built set (a test holds them together).
 */
export function specNaming(spec: ProblemSetSpec): Naming {
  const questions: Naming['questions'][number][] = [];
  const prompts = new Map<string, string>();
  for (const q of spec.questions) {
    const id = `${spec.set}/${q.id}`;
    const named = q.parts.length
      ? q.parts.map((p) => ({
          at: p,
          id: `${id}/${p.id}`,
          title: p.title ?? `${q.title} (${p.id})`,
          prompt: p.prompt ? `${q.prompt}\n\n${p.prompt}` : q.prompt,
        }))
      : [{ at: q, id, title: q.title, prompt: q.prompt }];
    for (const { at, id, title, prompt } of named) {
      questions.push({ id, title, labels: at.labels, asks: at.asks, ...(at.free !== undefined ? { free: at.free } : {}) });
      prompts.set(id, prompt);
    }
  }
  return { set: spec.set, title: spec.title, questions, prompts };
}
