// Bundles the CLI into one CommonJS file, then runs it once so that bin/grader.mjs can save
// V8's code cache beside it: start-up is then a fraction of loading mathjs, yaml, zod and chalk
// module by module (see README, design notes). KaTeX stays outside; only HTML reports load it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

await build({
  entryPoints: ['grader/cli/bin.ts'],
  outfile: 'dist/grader.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['katex'],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: 'var __importMetaUrl=require("url").pathToFileURL(__filename).href;' },
});
rmSync('dist/grader.cjs.cache', { force: true });
rmSync('dist/grader.mjs', { force: true });
// Warm the code cache (best effort: a read-only install simply starts a little slower).
spawnSync(process.execPath, ['bin/grader.mjs', 'list'], { stdio: 'ignore' });
