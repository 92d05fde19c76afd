// The Undo action on the confirmations of enable, disable and edit. Only the offer is in the main
// bundle: what undoing does (undo.ts, undoEdit.ts, undoToggle.ts) loads with the feature bundle
// once Undo is chosen, so activation and the main bundle pay for a few lines only.
import type * as Features from '../features';
import { getPrompter } from '../ui/prompterHolder';
import type { CommandContext } from './context';
import { loadFeatures } from './lazyFeatures';
import type { UndoAction } from './undo';

export const UNDO = 'Undo';

/** Shows `message` with Undo; not awaited (like `say`). `build` makes the undo from the loaded features. */
export function offerUndoLater(ctx: CommandContext, message: string, build: (features: typeof Features) => UndoAction): void {
  void getPrompter()
    .info(message, UNDO)
    .then((choice) => {
      if (choice !== UNDO) return undefined;
      const features = loadFeatures();
      return features.runUndo(ctx, build(features));
    })
    .catch((error: unknown) => ctx.log.warn(`Undo after "${message}" failed: ${String(error)}`));
}
