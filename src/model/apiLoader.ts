import * as path from 'path';
import type * as Api from '../api';

let loaded: typeof Api | undefined;

/**
 * Loads the API client bundle (dist/api.js, which carries undici) on first use, so activation
 * does not pay for the HTTP stack. The require path is computed at run time so esbuild leaves
 * it out of the extension bundle. Tests that run from out/ load the compiled sources instead.
 */
export function loadApi(): typeof Api {
  if (!loaded) {
    const file = __filename.endsWith('extension.js')
      ? path.join(__dirname, 'api.js')
      : path.join(__dirname, '..', 'api', 'index.js');
    loaded = require(file) as typeof Api;
  }
  return loaded;
}
