// Disable Enrolment Key(s): confirmed, since installers that use the key stop working.
import { KEY, DID_NOT_CHANGE, keyName } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'key',
    noun: KEY,
    verb: 'Disable',
    verbing: 'Disabling',
    participle: 'disabled',
    notDone: DID_NOT_CHANGE,
    applies: (key) => key.isEnabled,
    nothing: 'no enabled enrolment keys to disable',
    confirmDetail: (n) =>
      `New systems cannot enrol with ${n === 1 ? 'it' : 'them'} until enabled again. Systems already enrolled stay connected.`,
    affects: ['enrolmentKeys'],
    idOf: (key) => key.id,
    nameOf: keyName,
    one: (client, orgId, id, signal) => client.enrolmentKeys.disable(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.enrolmentKeys.disableMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.enrolmentKeys.get(orgId, id, { signal }), isDone: (key) => !key.isEnabled },
    // Undo: the opposite call, for the items that changed.
    undo: {
      verbing: 'Enabling',
      participle: 'enabled',
      one: (client, orgId, id, signal) => client.enrolmentKeys.enable(orgId, id, { signal }),
      many: (client, orgId, ids, signal) => client.enrolmentKeys.enableMany(orgId, ids, { signal }),
    },
  });
