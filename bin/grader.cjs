#!/usr/bin/env node
// The `grader` command. CommonJS on purpose: an ES module entry brings in Node's ES module
// loader, a tenth of start-up. Loads the bundled CLI (built by `npm install` or `npm run build`)
// with a code cache: compiling the bundle is most of start-up, and the cache skips it. Node ≥ 22.1
// has its own compile cache (module.enableCompileCache, kept in the OS temp folder and checked
// against the source); on Node 20 the bundle runs in a vm.Script with V8's cached data beside it,
// rebuilt on exit when stale or missing. A cache that cannot be written is simply not used.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
// The CommonJS loader's Module class, as `require('node:module')` exports it, without what that
// require also loads (Node's ES module loader: about 5 ms of every start).
const Module = module.constructor;
const [major, minor] = process.versions.node.split('.').map(Number);

// V8 optimises a function after 8x the usual work (its interrupt budget): a run of a fraction of
// a second (one submission, `try`) spent a sixth of its CPU optimising code it was about to stop
// running. Set before the bundle is compiled, on every run: V8 refuses a code cache made under
// other flags. A batch goes back to V8's default budget, and inlines less, once it knows its size
// (grader/cli/budget.ts), so these flags are set again before a cache is written (the inlining
// limit to V8's default). V8's flags are the process's: a batch's worker threads (batch.ts
// WORKER_FLAG) have them already.
const worker = process.argv.includes('--grader-worker');
const setBudget = () => {
  if (!worker) require('node:v8').setFlagsFromString('--interrupt-budget=540672 --max-inlined-bytecode-size-cumulative=920');
};
setBudget();

const file = join(__dirname, '..', 'dist', 'grader.cjs');
const load = Module.createRequire(file);

if ((major > 22 || (major === 22 && minor >= 1)) && process.env.GRADER_CODE_CACHE !== 'vm') {
  const { enableCompileCache, flushCompileCache } = require('node:module');
  enableCompileCache();
  // The CLI exits with process.exit as soon as its output is out: write the cache first.
  if (typeof flushCompileCache === 'function')
    process.once('exit', () => {
      setBudget();
      flushCompileCache();
    });
  load(file);
} else {
  const vm = require('node:vm');
  const cacheFile = `${file}.cache`;
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet: compiled from source, saved on exit
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  // V8 refuses a cache made under other V8 flags. A run given options of its own (`node
  // --max-old-space-size=… bin/grader.cjs`, NODE_OPTIONS) writes a missing cache but never
  // replaces one: the next plain run would be refused in turn and replace it back, and runs of
  // both kinds would each compile the whole bundle. (A stale cache, or a new Node, is replaced.)
  const ownOptions = process.execArgv.length > 0 || Boolean(process.env.NODE_OPTIONS);
  if (cachedData === undefined || (script.cachedDataRejected && !ownOptions))
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        setBudget();
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // a read-only install: start-up stays uncached
      }
    });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, load, module, file, dirname(file));
}
