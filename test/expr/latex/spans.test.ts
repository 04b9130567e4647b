/** Where LaTeX nodes were read from, worked out when first asked, against spans taken as each node was marked. */
import { describe, expect, it } from 'vitest';
import type { Position } from '../../../grader/core/index.js';
import { questionScope } from '../../../grader/compare/read.js';
import { vocabFor } from '../../../grader/expr/index.js';
import { lex } from '../../../grader/expr/latex/lexer.js';
import { LatexParser } from '../../../grader/expr/latex/parser.js';
import type { Node } from '../../../grader/expr/math.js';
import { walk } from '../../../grader/expr/parse.js';
import { looksLikeLatex, unwrap } from '../../../grader/expr/read.js';
import { BANK } from '../../helpers.js';
import { corpus } from '../fastparse-helpers.js';
import { allQuestions } from '../../../grader/bank/load.js';

const q = allQuestions(BANK).find((x) => x.id === 'cs224n-a2/naive-softmax-grad-vc')!;
const vocab = vocabFor(questionScope(q).scope, q.primeTranspose);

/** The tree of a LaTeX text and its nodes' spans, asked after each mark (`eager`) or once parsing is done. */
function spans(text: string, eager: boolean): (Position | undefined)[] | undefined {
  const { inner, base } = unwrap(text);
  let p: LatexParser;
  let tree: Node;
  try {
    p = new LatexParser(lex(inner, base), vocab);
    if (eager) {
      const mark = p.c.mark.bind(p.c);
      p.c.mark = <N extends Node>(node: N, start: Parameters<typeof mark>[1]): N => {
        mark(node, start);
        p.c.spanOf(node);
        return node;
      };
    }
    tree = p.parseAll();
  } catch {
    return undefined;
  }
  const out: (Position | undefined)[] = [];
  walk(tree, (n) => out.push(p.c.spanOf(n)));
  return out;
}

describe('LaTeX spans', () => {
  it('are the same asked after parsing as asked while marking, on every LaTeX text of the corpus', () => {
    let read = 0;
    for (const text of corpus().filter(looksLikeLatex)) {
      const late = spans(text, false);
      expect(late, text).toEqual(spans(text, true));
      if (late?.some((s) => s !== undefined)) read++;
    }
    expect(read).toBeGreaterThan(100);
  });
});
