/**
 * Every command the extension contributes, in one table. A unit test (test/unit/core/ids.test.ts)
 * checks it against package.json both ways, so a command cannot be declared without a handler
 * or registered without being declared.
 */
/** The commands of src/commands/ (their handlers: src/commands/handlers.ts). */
export const CORE_COMMAND_IDS = [
  'enclave.signIn',
  'enclave.signOut',
  'enclave.refresh',
  'enclave.showLog',
  'enclave.loadMore',
  'enclave.createEnrolmentKey',
  'enclave.editSystem',
  'enclave.editEnrolmentKey',
  'enclave.editOrganisation',
  'enclave.enableSystem',
  'enclave.disableSystem',
  'enclave.enableEnrolmentKey',
  'enclave.disableEnrolmentKey',
  'enclave.approveSystem',
  'enclave.declineSystem',
  'enclave.revokeSystem',
  'enclave.deleteEnrolmentKey',
  'enclave.copyEnrolmentKey',
  'enclave.copyId',
  'enclave.openInPortal',
] as const;

/**
 * The commands of src/features/ (their handlers: src/features/index.ts). Both tables' handlers
 * are bundled into dist/features.js, loaded the first time any command runs
 * (src/commands/lazyFeatures.ts), so no command costs anything at activation.
 */
export const FEATURE_COMMAND_IDS = [
  // search, filter and grouping
  'enclave.filterList',
  'enclave.clearFilter',
  'enclave.showDisabled',
  'enclave.hideDisabled',
  'enclave.groupSystems',
  // Activity log
  'enclave.refreshActivity',
  'enclave.loadMoreActivity',
  'enclave.filterActivityLevel',
  'enclave.filterActivityText',
  'enclave.clearActivityFilter',
  'enclave.editSystemAsJson',
  'enclave.editEnrolmentKeyAsJson',
  'enclave.editOrganisationAsJson',
  // Setup snippets and clean-up (issue 6, items 6 and 7)
  'enclave.copySetupCommand',
  'enclave.insertEnrolmentKeyReference',
  'enclave.cleanUpStaleSystems',
  // Time-boxed access
  'enclave.enableSystemFor',
  'enclave.enableEnrolmentKeyFor',
  // Approvals inbox
  'enclave.reviewApprovals',
] as const;

export const COMMAND_IDS = [...CORE_COMMAND_IDS, ...FEATURE_COMMAND_IDS] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
export type CoreCommandId = (typeof CORE_COMMAND_IDS)[number];
export type FeatureCommandId = (typeof FEATURE_COMMAND_IDS)[number];

/** The part after "enclave.": also the file name of the command's module (src/commands/ or src/features/). */
export type CommandName = CommandId extends `enclave.${infer Name}` ? Name : never;

export function commandName(id: CommandId): CommandName {
  return id.slice('enclave.'.length) as CommandName;
}
