import * as vscode from 'vscode';
import { apiUrl, originOf } from '../config';
import type { Log } from '../ui/log';
import { isLoopbackUrl } from './apiUrlPolicy';
import { isWellFormedToken, normaliseToken } from './tokenFormat';
import type { TokenStore } from './tokenStore';

/**
 * Demo hand-over: `npm run demo` starts the local Enclave-compatible server and a VS Code with
 * this extension in development mode, passing the server's token in ENCLAVE_DEMO_TOKEN so the
 * demo opens signed in. It is taken only outside Production mode, only for a loopback API URL
 * (the local server, never a real one), only when no token is stored for that origin yet, and
 * only when it is well-formed. Storing it goes through SecretStorage like any sign-in.
 */
export async function adoptDemoToken(context: vscode.ExtensionContext, tokens: TokenStore, log: Log): Promise<boolean> {
  const offered = process.env.ENCLAVE_DEMO_TOKEN;
  if (!offered || context.extensionMode === vscode.ExtensionMode.Production) return false;
  const url = apiUrl();
  const origin = originOf(url);
  if (!origin || !isLoopbackUrl(url)) return false;
  const token = normaliseToken(offered);
  if (!isWellFormedToken(token)) {
    log.warn('ENCLAVE_DEMO_TOKEN is set but is not a 63-character token; ignored');
    return false;
  }
  if (await tokens.get(origin)) return false;
  log.addSecret(token);
  await tokens.store(origin, token);
  log.info(`Stored the demo token for ${origin} (from ENCLAVE_DEMO_TOKEN)`);
  return true;
}
