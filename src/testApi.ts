/**
 * What activate() returns in Test and Development mode, for the integration tests that run in a
 * real extension host: the live objects, a way to script every prompt, what the status bar and
 * context keys show, and every line written to the Enclave log (for "the token never leaks"
 * assertions). Production activations return nothing, so none of this is reachable there.
 */
import type * as vscode from 'vscode';
import type { TokenStore } from './auth/tokenStore';
import type { CommandContext, StoreApi } from './commands/context';
import type { ActivityNode } from './features/activity/nodes';
import type { Session } from './model/session';
import type { EnclaveNode } from './tree/nodes';
import type { ContextKeys } from './ui/contextKeys';
import { setExternalOpener } from './ui/externalOpener';
import { Log } from './ui/log';
import { BACK, type Prompter } from './ui/prompter';
import { setPrompter } from './ui/prompterHolder';
import type { ActivityView } from './ui/activityView';
import type { StatusView } from './ui/statusBar';

export interface EnclaveExtensionApi {
  readonly session: Session;
  readonly store: StoreApi;
  readonly log: Log;
  /** The context every command handler receives (to call a handler directly). */
  readonly commandContext: CommandContext;
  /** Installs a prompter (e.g. the scripted one of test/integration/support). */
  setPrompter(prompter: Prompter): void;
  /** Puts the real window prompter back. */
  restorePrompter(): void;
  readonly tree: {
    getChildren(node?: EnclaveNode): vscode.ProviderResult<EnclaveNode[]>;
    getTreeItem(node: EnclaveNode): vscode.TreeItem | Thenable<vscode.TreeItem>;
  };
  /** Every line written to the "Enclave" channel since activation, after redaction, any level. */
  logLines(): string[];
  /** The Activity view: rows as VS Code asks for them, its description, whether it was ever loaded. */
  readonly activity: {
    getChildren(node?: ActivityNode): Promise<ActivityNode[]>;
    getTreeItem(node: ActivityNode): vscode.TreeItem;
    description(): string | undefined;
    loaded(): boolean;
  };
  /** What the status bar item shows now. */
  status(): StatusView;
  /** The `enclave.signedIn` / `enclave.state` context keys as last set. */
  contextKeys(): ReturnType<ContextKeys['current']>;
  /** The token stored in SecretStorage for an origin (default: the configured one). */
  storedToken(origin?: string): Promise<string | undefined>;
  /**
   * The extension's own BACK symbol (src/ui/prompter.ts). Tests load src/ from out/ while the
   * extension runs from dist/, so their BACK is a different symbol: answer with this one.
   */
  readonly back: symbol;
  /** Stores a token without prompts and connects: for tests that are not about sign-in. */
  signInWithToken(token: string): Promise<void>;
  /**
   * The extension's own `context.secrets`: writing it directly is what another window's sign-in
   * or sign-out looks like from here (SecretStorage is shared, its change events reach us).
   */
  readonly secrets: vscode.SecretStorage;
  /** Replaces vscode.env.openExternal for the flows that open the browser (undefined: the real one again). */
  setExternalOpener(opener: ((url: string) => boolean | Promise<boolean>) | undefined): void;
  /** The Enclave view's badge as set now (systems awaiting approval), undefined when none. */
  badge(): vscode.ViewBadge | undefined;
}

/** The Log with a memory: lines are kept exactly as written (redacted), at every level. */
export class RecordingLog extends Log {
  readonly lines: string[] = [];

  private keep(level: string, message: string): void {
    this.lines.push(`[${level}] ${this.redact(message)}`);
  }

  override trace(message: string): void { this.keep('trace', message); super.trace(message); }
  override debug(message: string): void { this.keep('debug', message); super.debug(message); }
  override info(message: string): void { this.keep('info', message); super.info(message); }
  override warn(message: string): void { this.keep('warn', message); super.warn(message); }
  override error(message: string): void { this.keep('error', message); super.error(message); }
}

/** The live objects activate() built, from which the test API is made. */
export interface TestApiSources {
  readonly session: Session;
  readonly store: StoreApi;
  readonly log: Log;
  readonly commandContext: CommandContext;
  readonly tree: EnclaveExtensionApi['tree'];
  readonly statusBar: { current(): StatusView };
  readonly contextKeys: ContextKeys;
  readonly tokens: TokenStore;
  readonly secrets: vscode.SecretStorage;
  /** The prompter activation installed, which restorePrompter puts back. */
  readonly windowPrompter: Prompter;
  readonly activity: ActivityView;
  readonly view: { readonly badge?: vscode.ViewBadge };
}

export function createTestApi(from: TestApiSources): EnclaveExtensionApi {
  const { session, log } = from;
  return {
    session,
    store: from.store,
    log,
    commandContext: from.commandContext,
    setPrompter,
    restorePrompter: () => setPrompter(from.windowPrompter),
    tree: {
      getChildren: (node?: EnclaveNode) => from.tree.getChildren(node),
      getTreeItem: (node: EnclaveNode) => from.tree.getTreeItem(node),
    },
    logLines: () => (log instanceof RecordingLog ? [...log.lines] : []),
    activity: {
      getChildren: (node?: ActivityNode) => from.activity.getChildren(node),
      getTreeItem: (node: ActivityNode) => from.activity.getTreeItem(node),
      description: () => from.activity.view.description,
      loaded: () => from.activity.loaded !== undefined,
    },
    status: () => from.statusBar.current(),
    back: BACK,
    contextKeys: () => from.contextKeys.current(),
    secrets: from.secrets,
    setExternalOpener: (opener) => setExternalOpener(opener && (async (uri) => opener(uri.toString(true)))),
    badge: () => from.view.badge,
    storedToken: (origin?: string) => Promise.resolve(from.tokens.get(origin ?? session.origin ?? '')),
    signInWithToken: async (token: string) => {
      if (!session.origin) throw new Error(`enclave.apiUrl is not a URL: ${session.apiUrl}`);
      if (!(await session.acceptToken(session.origin, token))) throw new Error(`Signing in with the given token failed: ${session.state.kind}`);
    },
  };
}
