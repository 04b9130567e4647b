import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBank, loadProblemText } from '../../grader/bank/load.js';
import { specDocs } from '../../grader/bank/docs.js';
import { jsonSchema } from '../../grader/bank/schema.js';

const load = (name: string) => {
  const file = `test/fixtures/specs/${name}`;
  return loadProblemText(file, readFileSync(file, 'utf8'));
};
const summary = (name: string) => load(name).issues.map((i) => `${i.code}@${i.at?.line}:${i.at?.col}`);

describe('spec loader reports every problem at once, with line:column', () => {
  it('schema problems: unknown keys, wrong types, sample and value together', () => {
    expect(summary('broken.yaml')).toEqual(['SPEC_UNKNOWN_KEY@6:34', 'SPEC_SCHEMA@9:9', 'SPEC_SCHEMA@18:13']);
  });

  it('meaning problems: shapes, unknown names, contexts, indices, duplicates, syntax in expressions, infeasible draws', () => {
    expect(summary('semantic.yaml')).toEqual([
      'DIST_INFEASIBLE@8:16',
      'SHAPE_PRODUCT@7:16',
      'UNKNOWN_SYMBOL@13:21',
      'UNKNOWN_CONTEXT@17:14',
      'UNKNOWN_INDEX@18:11',
      'LOSS_NOT_SCALAR@19:23',
      'REFERENCE_SHAPE@20:16',
      'DUPLICATE_ID@21:9',
      'SYNTAX@24:20',
    ]);
  });

  it('places an error inside an expression at its character', () => {
    const unknown = load('semantic.yaml').issues.find((i) => i.code === 'UNKNOWN_SYMBOL')!;
    expect(unknown.args.name).toBe('W');
    expect(unknown.at).toMatchObject({ line: 13, col: 21 }); // the W in "U * W"
  });

  it('YAML syntax errors', () => {
    expect(load('syntax.yaml').issues[0]).toMatchObject({ code: 'YAML_SYNTAX', at: { file: 'test/fixtures/specs/syntax.yaml', line: expect.any(Number) } });
  });

  it('a folder: every file, each problem in its own file', () => {
    const bank = loadBank('test/fixtures/specs');
    const files = new Set(bank.issues.map((i) => i.at?.file));
    expect(files).toEqual(new Set(['test/fixtures/specs/broken.yaml', 'test/fixtures/specs/semantic.yaml', 'test/fixtures/specs/syntax.yaml']));
  });

  it('a missing folder is a finding, not a crash', () => {
    expect(loadBank('no/such/dir').issues[0]!.code).toBe('BANK_UNREADABLE');
  });
});

describe('JSON Schema', () => {
  it('is generated from the validating schema, describes fields, and forbids unknown keys', () => {
    const schema = jsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['set', 'sizes', 'symbols', 'questions']));
    expect(schema.properties.questions!.description).toMatch(/questions/i);
  });

  it('is the one committed for editors, and the committed docs are generated from it', () => {
    expect(JSON.parse(readFileSync('problems/problem.schema.json', 'utf8'))).toEqual(jsonSchema());
    expect(readFileSync('problems/SPEC.md', 'utf8')).toBe(specDocs());
    expect(specDocs()).toContain('| `implementation` | string |');
  });
});
