import type * as Features from '../features';
import { lazyModulePath } from '../model/bundlePath';
import type { CommandHandler } from './context';
import type { CommandId } from './ids';

let loaded: typeof Features | undefined;

/**
 * Loads the command bundle (dist/features.js: every command handler, core and feature) on first
 * use: activation never pays for it.
 */
export function loadFeatures(): typeof Features {
  if (!loaded) {
    loaded = require(lazyModulePath('features', 'features')) as typeof Features;
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
