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

import type { CommandContext, CommandHandler } from '../commands/context';
import type { FeatureCommandId } from '../commands/ids';
import { handler as filterList } from './filterList';
import { handler as clearFilter } from './clearFilter';
import { handler as showDisabled } from './showDisabled';
import { handler as hideDisabled } from './hideDisabled';
import { handler as groupSystems } from './groupSystems';
import { ActivityTree, type ActivityDeps } from './activity/tree';
import { handler as refreshActivity } from './refreshActivity';
import { handler as loadMoreActivity } from './loadMoreActivity';
import { handler as filterActivityLevel } from './filterActivityLevel';
import { handler as filterActivityText } from './filterActivityText';
import { handler as clearActivityFilter } from './clearActivityFilter';
import type * as vscode from 'vscode';
import { handler as editSystemAsJson } from './editSystemAsJson';
import { handler as editEnrolmentKeyAsJson } from './editEnrolmentKeyAsJson';
import { handler as editOrganisationAsJson } from './editOrganisationAsJson';
import { JsonFileSystem } from './json/fileSystem';
import { handler as copySetupCommand } from './copySetupCommand';
import { handler as insertEnrolmentKeyReference } from './insertEnrolmentKeyReference';
import { handler as cleanUpStaleSystems } from './cleanUpStaleSystems';
import { handler as enableSystemFor } from './enableSystemFor';
import { handler as enableEnrolmentKeyFor } from './enableEnrolmentKeyFor';
import { handler as reviewApprovals } from './reviewApprovals';

// Undo (offered by the main bundle's confirmations through src/commands/undoLater.ts).
export { runUndo } from '../commands/undo';
export { editUndo } from '../commands/undoEdit';
export { toggleUndo } from '../commands/undoToggle';
export { CORE_HANDLERS } from '../commands/handlers';
export { startApprovalAlerts } from './approvalAlerts';

export const FEATURE_HANDLERS: Record<FeatureCommandId, CommandHandler> = {
  'enclave.filterList': filterList,
  'enclave.clearFilter': clearFilter,
  'enclave.showDisabled': showDisabled,
  'enclave.hideDisabled': hideDisabled,
  'enclave.groupSystems': groupSystems,
  'enclave.refreshActivity': refreshActivity,
  'enclave.loadMoreActivity': loadMoreActivity,
  'enclave.filterActivityLevel': filterActivityLevel,
  'enclave.filterActivityText': filterActivityText,
  'enclave.clearActivityFilter': clearActivityFilter,
  'enclave.editSystemAsJson': editSystemAsJson,
  'enclave.editEnrolmentKeyAsJson': editEnrolmentKeyAsJson,
  'enclave.editOrganisationAsJson': editOrganisationAsJson,
  'enclave.copySetupCommand': copySetupCommand,
  'enclave.insertEnrolmentKeyReference': insertEnrolmentKeyReference,
  'enclave.cleanUpStaleSystems': cleanUpStaleSystems,
  'enclave.enableSystemFor': enableSystemFor,
  'enclave.enableEnrolmentKeyFor': enableEnrolmentKeyFor,
  'enclave.reviewApprovals': reviewApprovals,
};

/** The Activity view's implementation, for its shim in the main bundle (src/ui/activityView.ts). */
export function createActivityTree(deps: ActivityDeps): ActivityTree {
  return new ActivityTree(deps);
}

/** Edit as JSON: the `enclave:` file system behind the shim of src/ui/enclaveFileSystem.ts. */
export function createJsonFileSystem(ctx: CommandContext, fire: (events: vscode.FileChangeEvent[]) => void): vscode.FileSystemProvider & vscode.Disposable {
  return new JsonFileSystem(ctx, fire);
}
