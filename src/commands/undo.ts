// Undo: the confirmation after an enable, disable or edit offers to put things back. The undo is
// one more change like any other — progress, the call through the session, the affected lists
// invalidated (mutate) — and a failure goes through the funnel with Retry. It runs at most once:
// after it succeeded, nothing can send it again, and its own "done" message offers no Undo.
// This module is loaded with the feature bundle (the main bundle offers Undo through undoLater.ts).
import type { EnclaveClient } from '../api';
import type { ListKind } from '../tree/nodes';
import type { CommandContext } from './context';
import { reportFailure } from './funnel';
import { mutate, say } from './mutate';

export interface UndoAction {
  /** The progress notification's text, e.g. "Enabling system 'web-01'…". */
  readonly progress: string;
  readonly orgId: string;
  /** The lists of `orgId` the undo changes. */
  readonly affects: readonly ListKind[];
  /** The organisation list changes too (an organisation renamed back). */
  readonly orgList?: boolean;
  readonly run: (client: EnclaveClient, signal: AbortSignal) => Promise<unknown>;
  /** Said once the undo succeeded; a function when it depends on the answer (a bulk count). */
  readonly done: string | ((result: unknown) => string);
  /**
   * Runs before the call (and again on Retry): false stops the undo, having said why or asked
   * (an edit undone after someone else changed the same fields).
   */
  readonly check?: () => Promise<boolean>;
  /** What failed, for the error message; defaults to "Undo failed". */
  readonly failed?: string;
  /** False for a PATCH: once sent it cannot be called back. Default true. */
  readonly cancellable?: boolean;
}

/**
 * Runs the undo once: Retry (after a failure) runs the same attempt, check included; after one
 * attempt succeeded nothing sends it again.
 */
export function runUndo(ctx: CommandContext, undo: UndoAction): Promise<void> {
  let done = false;
  const attempt = async (): Promise<void> => {
    if (done) return;
    try {
      if (undo.check && !(await undo.check())) return;
      const result = await mutate(ctx, { ...undo, cancellable: undo.cancellable ?? true });
      done = true;
      say(typeof undo.done === 'string' ? undo.done : undo.done(result));
    } catch (error) {
      await reportFailure(ctx, error, { what: undo.failed ?? 'Undo failed', retry: attempt });
    }
  };
  return attempt();
}
