// Records the outputs test/golden.test.ts compares (run after a change of behaviour that is meant).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { GOLDEN } from './golden-cases.mjs';

for (const { name, args } of GOLDEN) {
  const r = spawnSync(process.execPath, ['bin/grader.cjs', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  writeFileSync(`test/fixtures/golden/${name}`, r.stdout);
}
console.log(`recorded ${GOLDEN.length} outputs in test/fixtures/golden/`);
