/**
 * The Gradescope autograder as Gradescope runs it: build autograder.zip, unpack it into
 * <root>/source (Gradescope's /autograder/source), run setup.sh's install step there, copy
 * run_autograder to <root>/run_autograder and run it from <root> with the student's upload in
 * <root>/submission and submission_metadata.json beside it; results.json must then satisfy the
 * results format of Gradescope's autograder specification, checked below field by field.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

/** Unpacks a zip (stored or deflated entries), keeping Unix modes, as Gradescope's unzip does. */
function unzip(zip: string, into: string): string[] {
  const buf = readFileSync(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const mode = buf.readUInt32LE(at + 38) >>> 16;
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const raw = buf.subarray(start, start + size);
    names.push(name);
    if (!name.endsWith('/')) {
      const path = join(into, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, method === 8 ? inflateRawSync(raw) : raw);
      if (mode & 0o777) chmodSync(path, mode & 0o777);
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];
const FORMAT = ['text', 'html', 'simple_format', 'md', 'ansi'];
const TOP = [
  'score',
  'execution_time',
  'output',
  'output_format',
  'test_output_format',
  'test_name_format',
  'visibility',
  'stdout_visibility',
  'extra_data',
  'tests',
  'leaderboard',
];
const TEST = ['score', 'max_score', 'status', 'name', 'name_format', 'number', 'output', 'output_format', 'tags', 'visibility', 'extra_data'];

/** Every way results.json departs from Gradescope's documented format (empty: it conforms). */
export function gradescopeSchemaErrors(r: unknown): string[] {
  const errors: string[] = [];
  const obj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const check = (ok: boolean, what: string) => ok || errors.push(what);
  if (!obj(r)) return ['results.json is not an object'];
  for (const k of Object.keys(r)) check(TOP.includes(k), `unknown top-level key ${k}`);
  for (const k of ['score', 'execution_time']) if (k in r) check(typeof r[k] === 'number' && Number.isFinite(r[k]), `${k} is not a number`);
  if ('output' in r) check(typeof r.output === 'string', 'output is not a string');
  for (const k of ['output_format', 'test_output_format']) if (k in r) check(FORMAT.includes(r[k] as string), `${k} ${String(r[k])}`);
  for (const k of ['visibility', 'stdout_visibility']) if (k in r) check(VISIBILITY.includes(r[k] as string), `${k} ${String(r[k])}`);
  if ('extra_data' in r) check(obj(r.extra_data), 'extra_data is not an object');
  check('score' in r || 'tests' in r, 'neither score nor tests');
  if ('tests' in r) {
    if (!Array.isArray(r.tests)) return [...errors, 'tests is not an array'];
    r.tests.forEach((t: unknown, i) => {
      if (!obj(t)) return void errors.push(`tests[${i}] is not an object`);
      for (const k of Object.keys(t)) check(TEST.includes(k), `tests[${i}]: unknown key ${k}`);
      for (const k of ['score', 'max_score']) if (k in t) check(typeof t[k] === 'number' && Number.isFinite(t[k]), `tests[${i}].${k} is not a number`);
      check('score' in t || 'score' in r, `tests[${i}] has no score, and neither has the submission`);
      if ('status' in t) check(t.status === 'passed' || t.status === 'failed', `tests[${i}].status ${String(t.status)}`);
      for (const k of ['name', 'number', 'output']) if (k in t) check(typeof t[k] === 'string', `tests[${i}].${k} is not a string`);
      if ('output_format' in t) check(FORMAT.includes(t.output_format as string), `tests[${i}].output_format ${String(t.output_format)}`);
      if ('visibility' in t) check(VISIBILITY.includes(t.visibility as string), `tests[${i}].visibility ${String(t.visibility)}`);
      if ('tags' in t) check(Array.isArray(t.tags) && t.tags.every((x) => typeof x === 'string'), `tests[${i}].tags is not a list of strings`);
    });
  }
  return errors;
}

const work = mkdtempSync(join(tmpdir(), 'grader-gradescope-'));
const source = join(work, 'source');
const METADATA = { id: 1, users: [{ email: 'ann@example.edu', id: 7, name: 'Ann Lee', sid: 'A123' }], assignment: { title: 'word2vec', total_points: 15 } };

beforeAll(() => {
  const zip = join(work, 'autograder.zip');
  // The bundle pretest built; rebuilding here would rewrite it under the other tests' feet.
  const made = spawnSync('bash', ['scripts/gradescope/make-autograder.sh', zip], { encoding: 'utf8', env: { ...process.env, GRADER_NO_BUILD: '1' } });
  expect(made.status, made.stderr).toBe(0);
  const names = unzip(zip, source);
  // Gradescope looks for both at the zip's root.
  expect(names).toEqual(
    expect.arrayContaining(['setup.sh', 'run_autograder', 'package.json', 'package-lock.json', 'bin/grader.mjs', 'dist/grader.cjs', 'dist/schema.cjs']),
  );
  const setup = spawnSync('bash', [join(source, 'setup.sh')], {
    cwd: source,
    encoding: 'utf8',
    env: { ...process.env, AUTOGRADER_SKIP_NODE_INSTALL: '1', npm_config_prefer_offline: 'true' },
  });
  expect(setup.status, `${setup.stdout}\n${setup.stderr}`).toBe(0);
}, 240_000);

/** A fresh /autograder: the shared source, this upload, the metadata; run_autograder as Gradescope runs it. */
function autograde(upload: Record<string, string>, metadata: unknown = METADATA) {
  const root = mkdtempSync(join(work, 'root-'));
  symlinkSync(source, join(root, 'source'));
  mkdirSync(join(root, 'submission'));
  mkdirSync(join(root, 'results'));
  for (const [name, text] of Object.entries(upload)) {
    mkdirSync(dirname(join(root, 'submission', name)), { recursive: true });
    writeFileSync(join(root, 'submission', name), text);
  }
  if (metadata !== undefined) writeFileSync(join(root, 'submission_metadata.json'), JSON.stringify(metadata));
  copyFileSync(join(source, 'run_autograder'), join(root, 'run_autograder'));
  const r = spawnSync(join(root, 'run_autograder'), [], { cwd: root, encoding: 'utf8', env: { ...process.env, AUTOGRADER_ROOT: root } });
  const results = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
  rmSync(root, { recursive: true, force: true });
  return { status: r.status, results };
}

const alice = readFileSync('submissions/alice.yaml', 'utf8');
const bob = readFileSync('submissions/bob.yaml', 'utf8');

describe('the Gradescope autograder, unpacked and run as Gradescope does', () => {
  it('grades answers.yaml into a results.json that follows the specification', () => {
    const { status, results } = autograde({ 'answers.yaml': bob });
    expect(status).toBe(0);
    expect(gradescopeSchemaErrors(results)).toEqual([]);
    expect(results.score).toBe(5);
    expect(results.execution_time).toBeGreaterThan(0);
    expect(results.output_format).toBe('md');
    expect(results.output).toContain('Ann Lee');
    expect(results.extra_data.student).toEqual({ name: 'Ann Lee', email: 'ann@example.edu', sid: 'A123' });
    const vc = results.tests.find((t: { name: string }) => t.name.includes('cs224n-a2/naive-softmax-grad-vc'));
    expect(vc).toMatchObject({ score: 0, max_score: 2, status: 'failed', output_format: 'md', visibility: 'visible', number: expect.stringMatching(/^\d+$/) });
    expect(vc.name).toMatch(/^Gradient .* \(cs224n-a2\/naive-softmax-grad-vc\)$/);
    expect(vc.output).toContain('`U * (y - yhat)`');
    expect(vc.output).toContain('the sign is flipped');
    expect(vc.tags).toContain('cs224n-a2');
    expect(results.tests.reduce((n: number, t: { max_score: number }) => n + t.max_score, 0)).toBe(15);
  });

  it.each([
    ['the only YAML file, in a folder', { 'hw/alice.yml': alice }, 15],
    ['answers.yaml among other files', { 'answers.yaml': alice, 'notes.md': '# my notes\n' }, 15],
  ])('picks %s', (_, upload, score) => {
    const { status, results } = autograde(upload);
    expect(status).toBe(0);
    expect(gradescopeSchemaErrors(results)).toEqual([]);
    expect(results.score).toBe(score);
  });

  it.each([
    ['nothing', {}, /no file of answers was uploaded/],
    ['a file that is not YAML', { 'answers.yaml': 'student: [oops' }, /YAML syntax error/],
    ['two candidates', { 'a.yaml': alice, 'b.yaml': bob }, /several files of answers .*a\.yaml, b\.yaml/],
    ['a binary blob', { 'answers.yaml': '\u0000\u0001\u00ff'.repeat(100) }, /./],
  ])('explains an upload of %s with score 0, never a failed autograder', (_, upload, why) => {
    const { status, results } = autograde(upload, undefined);
    expect(status).toBe(0);
    expect(gradescopeSchemaErrors(results)).toEqual([]);
    expect(results.score).toBe(0);
    expect(results.output).toMatch(why);
  });

  it('routes a write-up (.tex) through the grade path: a valid results.json whatever it holds', () => {
    const { status, results } = autograde({ 'hw.tex': '\\section*{1}\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n' });
    expect(status).toBe(0);
    expect(gradescopeSchemaErrors(results)).toEqual([]);
  });

  it('tells the schema check apart: a results.json Gradescope would refuse is caught', () => {
    expect(gradescopeSchemaErrors({ score: '3', tests: [{ status: 'ok', visibility: 'later', tags: 'x', points: 1 }] })).toEqual([
      'score is not a number',
      'tests[0]: unknown key points',
      'tests[0].status ok',
      'tests[0].visibility later',
      'tests[0].tags is not a list of strings',
    ]);
  });
});

describe('visibility', () => {
  it('per assignment from make-autograder.sh, per question from the spec', () => {
    const bank = join(work, 'bank');
    mkdirSync(bank);
    const spec = readFileSync('problems/cs224n-a2-word2vec.yaml', 'utf8').replace(
      /^(\s+- id: naive-softmax-loss\n)/m,
      '$1    gradescope: { visibility: visible, tags: [warm-up] }\n',
    );
    expect(spec).toContain('warm-up');
    writeFileSync(join(bank, 'cs224n-a2-word2vec.yaml'), spec);
    const zip = join(work, 'hidden.zip');
    const made = spawnSync('bash', ['scripts/gradescope/make-autograder.sh', zip, '--problems', bank, '--visibility', 'after_due_date'], {
      encoding: 'utf8',
      env: { ...process.env, GRADER_NO_BUILD: '1' },
    });
    expect(made.status, made.stderr).toBe(0);
    const other = join(work, 'hidden');
    unzip(zip, other);
    // run_autograder reads the assignment's setting from the source it was packed with.
    mkdirSync(join(work, 'vis', 'submission'), { recursive: true });
    writeFileSync(join(work, 'vis', 'submission', 'answers.yaml'), alice);
    symlinkSync(other, join(work, 'vis', 'source'));
    symlinkSync(join(source, 'node_modules'), join(other, 'node_modules'));
    const r = spawnSync('bash', [join(other, 'run_autograder')], { encoding: 'utf8', env: { ...process.env, AUTOGRADER_ROOT: join(work, 'vis') } });
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(work, 'vis', 'results', 'results.json'), 'utf8'));
    expect(gradescopeSchemaErrors(json)).toEqual([]);
    expect(json.visibility).toBe('after_due_date');
    const loss = json.tests.find((t: { name: string }) => t.name.includes('naive-softmax-loss'));
    expect(loss).toMatchObject({ visibility: 'visible', tags: expect.arrayContaining(['warm-up']) });
    expect(json.tests.filter((t: { visibility: string }) => t.visibility === 'after_due_date').length).toBe(json.tests.length - 1);
  });
});
