/** An answer's text → tree, in whichever notation it is written. */
import type { Node } from './math.js';
import { parseMathjs } from './parse.js';

export function readAnswer(text: string): Node {
  return parseMathjs(text);
}
