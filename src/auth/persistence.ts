import * as vscode from 'vscode';
import type { Log } from '../ui/log';
import type { Prompter } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { TOKEN_NOT_KEPT_WARNING, TokenMarkers, type MarkerState } from './persistenceMarker';
import type { TokenStore } from './tokenStore';

export interface PersistenceCheck {
  readonly state: MarkerState;
  readonly tokens: Pick<TokenStore, 'get'>;
  readonly origin: string | undefined;
  readonly log: Log;
  readonly prompter: Prompter;
}

/**
 * Warns once when the token stored for `origin` did not survive a restart (persistenceMarker.ts
 * says how that is told apart from a sign-out). Resolves to whether it warned.
 */
export async function checkTokenKept(check: PersistenceCheck): Promise<boolean> {
  const { origin } = check;
  if (!origin) return false;
  if (!(await new TokenMarkers(check.state).lost(origin, await check.tokens.get(origin)))) return false;
  check.log.warn(`The token stored for ${origin} is no longer in SecretStorage although nobody signed out: secrets are not persisted on this system (no keyring?)`);
  const choice = await check.prompter.warn(TOKEN_NOT_KEPT_WARNING, 'Sign In');
  if (choice === 'Sign In') await vscode.commands.executeCommand('enclave.signIn');
  return true;
}

/** Marks every token stored (and unmarks every one removed) from now on, and checks once `ready` resolves. */
export function watchTokenPersistence(context: vscode.ExtensionContext, tokens: TokenStore, log: Log, ready: Promise<string | undefined>): vscode.Disposable {
  const markers = new TokenMarkers(context.globalState);
  const subscription = tokens.onDidChange(async (origin) => {
    try {
      await markers.follow(origin, await tokens.get(origin));
    } catch (error) {
      log.warn(`Could not update the token marker for ${origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  void ready
    .then((origin) => checkTokenKept({ state: context.globalState, tokens, origin, log, prompter: getPrompter() }))
    .catch((error: unknown) => log.warn(`Could not check whether the token was kept: ${error instanceof Error ? error.message : String(error)}`));
  return subscription;
}
