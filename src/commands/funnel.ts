/**
 * The one place command errors become words. Every failure is logged in full (status, title,
 * detail, validation errors, traceId, method + path) and shown as ONE sentence — what failed,
 * then why, in a person's words — with only the actions that can help. Cancelling is silent.
 */
import * as vscode from 'vscode';
import { wasAnnounced } from '../model/connectionTracker';
import { isNotSignedIn } from '../model/notSignedIn';
import { getPrompter } from '../ui/prompterHolder';
import type { EnclaveNode } from '../tree/nodes';
import type { CommandContext, CommandHandler } from './context';
import { detailsFor, isCancellation, isUnauthorized, reasonFor } from './describeError';

export interface FailureOptions {
  /** What failed, e.g. "Enrolment key 'Build agents' could not be created". */
  readonly what: string;
  /** Offered as "Retry": run the same thing again. */
  readonly retry?: () => unknown;
  /** Offered as "Edit Again": reopen the form with what the user typed. */
  readonly editAgain?: () => unknown;
}

const RETRY = 'Retry';
const EDIT_AGAIN = 'Edit Again';
const SIGN_IN = 'Sign In';
const SHOW_LOG = 'Show Log';

export async function reportFailure(ctx: CommandContext, error: unknown, options: FailureOptions): Promise<void> {
  if (isCancellation(error)) {
    ctx.log.debug(`${options.what}: cancelled`);
    return;
  }
  if (isNotSignedIn(error)) {
    ctx.log.info(`${options.what}: not signed in`);
    const choice = await getPrompter().info('Sign in to Enclave first: this needs a personal access token.', SIGN_IN);
    if (choice === SIGN_IN) await vscode.commands.executeCommand('enclave.signIn');
    return;
  }
  ctx.log.error(`${options.what}: ${detailsFor(error)}`);
  // The session has shown its one "token rejected" warning (with Sign In) for this 401 or an
  // earlier one of the same rejection; a second message about it would only be noise.
  if (isUnauthorized(error) && wasAnnounced(error)) return;

  const actions: string[] = [];
  if (options.retry) actions.push(RETRY);
  if (options.editAgain) actions.push(EDIT_AGAIN);
  if (isUnauthorized(error)) actions.push(SIGN_IN);
  actions.push(SHOW_LOG);
  const choice = await getPrompter().error(sentence(`${options.what}: ${reasonFor(error, ctx.session.apiUrl)}`), ...actions);
  if (choice === RETRY) await again(ctx, options.retry, options);
  else if (choice === EDIT_AGAIN) await again(ctx, options.editAgain, options);
  else if (choice === SIGN_IN) await vscode.commands.executeCommand('enclave.signIn');
  else if (choice === SHOW_LOG) ctx.log.show();
}

async function again(ctx: CommandContext, action: (() => unknown) | undefined, options: FailureOptions): Promise<void> {
  try {
    await action?.();
  } catch (error) {
    await reportFailure(ctx, error, options);
  }
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Runs a command handler so that nothing it throws escapes unreported: the generic `what` names
 * the command by its title ("Create Enrolment Key"). Handlers that know better (which key, which
 * system) call reportFailure themselves with a precise `what`.
 */
export async function runCommand(ctx: CommandContext, title: string, handler: CommandHandler, node?: EnclaveNode, selected?: readonly EnclaveNode[]): Promise<unknown> {
  try {
    return await handler(ctx, node, selected);
  } catch (error) {
    await reportFailure(ctx, error, { what: `Enclave: ${title} failed`, retry: () => runCommand(ctx, title, handler, node, selected) });
    return undefined;
  }
}
