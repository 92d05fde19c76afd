/**
 * Enclave: Show Log. Also what the status bar runs while offline: after showing the log it
 * retries the connection at once instead of waiting for the next background attempt.
 */
import type { CommandHandler } from './context';
import type { Session } from '../model/session';

export const handler: CommandHandler = (ctx) => {
  ctx.log.show();
  // By shape, not instanceof: this runs from dist/features.js, with its own copy of Session.
  const session = ctx.session as Partial<Session>;
  if (ctx.session.state.kind === 'unreachable' && typeof session.retryNow === 'function') session.retryNow();
};
