/**
 * The one place command ids meet their handlers. `Record<CommandId, …>` makes the compiler
 * refuse a table that misses a command; the ids themselves are checked against package.json by
 * test/unit/core/ids.test.ts. Every handler runs through runCommand, so nothing it throws
 * escapes the error funnel.
 */
import * as vscode from 'vscode';
import type { EnclaveNode } from '../tree/nodes';
import type { CommandContext, CommandHandler } from './context';
import { runCommand } from './funnel';
import { COMMAND_IDS, FEATURE_COMMAND_IDS, type CommandId, type CoreCommandId } from './ids';
import { lazyHandler } from './lazyFeatures';
import { handler as refresh } from './refresh';
import { handler as loadMore } from './loadMore';
import { handler as createEnrolmentKey } from './createEnrolmentKey';
import { handler as editSystem } from './editSystem';
import { handler as editEnrolmentKey } from './editEnrolmentKey';
import { handler as editOrganisation } from './editOrganisation';
import { handler as enableSystem } from './enableSystem';
import { handler as disableSystem } from './disableSystem';
import { handler as enableEnrolmentKey } from './enableEnrolmentKey';
import { handler as disableEnrolmentKey } from './disableEnrolmentKey';
import { handler as approveSystem } from './approveSystem';
import { handler as declineSystem } from './declineSystem';
import { handler as revokeSystem } from './revokeSystem';
import { handler as deleteEnrolmentKey } from './deleteEnrolmentKey';
import { handler as copyEnrolmentKey } from './copyEnrolmentKey';
import { handler as copyId } from './copyId';
import { handler as openInPortal } from './openInPortal';
import { handler as signIn } from './signIn';
import { handler as signOut } from './signOut';
import { handler as showLog } from './showLog';

const CORE_HANDLERS: Record<CoreCommandId, CommandHandler> = {
  'enclave.signIn': signIn,
  'enclave.signOut': signOut,
  'enclave.showLog': showLog,
  'enclave.refresh': refresh,
  'enclave.loadMore': loadMore,
  'enclave.createEnrolmentKey': createEnrolmentKey,
  'enclave.editSystem': editSystem,
  'enclave.editEnrolmentKey': editEnrolmentKey,
  'enclave.editOrganisation': editOrganisation,
  'enclave.enableSystem': enableSystem,
  'enclave.disableSystem': disableSystem,
  'enclave.enableEnrolmentKey': enableEnrolmentKey,
  'enclave.disableEnrolmentKey': disableEnrolmentKey,
  'enclave.approveSystem': approveSystem,
  'enclave.declineSystem': declineSystem,
  'enclave.revokeSystem': revokeSystem,
  'enclave.deleteEnrolmentKey': deleteEnrolmentKey,
  'enclave.copyEnrolmentKey': copyEnrolmentKey,
  'enclave.copyId': copyId,
  'enclave.openInPortal': openInPortal,
};

/** Every command: the core ones, and the feature ones behind the lazily loaded bundle. */
export const HANDLERS: Record<CommandId, CommandHandler> = {
  ...CORE_HANDLERS,
  ...(Object.fromEntries(FEATURE_COMMAND_IDS.map((id) => [id, lazyHandler(id)])) as Record<Exclude<CommandId, CoreCommandId>, CommandHandler>),
};

/** Tree menus pass (clicked node, selected nodes); anything else (palette, keybinding, a URI) is no target. */
function asNode(value: unknown): EnclaveNode | undefined {
  const v = value as Partial<EnclaveNode> | undefined;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && typeof v.id === 'string' ? (v as EnclaveNode) : undefined;
}

function asNodes(value: unknown): readonly EnclaveNode[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const nodes = value.map(asNode).filter((n): n is EnclaveNode => n !== undefined);
  return nodes.length > 0 ? nodes : undefined;
}

/** Titles from the manifest, so the funnel's generic message names the command as the user saw it. */
function titles(context: vscode.ExtensionContext): Map<string, string> {
  const contributed = (context.extension.packageJSON?.contributes?.commands ?? []) as { command: string; title: string }[];
  return new Map(contributed.map((c) => [c.command, c.title]));
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const titleOf = titles(ctx.extension);
  return COMMAND_IDS.map((id) =>
    vscode.commands.registerCommand(id, (node?: unknown, selected?: unknown) =>
      runCommand(ctx, titleOf.get(id) ?? id, HANDLERS[id], asNode(node), asNodes(selected)),
    ),
  );
}
