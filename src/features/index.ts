/**
 * The entry of dist/features.js: the feature commands (search and filter, approvals, timed
 * access, edit as JSON, undo, setup snippets, clean-up, activity log, grouping) and the pieces of
 * their views that only run once used. Nothing here is loaded at activation: src/commands/
 * lazyFeatures.ts requires this bundle the first time one of these commands runs or a thin
 * activation-time shim asks for it.
 *
 * Modules imported from here are copied into this bundle: state that must be shared with
 * dist/extension.js lives on globalThis (src/ui/shared.ts), and nothing here may rely on
 * `instanceof` against a class of the other bundle.
 */
import type { CommandHandler } from '../commands/context';
import type { FeatureCommandId } from '../commands/ids';
import { handler as reviewApprovals } from './reviewApprovals';

export { startApprovalAlerts } from './approvalAlerts';

export const FEATURE_HANDLERS: Record<FeatureCommandId, CommandHandler> = {
  'enclave.reviewApprovals': reviewApprovals,
};
