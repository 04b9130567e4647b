import { readArg } from './scan.js';

/**
 * Where the document says which part follows: headings, bold labels, list items, `(i)` at the
 * start of a paragraph, LaTeX sections, enumerate items, `% Question 1-B`, course macros, and
 * the template's answer blocks. Each marker opens a region that runs to the next marker.
 */
export interface Marker {
  readonly at: number;
  /** The label as tokens, outermost first: `## 1.` then `### (b)` gives `['1', 'b']`. */
  readonly path: readonly string[];
  /** As the document writes it (`### (b)`, `(g)(i)`, `% Question 1-B`). */
  readonly label: string;
  /** A template answer block names its question outright. */
  readonly answerId?: string;
}

export interface Layout {
  readonly markers: Marker[];
  /** Ranges of answer boxes (`\begin{answer}`) and of text after a `**Solution:**` line, to prefer over copied questions. */
  readonly answers: { start: number; end: number }[];
}

/** A part label opening a line of prose: `(b)`, `b)`, `b.`, `1(b)`, `1b)`, `Part (b):`, `Q1b`, `Question 2 (c)`. */
const PARA =
  /^\s*((?:(?:part|question|problem|exercise|q)\.?\s*)?(?:\d{1,2}\s*[.-]?\s*)?(?:\([a-z]{1,4}\)(?:\s*\([ivx]{1,4}\))?|[a-h][.)])|(?:part|question|problem|exercise|q)\.?\s*\d{1,2}\s*(?:[a-h](?![a-z]))?)(?=[\s:.,)*_<]|$)/i;
const HTML_LEAD = /^\s*(?:<\/?(?:details|summary|b|strong|p|div|span|u|em|i)\b[^>]*>\s*)+/i;
const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)(?:<\/h\1>|$)/i;
const WORDS = /^(?:question|problem|prob|part|exercise|ex|task|q|hw|homework)\.?\s*/i;
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)$/;

/** A label's tokens (`1(b)` → 1, b; `(g)(i)` → g, i; `question 2 (b)` → 2, b), or undefined when it is not one. */
export function parseLabel(s: string): string[] | undefined {
  let t = s
    .trim()
    .replace(/^[*_#\s]+/, '')
    .replace(WORDS, '');
  const tokens: string[] = [];
  while (t.length && tokens.length < 4) {
    const m =
      /^(\d{1,2})(?!\d)/.exec(t) ??
      /^\(([a-z]|[ivx]{1,4}|\d{1,2})\)/i.exec(t) ??
      /^([a-z]|[ivx]{2,4})(?=[.):-]|\s*$|\s*[(*_])/i.exec(t) ??
      /^([a-z])(?=\s)/.exec(t);
    if (!m) break;
    tokens.push(m[1]!.toLowerCase());
    t = t.slice(m[0].length).replace(/^[\s.):-]*/, '');
  }
  return tokens.length ? tokens : undefined;
}

/** Join a label to the path above it: a label that starts with a number stands alone. */
const under = (parent: readonly string[], own: readonly string[]) => (/^\d/.test(own[0] ?? '') ? [...own] : [...parent, ...own]);

/** Markdown (and notebook) layout. `blocks` are display-math ranges, whose lines are not labels. */
export function markdownLayout(text: string, inMath: (at: number) => boolean): Layout {
  const markers: Marker[] = [];
  const answers: { start: number; end: number }[] = [];
  const stack: { level: number; tokens: string[]; label: string }[] = [];
  const path = () => stack.reduce<string[]>((p, s) => under(p, s.tokens), []);
  const push = (at: number, level: number, tokens: string[], label: string) => {
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    stack.push({ level, tokens, label: label.trim() });
    // an unlabelled heading (`### step 1`) stays in the part above it, and is named by it
    const named = [...stack].reverse().find((e) => e.tokens.length);
    markers.push({ at, path: path(), label: named?.label ?? label.trim() });
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    if (inMath(start)) continue;
    const tpl = /<!--\s*answer:\s*([\w./-]+)\s*-->/.exec(line);
    if (tpl) {
      markers.push({ at: start, path: path(), label: tpl[1]!, answerId: tpl[1]! });
      continue;
    }
    const h = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line) ?? HTML_HEADING.exec(line);
    if (h) {
      push(start, h[1]!.length, parseLabel(h[2]!.replace(/<[^>]*>/g, ' ')) ?? [], line);
      continue;
    }
    // `<details><summary><b>(b)</b> ...`: the tags around a label are layout, not text
    const plain = line.replace(HTML_LEAD, '');
    const bold = /^\s*(?:[-*+]\s+|\d{1,2}\.\s+)?(\*\*|__)([^*_]{1,40}?)\1/.exec(plain);
    const item = /^\s*(?:[-*+]|\d{1,2}\.)\s+(\(?[a-z]{1,4}\)\s*[:.)]?|\(?[a-z]\)?[:.)])/i.exec(plain);
    const para = PARA.exec(plain.replace(/^\s*[*_]{1,3}(?=[(\w])/, ''));
    const found = (bold && parseLabel(bold[2]!)) || (item && parseLabel(item[1]!)) || (para && parseLabel(para[1]!));
    if (found) {
      // `(ii)` under a lettered part is its subpart; `(i)` right after `(h)` is part (i)
      const part = [...stack]
        .reverse()
        .find((x) => x.level === 7 || /^[a-z]$/.test(x.tokens.at(-1) ?? ''))
        ?.tokens.at(-1);
      const roman = found.length === 1 && ROMAN.test(found[0]!) && part !== undefined && !(found[0] === 'i' && part === 'h');
      const level = roman ? 8 : 7;
      push(start, level, found, (bold?.[0] ?? item?.[0] ?? para?.[0] ?? line).trim());
      continue;
    }
    if (
      /^\s*(\*\*|__)?\s*(solution|answer|proof)s?\s*:?\s*(\*\*|__)?\s*:?/i.test(line) &&
      /^\s*(\*\*|__)?\s*(solution|answer|proof)s?\b\s*(:|\*\*|__)/i.test(line)
    ) {
      answers.push({ start, end: -1 });
    }
  }
  return { markers, answers: closeAnswers(answers, markers, text.length) };
}

/** A `**Solution:**` runs to the next marker. */
function closeAnswers(answers: { start: number; end: number }[], markers: Marker[], length: number) {
  return answers.map((a) => (a.end >= 0 ? a : { start: a.start, end: markers.find((m) => m.at > a.start)?.at ?? length }));
}

const STYLE: Record<string, (n: number) => string> = {
  alph: (n) => String.fromCharCode(96 + ((n - 1) % 26) + 1),
  roman: (n) => ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][n - 1] ?? String(n),
  arabic: (n) => String(n),
};
/** The exam class's lists and their items. */
const EXAM: Record<string, string> = { questions: 'arabic', parts: 'alph', subparts: 'roman', subsubparts: 'alph' };
const EXAM_ITEM: Record<string, string> = { question: 'questions', part: 'parts', subpart: 'subparts', subsubpart: 'subsubparts' };
const DEFAULT_STYLE = ['arabic', 'alph', 'roman', 'alph'];

/** LaTeX layout: sections count, enumerate items count in their style, answer boxes, `% Question 1-B`. */
export function latexLayout(text: string, raw: string): Layout {
  const markers: Marker[] = [];
  const answers: { start: number; end: number }[] = [];
  const open: number[] = [];
  let section: string[] = [];
  let sec = 0;
  let sub = 0;
  const lists: { style: string; n: number; env?: string }[] = [];
  const path = () => [...section, ...lists.filter((l) => l.n > 0 && l.style !== 'bullet').map((l) => STYLE[l.style]!(l.n))];
  const re =
    /\\(section|subsection|subsubsection|paragraph|textbf|setcounter|begin|end|item|part|subpart|subsubpart|[A-Za-z]*(?:hwtitle|question|problem|homework)[A-Za-z]*)(?![A-Za-z])(\*?)/g;
  for (const m of text.matchAll(re)) {
    const at = m.index;
    const cmd = m[1]!;
    const after = at + m[0].length;
    if (cmd === 'section' || cmd === 'subsection') {
      const arg = readArg(text, after);
      const own = arg ? parseLabel(arg.value) : undefined;
      if (cmd === 'section') {
        if (!m[2]) sec++;
        sub = 0;
        section = own && /^\d/.test(own[0]!) ? own : m[2] ? [] : [String(sec)];
      } else {
        if (!m[2]) sub++;
        section = [section[0] ?? String(sec), ...(own ? own.filter((t) => !/^\d/.test(t)) : m[2] ? [] : [STYLE.alph!(sub)])].filter(Boolean);
      }
      lists.length = 0;
      markers.push({ at, path: path(), label: text.slice(at, arg?.end ?? after).trim() });
    } else if (cmd === 'subsubsection' || cmd === 'paragraph' || cmd === 'textbf') {
      // `\paragraph{(b)}`, or `\textbf{(b)}` opening a line: a part label when it reads as one
      if (cmd === 'textbf' && !/(^|\n)[ \t]*(\\noindent\s*)?$/.test(text.slice(Math.max(0, at - 40), at))) continue;
      const arg = readArg(text, after);
      const own = arg && arg.value.length < 40 ? parseLabel(arg.value) : undefined;
      if (!own || (cmd === 'textbf' && !/^\s*(\(|part|question|problem|q\d|\d)/i.test(arg!.value))) continue;
      markers.push({
        at,
        path: under(
          [...section, ...lists.filter((l) => l.n > 0 && l.style !== 'bullet').map((l) => STYLE[l.style]!(l.n))].filter(
            (t) => !/^[a-z]/.test(t) || /^\d/.test(own[0]!),
          ),
          own,
        ),
        label: text.slice(at, arg!.end).trim(),
      });
    } else if (cmd === 'setcounter') {
      const name = readArg(text, after);
      const value = name && readArg(text, name.end);
      if (name?.value === 'section' && value) sec = Number(value.value) || 0;
    } else if (cmd === 'begin' || cmd === 'end') {
      const env = readArg(text, after);
      if (!env) continue;
      if (env.value === 'itemize' || env.value === 'description') {
        if (cmd === 'begin') lists.push({ style: 'bullet', n: 0 });
        else lists.pop();
      } else if (EXAM[env.value]) {
        // the exam class: \begin{questions} \question ... \begin{parts} \part ... counted as its items
        if (cmd === 'begin') lists.push({ style: EXAM[env.value]!, n: 0, env: env.value });
        else {
          lists.pop();
          markers.push({ at, path: path(), label: '' });
        }
      } else if (env.value === 'enumerate') {
        if (cmd === 'begin') {
          const opt = /^\s*\[([^\]]*)\]/.exec(text.slice(env.end, env.end + 200))?.[1] ?? '';
          const style = /\\alph|\\Alph|\(a\)|^a/.test(opt)
            ? 'alph'
            : /\\roman|\\Roman|\(i\)|^i/.test(opt)
              ? 'roman'
              : /\\arabic|1/.test(opt)
                ? 'arabic'
                : (DEFAULT_STYLE[lists.length] ?? 'alph');
          lists.push({ style, n: 0 });
        } else {
          lists.pop();
          markers.push({ at, path: path(), label: '' }); // back in the enclosing item
        }
      } else if (/^(answer|solution|proof)\*?$/.test(env.value)) {
        if (cmd === 'begin') {
          open.push(at);
          const id = /^\s*\{\s*([\w-]+\/[\w./-]+)\s*\}/.exec(text.slice(env.end, env.end + 200));
          if (id) markers.push({ at, path: path(), label: id[1]!, answerId: id[1]! });
        } else if (open.length) answers.push({ start: open.pop()!, end: at });
      }
    } else if (cmd === 'item' || (EXAM_ITEM[cmd] !== undefined && lists.at(-1)?.env === EXAM_ITEM[cmd])) {
      const list = lists[lists.length - 1];
      if (!list || list.style === 'bullet') continue;
      // `\item[(b)]` names the item; the exam class's `\question[5]` gives its points
      const explicit = cmd === 'item' ? /^\s*\[([^\]]{1,20})\]/.exec(text.slice(after, after + 30)) : null;
      list.n++;
      const own = explicit ? parseLabel(explicit[1]!) : undefined;
      const p = own ? [...path().slice(0, -1), ...own] : path();
      markers.push({ at, path: p, label: explicit ? `\\item[${explicit[1]}]` : `(${p[p.length - 1]})` });
    } else {
      // a course macro such as \myhwtitle{1}{2(b)}: its last argument that reads as a label
      let j = after;
      let own: string[] | undefined;
      for (let k = 0; k < 4; k++) {
        const a = readArg(text, j);
        if (!a || !/^\s*\{/.test(text.slice(j, a.end))) break;
        own = parseLabel(a.value) ?? own;
        j = a.end;
      }
      if (own) markers.push({ at, path: under(section, own), label: text.slice(at, j).trim() });
    }
  }
  // `% Question 1-B`: comments are blanked in `text`, so read them from the raw source
  for (const m of raw.matchAll(/%[ \t]*(?:question|problem|part)[ \t]*([0-9]{1,2}[ \t]*[-.]?[ \t]*\(?[a-z]\)?(?:\([ivx]+\))?)[ \t]*$/gim)) {
    const own = parseLabel(m[1]!);
    if (own) markers.push({ at: m.index, path: own, label: m[0].trim() });
  }
  markers.sort((a, b) => a.at - b.at);
  return { markers, answers };
}
