// Bundles the CLI into one file: start-up is a fraction of loading mathjs, yaml, zod and chalk
// module by module (see README, design notes).
import { build } from 'esbuild';

await build({
  entryPoints: ['grader/cli/bin.ts'],
  outfile: 'dist/grader.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
