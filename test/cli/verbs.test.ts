/** The verbs table: parsing, help, usage errors, version, colour. In process, through main(). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../grader/cli/args.js';
import { colourLevel, main } from '../../grader/cli/main.js';
import { VERBS } from '../../grader/cli/verbs.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const usage = (argv: string[]): string => {
  try {
    parseCommand(argv, VERBS);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return '';
};

/** A shell line's words (the examples use plain words and single quotes only). */
const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('parsing', () => {
  it.each([
    [['grade', 'a.yaml', '--format', 'csv'], { verb: 'grade', positionals: ['a.yaml'], format: 'csv' }],
    [['--seed', '3', 'grade', 'a.yaml'], { verb: 'grade', seed: 3 }],
    [['grade', '-'], { verb: 'grade', positionals: ['-'] }],
    [['try', 'q', '-log(yhat_o)'], { verb: 'try', positionals: ['q', '-log(yhat_o)'] }],
    [['try', '--seed', '2', 'q', '-u_o', '--format', 'json'], { verb: 'try', positionals: ['q', '-u_o'], seed: 2, format: 'json' }],
    [['check', '--strict'], { verb: 'check', strict: true }],
    [['--version'], { verb: 'version' }],
    [['list', '--version'], { verb: 'version' }],
    [[], { verb: 'help', positionals: [] }],
    [['help', 'grade'], { verb: 'help', positionals: ['grade'] }],
    [['grade', '--help'], { verb: 'help', positionals: ['grade'] }],
    [['show', 'x', '-h'], { verb: 'help', positionals: ['show'] }],
  ])('%j → %j', (argv, expected) => expect(parseCommand(argv, VERBS)).toMatchObject(expected));

  it.each([
    [['grde', 'x'], /unknown command `grde`; did you mean `grade`\?/],
    [['frobnicate'], /unknown command `frobnicate`$/],
    [['list', '--fromat', 'json'], /unknown option --fromat; did you mean --format\?/],
    [['list', '--bogus'], /unknown option --bogus$/],
    [['grade', 'x', '--explain'], /--explain is not an option of grade \(it is one of try\)/],
    [['grade', 'x', '--format'], /--format needs a value$/],
    [['grade', 'x', '--jobs', '-1'], /--jobs needs a value; a value starting with - is written --jobs=-…/],
    [['grade'], /needs at least one submission/],
    [['grade', 'x', '--format', 'xml'], /--format for grade is text, json, csv, gradescope, html/],
    [['grade', 'x', '--seed', 'abc'], /--seed must be a whole number/],
    [['try', 'only-an-id'], /takes a question id and an answer/],
    [['new', 'thing'], /takes `set <file.yaml>`/],
    [['help', 'gade'], /did you mean `grade`/],
  ])('%j is a usage error: %s', (argv, message) => expect(usage(argv)).toMatch(message));

  it('has one row per verb, each with a summary, examples that parse as that verb, and known options', () => {
    expect(new Set(VERBS.map((v) => v.name)).size).toBe(VERBS.length);
    for (const v of VERBS) {
      expect(v.summary.length).toBeGreaterThan(0);
      expect(v.examples.length).toBeGreaterThan(0);
      for (const e of v.examples) {
        const argv = words(e.replace(/^.*\| /, '').replace(/ >.*$/, '')).slice(1);
        expect(parseCommand(argv, VERBS).verb, e).toBe(v.name);
      }
    }
  });
});

describe('help and usage errors', () => {
  it('lists every verb in the general help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const v of VERBS) expect(out).toMatch(new RegExp(`^  ${v.name} +${v.summary.replace(/[()*.?[\]]/g, '\\$&')}$`, 'm'));
  });

  it.each(VERBS.map((v) => [v.name]))('grader %s --help shows its usage, options and examples', async (name) => {
    const v = VERBS.find((x) => x.name === name)!;
    const { code, out } = await run(name, '--help');
    expect(code).toBe(0);
    expect(out).toContain(`Usage: grader ${name}`);
    for (const o of v.options) expect(out).toContain(`--${o}`);
    for (const e of v.examples) expect(out).toContain(e);
  });

  it.each([[['frobnicate']], [['list', '--bogus']], [['try', 'x']], [['grade']], [['show']]])('%j: two lines on stderr, exit 2', async (argv) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(2);
    expect(err).toContain('Usage: grader');
  });

  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await run('--version')).toMatchObject({ code: 0, out: `${version}\n` });
  });

  it('says in one line that an output file cannot be written', async () => {
    const { code, err } = await run('list', '--out', '/no/such/folder/x.txt');
    // list has no --out: the usage error says whose option it is
    expect(code).toBe(2);
    expect(err).toContain('--out is not an option of list');
    const graded = await run('grade', 'submissions/alice.yaml', '--out', '/no/such/folder/x.txt');
    expect(graded.code).toBe(2);
    expect(graded.err).toMatch(/^grader: cannot write \/no\/such\/folder\/x\.txt: .*\n$/);
  });

  it.each([
    ['csv', 'no-such-folder-ux/'],
    ['html', 'no-such-folder-ux/'],
    ['text', 'no/such-folder-ux/'],
  ])('says in one line, before grading, that --out %s %s names a missing folder', async (format, out) => {
    const { code, err } = await run('grade', 'submissions/alice.yaml', '--format', format, '--out', out);
    expect(code).toBe(2);
    expect(err).toBe(`grader: cannot write ${out}: ${out} names a folder, which does not exist (create it first, or give a file name)\n`);
  });

  it('says in one line that the bank is missing', async () => {
    const { code, err } = await run('list', '--problems', 'no/such/bank');
    expect(code).toBe(2);
    expect(err).toBe('grader: no/such/bank: cannot read the problem bank: there is no such file\n');
  });
});

describe('colour', () => {
  it.each([
    [{}, true, 2],
    [{}, false, 0],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '' }, true, 2],
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ FORCE_COLOR: '1' }, false, 1],
    [{ FORCE_COLOR: '3', NO_COLOR: '1' }, false, 3],
    [{ FORCE_COLOR: '' }, false, 1],
    [{ COLORTERM: 'truecolor' }, true, 3],
  ])('%j on a terminal: %s → level %i', (env, tty, level) => expect(colourLevel(env, tty)).toBe(level));
});
