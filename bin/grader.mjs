#!/usr/bin/env node
// Loads the bundled CLI (built by `npm install` or `npm run build`) with a code cache: compiling
// the bundle is most of start-up, and the cache skips it. Node ≥ 22.1 has its own compile cache
// (module.enableCompileCache, kept in the OS temp folder and checked against the source); on
// Node 20 the bundle runs in a vm.Script with V8's cached data beside it, rebuilt on exit when
// stale or missing. A cache that cannot be written is simply not used.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'grader.cjs');
const require = createRequire(file);

if (typeof Module.enableCompileCache === 'function' && process.env.GRADER_CODE_CACHE !== 'vm') {
  Module.enableCompileCache();
  // The CLI exits with process.exit as soon as its output is out: write the cache first.
  if (typeof Module.flushCompileCache === 'function') process.once('exit', () => Module.flushCompileCache());
  require(file);
} else {
  const cacheFile = `${file}.cache`;
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet: compiled from source, saved on exit
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected)
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // a read-only install: start-up stays uncached
      }
    });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
}
