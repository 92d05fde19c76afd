/**
 * Enclave: Show Log. Also what the status bar runs while offline: after showing the log it
 * retries the connection at once instead of waiting for the next background attempt.
 */
import type { CommandHandler } from './context';
import { Session } from '../model/session';

export const handler: CommandHandler = (ctx) => {
  ctx.log.show();
  if (ctx.session.state.kind === 'unreachable' && ctx.session instanceof Session) ctx.session.retryNow();
};
