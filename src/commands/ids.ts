/**
 * Every command the extension contributes, in one table. A unit test (test/unit/core/ids.test.ts)
 * checks it against package.json both ways, so a command cannot be declared without a handler
 * or registered without being declared.
 */
export const COMMAND_IDS = [
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

export type CommandId = (typeof COMMAND_IDS)[number];

/** The part after "enclave.": also the file name of the command's module under src/commands/. */
export type CommandName = CommandId extends `enclave.${infer Name}` ? Name : never;

export function commandName(id: CommandId): CommandName {
  return id.slice('enclave.'.length) as CommandName;
}
