import type * as Api from '../api';
import { lazyModulePath } from './bundlePath';

let loaded: typeof Api | undefined;

/**
 * Loads the API client bundle (dist/api.js, which carries undici) on first use, so activation
 * does not pay for the HTTP stack. The require path is computed at run time so esbuild leaves
 * it out of the extension bundle. Tests that run from out/ load the compiled sources instead.
 */
export function loadApi(): typeof Api {
  if (!loaded) {
    loaded = require(lazyModulePath('api', 'api')) as typeof Api;
  }
  return loaded;
}
