/**
 * The core commands' handlers. Like the feature commands, they are bundled into
 * dist/features.js (this module is imported from src/features/index.ts, never from the
 * activation path), so activation loads none of the command code: registry.ts registers every
 * command with a handler that loads that bundle on first use.
 */
import type { CommandHandler } from './context';
import type { CoreCommandId } from './ids';
import { handler as refresh } from './refresh';
import { handler as loadMore } from './loadMore';
import { handler as createEnrolmentKey } from './createEnrolmentKey';
import { handler as editSystem } from './editSystem';
import { handler as editEnrolmentKey } from './editEnrolmentKey';
import { handler as editOrganisation } from './editOrganisation';
import { handler as enableSystem } from './enableSystem';
import { handler as disableSystem } from './disableSystem';
import { handler as enableEnrolmentKey } from './enableEnrolmentKey';
import { handler as disableEnrolmentKey } from './disableEnrolmentKey';
import { handler as approveSystem } from './approveSystem';
import { handler as declineSystem } from './declineSystem';
import { handler as revokeSystem } from './revokeSystem';
import { handler as deleteEnrolmentKey } from './deleteEnrolmentKey';
import { handler as copyEnrolmentKey } from './copyEnrolmentKey';
import { handler as copyId } from './copyId';
import { handler as openInPortal } from './openInPortal';
import { handler as signIn } from './signIn';
import { handler as signOut } from './signOut';
import { handler as showLog } from './showLog';

export const CORE_HANDLERS: Record<CoreCommandId, CommandHandler> = {
  'enclave.signIn': signIn,
  'enclave.signOut': signOut,
  'enclave.showLog': showLog,
  'enclave.refresh': refresh,
  'enclave.loadMore': loadMore,
  'enclave.createEnrolmentKey': createEnrolmentKey,
  'enclave.editSystem': editSystem,
  'enclave.editEnrolmentKey': editEnrolmentKey,
  'enclave.editOrganisation': editOrganisation,
  'enclave.enableSystem': enableSystem,
  'enclave.disableSystem': disableSystem,
  'enclave.enableEnrolmentKey': enableEnrolmentKey,
  'enclave.disableEnrolmentKey': disableEnrolmentKey,
  'enclave.approveSystem': approveSystem,
  'enclave.declineSystem': declineSystem,
  'enclave.revokeSystem': revokeSystem,
  'enclave.deleteEnrolmentKey': deleteEnrolmentKey,
  'enclave.copyEnrolmentKey': copyEnrolmentKey,
  'enclave.copyId': copyId,
  'enclave.openInPortal': openInPortal,
};
