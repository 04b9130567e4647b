// Bundles the CLI into one CommonJS file, then runs it once so that bin/grader.cjs can save
// V8's code cache beside it: start-up is then a fraction of loading mathjs, yaml, zod and chalk
// module by module (see README, design notes). KaTeX stays outside; only HTML reports load it,
// and the spec's zod schemas are a file of their own (dist/schema.cjs), loaded when needed.
// Also bundles the benchmark (dist/bench.cjs), so that `npm run bench` times built code only.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The build's id: a hash of every source file and the locked dependencies. Caches keyed by it
// (the validated bank, see grader/yaml/cache.ts) are never trusted by another build.
const hash = createHash('sha256');
const sources = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of [...sources('grader').sort(), 'package.json', 'package-lock.json']) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
const buildId = hash.digest('hex').slice(0, 16);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  external: ['katex'],
  define: { 'import.meta.url': '__importMetaUrl', __GRADER_BUILD__: JSON.stringify(buildId) },
  banner: { js: 'var __importMetaUrl=require("url").pathToFileURL(__filename).href;' },
};
/** A plugin that gives the module matching `filter` the text `contents` instead of its own. */
const replace = (name, filter, contents, resolveDir) => ({
  name,
  setup(b) {
    b.onLoad({ filter }, () => ({ contents, loader: 'js', ...(resolveDir ? { resolveDir } : {}) }));
  },
});
// zod (the spec's schemas) goes to a file of its own, loaded on first use: most runs validate
// nothing (an unchanged bank is not validated again), and zod is 40% of the bundle.
const schemaApart = replace(
  'schema-apart',
  /grader[\\/]bank[\\/]schema-module\.ts$/,
  "let m; export const schemaModule = () => (m ??= require('./schema.cjs'));",
);
// The yaml library is set up on first use (grader/yaml/yaml-module.ts): most runs parse no YAML
// (the bank's data is cached, the usual submission is read by a small reader of our own).
const yamlOnDemand = replace(
  'yaml-on-demand',
  /grader[\\/]yaml[\\/]yaml-module\.ts$/,
  "let m; export const yamlModule = () => (m ??= require('yaml'));",
  process.cwd(),
);
// chalk detects colour support when loaded, and that loads node:tty (and with it Node's socket
// and stream classes): a few milliseconds of every start. The CLI sets chalk's level itself before
// any output (cli/main.ts colourLevel, cli/bin.ts), so the bundle's chalk detects nothing.
const noColourDetection = replace(
  'no-colour-detection',
  /chalk[\\/]source[\\/]vendor[\\/]supports-color[\\/]index\.js$/,
  'export default { stdout: false, stderr: false };',
);
await Promise.all([
  build({
    ...common,
    entryPoints: ['grader/cli/bin.ts'],
    outfile: 'dist/grader.cjs',
    minify: true,
    plugins: [schemaApart, noColourDetection, yamlOnDemand],
    external: [...common.external, './schema.cjs'],
  }),
  build({ ...common, entryPoints: ['grader/bank/schema.ts'], outfile: 'dist/schema.cjs', minify: true }),
  build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'dist/bench.cjs', minify: false }),
]);
rmSync('dist/grader.cjs.cache', { force: true });
rmSync('dist/grader.mjs', { force: true });
// Warm the code cache (best effort: a read-only install simply starts a little slower). The cache
// holds the functions that the warming run compiled, so it grades: a submission of right, wrong
// and invalid answers in both notations, rendered as JSON, covers what most runs call. A new
// build's first run fills the bank's caches (parsing YAML, validating, drawing points), which
// later runs skip: the code cache is made by a second run, so it holds what those later runs
// compile and nothing that only a first run needs (a smaller cache is read faster at every start).
const warm = () =>
  spawnSync(process.execPath, ['bin/grader.cjs', 'grade', 'submissions/bob.yaml', 'submissions/dave-latex.yaml', '--format', 'json'], { stdio: 'ignore' });
warm();
rmSync('dist/grader.cjs.cache', { force: true });
warm();
