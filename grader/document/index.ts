import { type Chain, chainsOf } from './chains.js';
import { setAside, stripProse } from './prose.js';
import { type Candidate, locate } from './locate.js';
import { definitionsOf } from './definitions.js';
import { finalIndex } from './final.js';
import { frontMatter } from './front.js';
import { latexLayout, type Layout, markdownLayout } from './labels.js';
import { collectMacros, expand, EXPAND_LIMITS, type Macro } from './macros.js';
import { blankLatexComments, blankMarkdownCode, type MathBlock, mathFences, scanMath } from './math.js';
import { definedName, lossTag, quantityOf } from './names.js';
import { readSource } from './source.js';
import { plainMath } from './plain.js';
import { operatorOnAll, plainToLatex, primesAsTransposes, unicodeToLatex } from './unicode.js';
import { differentiated } from './wrt.js';
import type { DocNote, DocStep, LocatedAnswer, LocatedDocument, LocatedPart, ReadOptions, SetNaming } from './types.js';

export type * from './types.js';
export { renderTemplate } from './template.js';

/** Blocks longer than this are set aside unread (a note says so): bounded time on hostile input. */
const MAX_BLOCK = 20_000;
const MAX_TEXT = 200_000;

/**
 * Read a write-up (Markdown, LaTeX or a notebook) and locate each question's answer of its set:
 * the final, the chain of steps that ends in it, and the student's own definitions. Throws
 * InputError only when the file cannot be read as its format at all (a broken notebook).
 */
export function readDocument(file: string, text: string, sets: readonly SetNaming[], opts: ReadOptions = {}): LocatedDocument {
  const source = readSource(file, text);
  const latex = source.format === 'latex';
  const notes: DocNote[] = [];
  // write-ups run to tens of kilobytes: past the limit a file is read in part, so time stays bounded
  const kept = source.text.length > MAX_TEXT ? source.text.slice(0, MAX_TEXT) : source.text;
  if (kept !== source.text)
    notes.push({
      code: 'UNREADABLE_BLOCK',
      line: source.lineOf(MAX_TEXT),
      detail: `the document is ${source.text.length} characters long; only the first ${MAX_TEXT} are read`,
    });
  const scan = latex ? blankLatexComments(kept) : blankMarkdownCode(kept);
  const macroList = collectMacros(scan);
  const macros = new Map<string, Macro>(macroList.map((m) => [m.name, m]));
  let limited = false;
  const expanded = (s: string, plainText = false) => {
    const r = expand(operatorOnAll(primesAsTransposes(setAside(plainText ? plainToLatex(s) : unicodeToLatex(s)))), macros);
    if (r.limited && !limited) {
      limited = true;
      // the macro being expanded when the limit hit: in a loop, the one that expands into itself
      notes.push({
        code: 'MACRO_LIMIT',
        line: source.lineOf(r.limited.at),
        detail: `\\${r.limited.name}, defined as ${r.limited.latex.slice(0, 80)}, was still expanding at the limit (${EXPAND_LIMITS.uses} uses or ${EXPAND_LIMITS.size} characters): does it expand into itself? The math is read unexpanded`,
      });
    }
    return r.text;
  };

  const scanned = scanMath(scan);
  const unclosed = scanned.unclosed;
  // Markdown math typed without `$` (transcribed handwriting): read as plain math, as displays
  const fenced = latex ? [] : mathFences(kept);
  const plain = latex ? [] : plainMath(scan, scanned.blocks);
  const extra = [...fenced, ...plain];
  const blocks = extra.length ? [...scanned.blocks, ...extra].sort((a, b) => a.start - b.start) : scanned.blocks;
  const inPlain = (at: number) => within(plain, at);
  for (const u of unclosed.slice(0, 20)) notes.push({ code: 'UNREADABLE_BLOCK', line: source.lineOf(u.at), detail: `${u.what} is never closed; read as text` });
  const displays = blocks.filter((b) => b.display);
  const inDisplay = (at: number) => within(displays, at);
  const layout: Layout = latex ? latexLayout(scan, kept) : markdownLayout(scan, inDisplay);
  // what a side names is read through the student's macros (`\pd{J}{v_c}`); the steps keep the text as written
  const named = (s: string) => (macros.size ? expand(s, macros).text : s);
  const cands = candidates(blocks, layout, scan, source.lineOf, notes, named);
  // a LaTeX template's answer boxes hold every answer: math outside them is the copied question,
  // never an answer (an empty box must not be graded on the prompt's own equation)
  const boxed = latex && (scan.match(/\\begin\s*\{answer\}/g)?.length ?? 0) >= 2;
  const blocksOf = layout.markers.filter((m) => m.answerId).length >= 2; // `<!-- answer: id -->` markers
  const answerable = boxed || blocksOf ? cands.filter((c) => c.inAnswer || layout.markers[c.region]?.answerId) : cands;

  const front = frontMatter(file, source.text);
  notes.push(...front.notes);
  const commentSet = latex ? /^%[ \t]*grader-set:[ \t]*(\S+)/m.exec(source.text)?.[1] : /<!--\s*grader-set:\s*(\S+)\s*-->/.exec(source.text)?.[1];
  const byId = (id: string | undefined) => sets.find((s) => s.set === id);
  const chosen: { set?: SetNaming; reason: LocatedDocument['setReason'] } = byId(opts.set)
    ? { set: byId(opts.set)!, reason: 'option' }
    : front.set !== undefined
      ? { set: byId(front.set), reason: 'front-matter' }
      : byId(commentSet)
        ? { set: byId(commentSet)!, reason: 'comment' }
        : { set: bestMatch(sets, answerable, layout), reason: 'best-match' };

  // a set the front matter names but the bank lacks is kept, so it is rejected as `--set` would be, not guessed
  if (front.set !== undefined && !chosen.set && opts.set === undefined)
    notes.push({
      code: 'FRONT_MATTER',
      line: front.setLine ?? 2,
      detail: `\`set: ${front.set}\` names no set of the bank (${sets.map((s) => s.set).join(', ')})`,
    });
  const answers = new Map<string, LocatedAnswer>();
  if (chosen.set) {
    const { found, notes: more } = locate(answerable, layout.markers, chosen.set.questions);
    notes.push(...more);
    for (const q of chosen.set.questions) {
      const f = found.get(q.id);
      if (!f) continue;
      const parts: LocatedPart[] = f.parts.map((p) => part(p.cand, p.steps, p.case));
      const joined = parts.length > 1 && parts.every((p) => p.case !== undefined);
      const cases = (key: 'final' | 'finalExpanded') => `\\begin{cases} ${parts.map((p) => `${p[key]} & ${p.case}`).join(' \\\\ ')} \\end{cases}`;
      answers.set(q.id, {
        id: q.id,
        parts,
        final: joined ? cases('final') : parts[parts.length - 1]!.final,
        finalExpanded: joined ? cases('finalExpanded') : parts[parts.length - 1]!.finalExpanded,
        notes: f.notes,
      });
    }
  }
  const author = latex ? /\\author\s*\{([^{}]*)\}/.exec(scan)?.[1]?.trim() : undefined;
  return {
    file,
    format: source.format,
    set: chosen.set?.set ?? opts.set ?? front.set ?? '',
    setReason: chosen.reason,
    student: front.student || author || baseName(file),
    answers,
    definitions: definitionsOf(
      cands,
      blocks,
      scan,
      macroList.filter((m) => usedIn(m, blocks)),
      source.lineOf,
      (s, at) => expanded(s, at !== undefined && inPlain(at)),
      // a LaTeX template with answer boxes: what stands outside them is the copied question
      (at) => latex && layout.answers.length > 0 && !layout.answers.some((a) => a.start <= at && at < a.end),
    ),
    notes,
  };

  function part(cand: Candidate, steps: readonly Candidate[], cs?: string): LocatedPart {
    const docSteps: DocStep[] = [];
    let chain = -1;
    for (const c of steps) {
      chain++;
      c.chain.sides.forEach((s, i) => {
        if (i > 0 && s.opens) chain++;
        docSteps.push({ latex: s.latex, expanded: expanded(s.latex, inPlain(s.at)), line: source.lineOf(s.at), chain });
      });
    }
    const last = cand.chain.sides[finalIndex(cand.chain.sides)]!;
    const final = setAside(stripProse(last.latex));
    const region = layout.markers[cand.region];
    return {
      label: region?.path.length || region?.answerId ? region.label : '',
      line: source.lineOf(last.at),
      final,
      finalExpanded: expanded(final, inPlain(last.at)),
      steps: docSteps,
      ...(cs !== undefined ? { case: cs } : {}),
      ...(cand.relabelled && cand.lhs ? { differentiatedBy: cand.lhs.index ? `${cand.lhs.base}_${cand.lhs.index}` : cand.lhs.base } : {}),
    };
  }
}

/** Chains of every math block, `$= ...$` lines joined to the chain above, with where each stands. */
function candidates(
  blocks: readonly MathBlock[],
  layout: Layout,
  text: string,
  lineOf: (at: number) => number,
  notes: DocNote[],
  named: (latex: string) => string,
): Candidate[] {
  const out: Candidate[] = [];
  let regionIdx = -1;
  let prevEnd = 0;
  let prev: { chain: Chain; display: boolean } | undefined;
  let prevBlockEnd = -1;
  blocks.forEach((b, i) => {
    while (regionIdx + 1 < layout.markers.length && layout.markers[regionIdx + 1]!.at <= b.start) regionIdx++;
    if (b.body.length > MAX_BLOCK) {
      notes.push({ code: 'UNREADABLE_BLOCK', line: lineOf(b.start), detail: `a math block of ${b.body.length} characters is set aside unread` });
      return;
    }
    const inAnswer = layout.answers.some((a) => a.start <= b.start && b.start < a.end);
    const hint = caseHint(blocks, i, text, prevEnd);
    if (b.display) prevEnd = b.end;
    // `**Answer:** $U(\hat y - y)$` under a derivation: its last side
    const before = text.slice(Math.max(0, b.start - 40), b.start);
    const nl = before.lastIndexOf('\n');
    const answerLine = (nl >= 0 || b.start <= 40) && ANSWER_LABEL.test(before.slice(nl + 1));
    for (const chain of chainsOf(b, i)) {
      // (close by, in the same part: a `= ...` far from any chain is a chain without its left-hand side)
      const near = prevBlockEnd >= 0 && b.start - prevBlockEnd <= 400 && out.at(-1)?.region === regionIdx;
      const continued =
        chain.continued ||
        (answerLine && chain.sides.length === 1 && (out.at(-1)?.chain.sides.length ?? 0) > 1) ||
        (said(blocks, i, text, named) && chain.sides.length === 1);
      if (continued && prev && out.length && near) {
        // `$= ...$` on its own line: one more step of the chain above
        const last = out.pop()!;
        const merged: Chain = { ...last.chain, sides: [...last.chain.sides, ...chain.sides] };
        out.push(candidate(merged, last.region, true, last.inAnswer, last.caseHint));
        prev = { chain: merged, display: true };
        continue;
      }
      out.push(candidate(chain, regionIdx, b.display, inAnswer, hint));
      prev = { chain, display: b.display };
    }
    prevBlockEnd = b.end;
  });
  return out;

  function candidate(chain: Chain, region: number, display: boolean, inAnswer: boolean, hint?: string): Candidate {
    const head = chain.sides.length > 1 ? named(chain.sides[0]!.latex) : '';
    const written = chain.sides.length > 1 ? quantityOf(head) : undefined;
    const other =
      written &&
      differentiated(
        chain.sides.map((s) => ({ ...s, latex: named(s.latex) })),
        written,
      );
    const lhs = other ?? written;
    const loss = chain.sides.length > 1 && !lhs ? lossTag(head) : undefined;
    const definition = loss === undefined && (chain.def || (chain.sides.length > 1 && !lhs && definedName(head) !== undefined));
    const last = chain.sides[chain.sides.length - 1]!;
    return {
      chain,
      region,
      display,
      inAnswer,
      ...(lhs ? { lhs } : {}),
      ...(other ? { relabelled: true } : {}),
      definition,
      ...(loss !== undefined ? { loss } : {}),
      ...(hint ? { caseHint: hint } : {}),
      line: lineOf(last.at),
    };
  }
}

/** `$\frac{\partial J}{\partial v_c}$ is $U(\hat y - y)$`: an inline quantity, a word for `=`, then inline math on the same line. */
function said(blocks: readonly MathBlock[], i: number, text: string, named: (latex: string) => string): boolean {
  const b = blocks[i]!;
  const a = blocks[i - 1];
  if (!a || a.display || b.display || b.start - a.end > 30) return false;
  if (!/^[ \t]*(?:=|is|equals|is equal to|becomes|gives|reads)[ \t]*$/i.test(text.slice(a.end, b.start))) return false;
  return !a.body.includes('=') && quantityOf(named(a.body)) !== undefined;
}

const ANSWER_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:final\s+)?(?:answer|result)\s*:?\s*(?:\*\*|__)?\s*:?\s*$/i;
const COND = /^\s*([A-Za-z])\s*(=|\\neq|\\ne|\\not=|!=)\s*([A-Za-z0-9])\s*[.,;]?\s*$/;

/** A case condition in inline math just after a display on its line, or in the prose since the last display. */
function caseHint(blocks: readonly MathBlock[], i: number, text: string, since: number): string | undefined {
  const b = blocks[i]!;
  if (!b.display) return undefined;
  const lineEnd = text.indexOf('\n', b.end);
  for (let j = i + 1; j < Math.min(blocks.length, i + 4) && blocks[j]!.start < (lineEnd < 0 ? text.length : lineEnd); j++) {
    const m = COND.exec(unicodeToLatex(blocks[j]!.body));
    if (m && !blocks[j]!.display) return `${m[1]} ${m[2] === '!=' ? '\\neq' : m[2]} ${m[3]}`;
  }
  for (let j = i - 1; j >= Math.max(0, i - 8) && blocks[j]!.start >= since; j--) {
    const m = COND.exec(unicodeToLatex(blocks[j]!.body));
    if (m && !blocks[j]!.display) return `${m[1]} ${m[2] === '!=' ? '\\neq' : m[2]} ${m[3]}`;
  }
  return undefined;
}

function bestMatch(sets: readonly SetNaming[], cands: readonly Candidate[], layout: Layout): SetNaming | undefined {
  let best: { set: SetNaming; n: number } | undefined;
  for (const set of sets) {
    // an answer its label confirms counts twice one found by its left-hand side alone
    const found = [...locate(cands, layout.markers, set.questions).found.values()];
    const n = found.reduce((sum, f) => sum + (f.notes.some((x) => x.code === 'FOUND_BY_CONTENT' || x.code === 'LABEL_MISMATCH') ? 1 : 2), 0);
    if (!best || n > best.n) best = { set, n };
  }
  return best?.set;
}

/** Whether `at` lies in one of `blocks` (sorted, not overlapping). */
function within(blocks: readonly MathBlock[], at: number): boolean {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (at < b.start) hi = mid - 1;
    else if (at >= b.end) lo = mid + 1;
    else return true;
  }
  return false;
}

const usedIn = (m: Macro, blocks: readonly MathBlock[]) => blocks.some((b) => new RegExp(`\\\\${m.name}(?![A-Za-z])`).test(b.body));
const baseName = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.(md|markdown|tex|ipynb)$/i, '');
