// Bundles the extension for the Node extension host.
//
// Three bundles, so activation stays cheap: `extension.js` (wiring, tree, core commands: loaded
// at activation), `api.js` (the Enclave client with undici: loaded on the first request) and
// `features.js` (the feature commands: loaded the first time one runs).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: { extension: 'src/extension.ts', api: 'src/api/index.ts', features: 'src/features/index.ts' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  sourcesContent: false,
  logLevel: 'info',
  metafile: true,
  // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow: take its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  const result = await esbuild.build(options);
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}: ${output.bytes} bytes`);
  }
}
