/**
 * Activation only wires: the log, the token store, the session, the store and tree, the status
 * bar, context keys and the commands. Nothing here talks to the network: the first request is
 * made when the view becomes visible or a command runs.
 */
import * as vscode from 'vscode';
import { adoptDemoToken } from './auth/demoToken';
import { watchTokenPersistence } from './auth/persistence';
import { TokenStore } from './auth/tokenStore';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/registry';
import { userAgentFor } from './model/clientFactory';
import { readNetworkOptions } from './model/httpSettings';
import { Session } from './model/session';
import { EnclaveStore } from './model/store';
import { createTestApi, RecordingLog, type EnclaveExtensionApi } from './testApi';
import type { EnclaveNode } from './tree/nodes';
import { EnclaveTreeProvider } from './tree/provider';
import { ActivityView } from './ui/activityView';
import { ApprovalsBadge } from './ui/approvalsBadge';
import { registerAutoRefresh } from './ui/autoRefresh';
import { ContextKeys } from './ui/contextKeys';
import { registerEnclaveFileSystem } from './ui/enclaveFileSystem';
import { Log } from './ui/log';
import { filterMemory, groupingMemory } from './ui/memories';
import { setPrompter } from './ui/prompterHolder';
import { StatusBar } from './ui/statusBar';
import { WindowPrompter } from './ui/windowPrompter';

let active: Session | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<EnclaveExtensionApi | undefined> {
  const testable = context.extensionMode !== vscode.ExtensionMode.Production;
  const log = testable ? new RecordingLog() : new Log();
  const windowPrompter = new WindowPrompter();
  setPrompter(windowPrompter);
  const tokens = new TokenStore(context.secrets);
  context.subscriptions.push(log, tokens);
  await adoptDemoToken(context, tokens, log);

  const version = String(context.extension.packageJSON?.version ?? '0.0.0');
  const session = new Session(tokens, log, { userAgent: userAgentFor(version, vscode.version), log, network: readNetworkOptions });
  active = session;
  context.subscriptions.push(watchTokenPersistence(context, tokens, log, session.ready().then(() => session.origin)));
  const store = new EnclaveStore(session, log, { filters: filterMemory(context.globalState), grouping: groupingMemory(context.workspaceState) });
  const treeDataProvider = new EnclaveTreeProvider(store, session);
  const view = vscode.window.createTreeView<EnclaveNode>('enclave.networks', { treeDataProvider, showCollapseAll: true, canSelectMany: true });
  const statusBar = new StatusBar(session, store);
  const contextKeys = new ContextKeys(session, session.ready());
  context.subscriptions.push(session, store, treeDataProvider, view, statusBar, contextKeys, registerAutoRefresh(view, store, session));
  const activity = new ActivityView({ session, store, log });
  context.subscriptions.push(activity);
  context.subscriptions.push(treeDataProvider.followVisibility(view));
  context.subscriptions.push(new ApprovalsBadge(view, store, session));

  // The first connect happens when someone looks: the view shown, or a command's API call.
  // Signed out, connect() sends nothing but notes that someone looks, so that a token arriving
  // later (also from another window, through SecretStorage) connects at once.
  const connectIfVisible = (): void => {
    if (view.visible) void session.connect();
  };
  context.subscriptions.push(view.onDidChangeVisibility(connectIfVisible));
  connectIfVisible();

  const ctx: CommandContext = {
    extension: context,
    session,
    store,
    log,
    // Reveal walks getParent up to the root, so the rows above the node must be loaded and the
    // node must be the provider's own (its cached parents), not the caller's copy.
    reveal: async (node: EnclaveNode) => {
      const known = node.type === 'key' ? await treeDataProvider.nodeForKey(node.orgId, node.key.id) : treeDataProvider.findNode(node.id);
      await view.reveal(known ?? node, { select: true, focus: true, expand: false });
    },
    selection: () => view.selection,
  };
  context.subscriptions.push(...registerCommands(ctx));
  context.subscriptions.push(registerEnclaveFileSystem(ctx));
  log.info(`Enclave ${version} activated (${vscode.ExtensionMode[context.extensionMode]} mode); API ${session.apiUrl}`);

  if (!testable) return undefined;
  return createTestApi({ session, store, log, commandContext: ctx, tree: treeDataProvider, statusBar, contextKeys, tokens, secrets: context.secrets, windowPrompter, activity, view });
}

/** Closes the HTTP pool and the recovery timer; the rest goes with context.subscriptions. */
export async function deactivate(): Promise<void> {
  await active?.close();
  active = undefined;
}
