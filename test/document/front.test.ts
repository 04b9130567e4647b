/** Markdown front matter is YAML: comments and quoting as YAML; broken or unknown is said, never guessed over silently. */
import { describe, expect, it } from 'vitest';
import { read } from './helpers.js';

const BODY = '\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n';
const doc = (front: string) => read('pia.md', `---\n${front}\n---\n${BODY}`, null);
const frontNotes = (d: ReturnType<typeof doc>) => d.notes.filter((n) => n.code === 'FRONT_MATTER');

describe('front matter', () => {
  it.each([
    ['student: pia   # me\nset: cs224n-a2  # the set', 'pia', 'cs224n-a2'],
    ['student: "pia # not a comment"\nset: \'cs224n-a2\'', 'pia # not a comment', 'cs224n-a2'],
    ['# who\nset: cs224d-a1\nstudent: >-\n  pia\n  lee', 'pia lee', 'cs224d-a1'],
    ['title: HW 2\nset: cs224n-a2', 'pia', 'cs224n-a2'],
  ])('%j', (front, student, set) => {
    const d = doc(front);
    expect([d.student, d.set, d.setReason, frontNotes(d)]).toEqual([student, set, 'front-matter', []]);
  });

  it.each([
    ['set: [cs224n-a2', 2, 'line 2, column 16'],
    ['student: pia\nset: [cs224n-a2', 3, 'line 3, column 16'],
    ['student: pia\nset: cs224n-a2\nset: cs224d-a1', 4, 'Map keys must be unique'],
    ['set:\n  - cs224n-a2', 2, '`set:` at line 2, column 1 is not text'],
    ['- a list', 2, 'not a mapping'],
  ])('broken front matter is a note at its line: %j', (front, line, detail) => {
    const notes = frontNotes(doc(front));
    expect([notes[0]?.line, notes[0]?.detail.includes(detail)]).toEqual([line, true]);
  });

  it('an unknown set is kept, to be rejected as --set is, and noted at its line', () => {
    const d = doc('student: pia\nset: cs224n-a3  # typo');
    expect([d.set, d.setReason, d.answers.size, frontNotes(d).map((n) => n.line)]).toEqual(['cs224n-a3', 'front-matter', 0, [3]]);
  });

  it('--set decides over the front matter', () => {
    const d = read('pia.md', `---\nset: cs224n-a3\n---\n${BODY}`, 'cs224n-a2');
    expect([d.set, d.setReason, frontNotes(d)]).toEqual(['cs224n-a2', 'option', []]);
  });
});
