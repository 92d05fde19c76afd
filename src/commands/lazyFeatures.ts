import * as path from 'path';
import type * as Features from '../features';
import type { CommandHandler } from './context';
import type { CommandId } from './ids';

let loaded: typeof Features | undefined;

/**
 * Loads the command bundle (dist/features.js: every command handler, core and feature) on first
 * use: activation never pays for it. The
 * require path is computed at run time so esbuild leaves the module out of dist/extension.js.
 * Tests that run from out/ load the compiled sources instead.
 */
export function loadFeatures(): typeof Features {
  if (!loaded) {
    // From dist/features.js itself too: shared code (mutate's Undo offer) runs in both bundles.
    const file = /[\\/](extension|features)\.js$/.test(__filename)
      ? path.join(__dirname, 'features.js')
      : path.join(__dirname, '..', 'features', 'index.js');
    loaded = require(file) as typeof Features;
  }
  return loaded;
}

/** Whether the feature bundle has been loaded (tests: activation must not load it). */
export function featuresLoaded(): boolean {
  return loaded !== undefined;
}

/** A handler that loads the command bundle, then runs the command's real handler. */
export function lazyHandler(id: CommandId): CommandHandler {
  return (ctx, node, selected) => {
    const { CORE_HANDLERS, FEATURE_HANDLERS } = loadFeatures();
    return ({ ...CORE_HANDLERS, ...FEATURE_HANDLERS } as Record<CommandId, CommandHandler>)[id](ctx, node, selected);
  };
}
