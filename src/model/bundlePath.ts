import * as path from 'path';

/**
 * Where a lazily loaded part of the extension is: `dist/<bundle>.js` next to the running bundle
 * (dist/extension.js or dist/features.js — shared code runs in both), or, for tests that run
 * the compiled sources from out/, `out/src/<folder>/index.js`. The path is computed at run time
 * so esbuild leaves the module out of the bundle that asks for it.
 */
export function lazyModulePath(bundle: 'api' | 'features', folder: string): string {
  return path.basename(__dirname) === 'dist' ? path.join(__dirname, `${bundle}.js`) : path.join(__dirname, '..', folder, 'index.js');
}
