/**
 * Every command the extension contributes, in one table. A unit test (test/unit/core/ids.test.ts)
 * checks it against package.json both ways, so a command cannot be declared without a handler
 * or registered without being declared.
 */
/** The commands of src/commands/, bundled into dist/extension.js. */
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
 * The commands of src/features/: bundled into dist/features.js, which is loaded the first time
 * one of them runs (src/commands/lazyFeatures.ts), so they cost nothing at activation.
 */
export const FEATURE_COMMAND_IDS = [
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
