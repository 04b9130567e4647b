/**
 * YAML nesting depth, measured on the text before any parsing: the parser recurses per level,
 * so a file nested thousands deep would exhaust the stack at a point that varies between runs.
 * Counts block levels (indentation and `- ` / `? ` markers) plus flow brackets outside quotes
 * and comments; block scalar text can only overcount, which errs on the safe side.
 */
export interface TooDeep {
  readonly line: number;
  readonly col: number;
}

export function yamlTooDeep(text: string, max: number): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  const lines = text.split('\n');
  const special = /["'#[\]{}\\]/g;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!;
    let i = 0;
    if (flow === 0 && quote === '') {
      while (line[i] === ' ') i++;
      if (i === line.length || line[i] === '#') continue;
      // `- - x` opens a level per marker, each at its own column.
      const levels = [i];
      while ((line[i] === '-' || line[i] === '?') && (line[i + 1] === ' ' || line[i + 1] === undefined)) {
        i += 2;
        while (line[i] === ' ') i++;
        levels.push(i);
      }
      while (indents.length && indents[indents.length - 1]! >= levels[0]!) indents.pop();
      indents.push(...levels);
      if (indents.length > max) return { line: ln + 1, col: levels[levels.length - 1]! + 1 };
    }
    // Only quotes, comments, brackets and escapes change anything: a native scan jumps between them.
    special.lastIndex = i;
    for (let m = special.exec(line); m; m = special.exec(line)) {
      const at = m.index;
      const c = m[0];
      if (quote) {
        if (c === '\\' && quote === '"') special.lastIndex = at + 2;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        if (at === 0 || /[\s[{,:]/.test(line[at - 1]!)) quote = c;
      } else if (c === '#' && (at === 0 || /\s/.test(line[at - 1]!))) break;
      else if (c === '[' || c === '{') {
        if (++flow + indents.length > max) return { line: ln + 1, col: at + 1 };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}
