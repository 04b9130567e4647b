/** Gradebook profiles (Canvas, Moodle, Blackboard), the roster join, and the CLI's --csv/--roster. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SubmissionReport } from '../../grader/core/index.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { gradebookSets } from '../../grader/cli/gradebook.js';
import { renderGradebook, type GradebookSet } from '../../grader/report/csv-profiles.js';
import { joinRoster, parseCsv, parseRoster } from '../../grader/report/roster.js';
import { parseSubmission } from '../../grader/submission/load.js';
import { BANK, cli, YAML_SUBMISSIONS } from '../helpers.js';

const points = new PointCache(1);
const grade = (student: string, answers: Record<string, string>): SubmissionReport =>
  gradeSubmission(BANK, parseSubmission(`${student}.yaml`, JSON.stringify({ student, answers })), points);
const vc = 'cs224n-a2/naive-softmax-grad-vc';
const SETS: GradebookSet[] = [{ set: 'cs224n-a2', title: 'word2vec, part 1', maxScore: 15 }];
const ann = grade('ann', { [vc]: 'U * (yhat - y)' });
const broken = gradeSubmission(BANK, parseSubmission('zed.yaml', 'student: [oops'), points);

describe('roster CSV', () => {
  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      '\uFEFFa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"Lee, Ann","say ""hi"""\n', [['Lee, Ann', 'say "hi"']]],
    ['"two\nlines",x\n\n,\n', [['two\nlines', 'x']]],
  ])('%j', (text, rows) => expect(parseCsv(text)).toEqual(rows));

  it('joins on any identity column, ignoring case, or an email before its @', () => {
    const roster = parseRoster('Student,ID,SIS Login ID\n"Lee, Ann",11,ANN\n"Poe, Bo",12,bo@uni.edu\n');
    const bo = grade('bo', {});
    const cy = grade('cy', {});
    const j = joinRoster([ann, bo, cy], roster, ['SIS Login ID']);
    expect(j.matched.map((m) => [m.submission.student, m.person.ID])).toEqual([
      ['ann', '11'],
      ['bo', '12'],
    ]);
    expect(j.unmatched.map((s) => s.student)).toEqual(['cy']);
  });
});

describe('gradebook profiles', () => {
  it.each([
    ['canvas', '\uFEFF', 'Student,ID,SIS User ID,SIS Login ID,Section,"word2vec, part 1"', ['    Points Possible,,,,,15', ',,,ann,,2', ',,,,,']],
    ['moodle', '', 'First name,Last name,ID number,Institution,Department,Email address,"word2vec, part 1 (Real)"', [',,ann,,,,2', ',,,,,,']],
    ['blackboard', '', '"Last Name","First Name","Username","Student ID","word2vec, part 1 [Total Pts: 15 Score]"', ['"","","ann","","2"', '"","","","",""']],
  ] as const)('%s: identity columns, assignment column, points, encoding', (profile, bom, header, rows) => {
    const { text, unmatched } = renderGradebook(profile, [ann, broken], SETS);
    expect(text.startsWith(bom)).toBe(true);
    expect(text.slice(bom.length).split('\r\n')).toEqual([header, ...rows, '']);
    expect(unmatched).toEqual([]);
  });

  it("a fixed maximum: a set's points in the bank, for the sets the batch was graded on", () => {
    const sets = gradebookSets(BANK, [ann, broken]);
    expect(sets).toEqual([{ set: 'cs224n-a2', title: 'CS224n Assignment 2: word2vec', maxScore: 15 }]);
  });

  it('fills identities from the roster and leaves out (and returns) whom it does not know', () => {
    const roster = parseRoster('Last Name,First Name,Username,Student ID\nLee,Ann,ann,S-1\n');
    const { text, unmatched } = renderGradebook('blackboard', [ann, grade('=evil', {})], SETS, roster);
    expect(text.split('\r\n')[1]).toBe('"Lee","Ann","ann","S-1","2"');
    expect(text).not.toContain('evil');
    expect(unmatched.map((s) => s.student)).toEqual(['=evil']);
  });
});

describe('grade --csv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-csv-'));
  const roster = join(dir, 'roster.csv');
  writeFileSync(
    roster,
    '\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n"Smith, Alice",101,S1,alice,A\n"Jones, Bob",102,S2,BOB,A\n',
  );

  it('joins the roster, lists the unmatched on stderr and beside --out', () => {
    const out = join(dir, 'canvas.csv');
    const r = cli('grade', ...YAML_SUBMISSIONS, '--csv', 'canvas', '--roster', roster, '--out', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,CS224n Assignment 2: word2vec');
    expect(lines.slice(1, 4)).toEqual(['    Points Possible,,,,,15', '"Smith, Alice",101,S1,alice,A,15', '"Jones, Bob",102,S2,BOB,A,5']);
    expect(r.err).toMatch(/2 submission\(s\) match no one.*\n\s+carol .*\n\s+dave /);
    expect(readFileSync(join(dir, 'canvas.unmatched.csv'), 'utf8')).toMatch(/^student,file,.*\r\ncarol,.*\r\ndave,/s);
  });

  it.each([
    [['--csv', 'sakai'], /--csv is for grade and is one of canvas, moodle, blackboard/],
    [['--roster', 'x.csv'], /--roster goes with --csv/],
    [['--csv', 'moodle', '--roster', '/nonexistent.csv'], /cannot read the roster/],
  ])('refuses %j', (args, why) => {
    const r = cli('grade', ...YAML_SUBMISSIONS, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(why);
  });
});

it("skips Canvas's Points Possible row in a roster", () => {
  expect(parseRoster('Student,ID\n    Points Possible,\n"Lee, Ann",11\n')).toEqual([{ Student: 'Lee, Ann', ID: '11' }]);
});
