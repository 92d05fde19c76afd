/**
 * Enclave: Sign In. Optionally opens the portal's account page (where tokens are made), then asks
 * for the token in a password box that checks the format as the user types, verifies it live,
 * and only then stores it in SecretStorage under the API origin. A rejected or unverifiable
 * token is never saved; the box comes back with the value kept and the reason shown.
 */
import * as vscode from 'vscode';
import { unsafeApiUrlReason } from '../auth/apiUrlPolicy';
import { normaliseToken, tokenFormatProblem } from '../auth/tokenFormat';
import { verifyToken } from '../auth/verifyToken';
import { originOf } from '../config';
import { sessionOf } from '../model/session';
import { openExternal } from '../ui/externalOpener';
import { BACK, type PickItem } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import type { CommandHandler } from './context';
import { hostOf } from './describeError';

export const PORTAL_ACCOUNT_URL = 'https://portal.enclave.io/account';
export const REJECTED_TOKEN_MESSAGE = 'Enclave rejected this token: it may have been revoked or mistyped. Paste another one.';

type Route = 'portal' | 'paste';

const ROUTES: readonly PickItem<Route>[] = [
  { label: '$(link-external) Open the Enclave Portal to create a token', detail: 'Opens portal.enclave.io/account in your browser; paste the new token here afterwards.', value: 'portal' },
  { label: '$(key) I have a token', detail: 'Paste a personal access token (63 letters and digits).', value: 'paste' },
];

export const handler: CommandHandler = async (ctx) => {
  const prompter = getPrompter();
  const session = sessionOf(ctx);
  const url = session.apiUrl;
  const unsafe = unsafeApiUrlReason(url);
  const origin = originOf(url);
  if (unsafe || !origin) {
    ctx.log.warn(`Sign-in refused: ${unsafe ?? url}`);
    const choice = await prompter.error(unsafe ?? `The Enclave API URL "${url}" is not usable.`, 'Open Settings');
    if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'enclave.apiUrl');
    return;
  }
  const route = await prompter.pick(ROUTES, { title: 'Sign in to Enclave', placeholder: 'You need a personal access token from the Enclave Portal', ignoreFocusOut: true });
  if (route === undefined || route === BACK) return;
  if (route === 'portal') await openExternal(vscode.Uri.parse(PORTAL_ACCOUNT_URL));

  const host = hostOf(url);
  let value: string | undefined;
  let rejected: string | undefined;
  let prompt = `Paste your Enclave personal access token. It is checked with ${host} and kept in VS Code's secret storage.`;
  for (;;) {
    const answer = await prompter.input({
      title: 'Sign in to Enclave',
      prompt,
      value,
      placeholder: '63 letters and digits',
      password: true,
      ignoreFocusOut: true,
      validate: (v) => (rejected !== undefined && normaliseToken(v) === rejected ? REJECTED_TOKEN_MESSAGE : tokenFormatProblem(v)),
    });
    if (answer === undefined || answer === BACK) return;
    const token = normaliseToken(answer);
    if (token === '' || tokenFormatProblem(token)) return;
    const result = await verifyToken(session.factory, url, token);
    if (result.kind === 'accepted') {
      await session.acceptToken(origin, token, result.orgs);
      const n = result.orgs.length;
      ctx.log.info(`Signed in to ${host}: ${n} organisation(s)`);
      await prompter.info(`Signed in to Enclave: ${n} organisation${n === 1 ? '' : 's'}.`);
      return;
    }
    value = answer;
    if (result.kind === 'rejected') {
      rejected = token;
      prompt = `${REJECTED_TOKEN_MESSAGE} (${host})`;
    } else {
      prompt = `Could not check the token: ${result.reason}. Check the connection or the "enclave.apiUrl" setting, then press Enter to try again.`;
    }
  }
};
