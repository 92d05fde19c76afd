/**
 * Enclave: Sign Out. Removes the token stored for the current API origin; other windows follow
 * through SecretStorage's change event. The token itself stays valid at Enclave, so the message
 * says where to revoke it.
 */
import { hostOf } from './describeError';
import type { CommandHandler } from './context';
import { sessionOf } from '../model/session';
import { getPrompter } from '../ui/prompterHolder';

export const handler: CommandHandler = async (ctx) => {
  const session = sessionOf(ctx);
  const host = hostOf(session.apiUrl);
  if (session.state.kind === 'signedOut') {
    await getPrompter().info(`You are not signed in to Enclave (${host}).`);
    return;
  }
  await session.signOut();
  ctx.log.info(`Signed out of ${host}`);
  await getPrompter().info(`Signed out of Enclave (${host}). The token was removed from VS Code; revoke it in the Enclave Portal if it is no longer needed.`);
};
