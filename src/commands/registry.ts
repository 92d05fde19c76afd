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
import { COMMAND_IDS, type CommandId } from './ids';
import { lazyHandler } from './lazyFeatures';


/** Every command, behind the lazily loaded command bundle (src/commands/handlers.ts, src/features/). */
export const HANDLERS = Object.fromEntries(COMMAND_IDS.map((id) => [id, lazyHandler(id)])) as Record<CommandId, CommandHandler>;

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
