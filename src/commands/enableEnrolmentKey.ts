// Enable Enrolment Key(s): no confirmation — the key can enrol systems again.
import { KEY, DID_NOT_CHANGE, keyName } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'key',
    noun: KEY,
    verb: 'Enable',
    verbing: 'Enabling',
    participle: 'enabled',
    notDone: DID_NOT_CHANGE,
    applies: (key) => !key.isEnabled,
    nothing: 'no disabled enrolment keys to enable',
    affects: ['enrolmentKeys'],
    idOf: (key) => key.id,
    nameOf: keyName,
    one: (client, orgId, id, signal) => client.enrolmentKeys.enable(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.enrolmentKeys.enableMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.enrolmentKeys.get(orgId, id, { signal }), isDone: (key) => key.isEnabled },
    // Undo: the opposite call, for the items that changed.
    undo: {
      verbing: 'Disabling',
      participle: 'disabled',
      one: (client, orgId, id, signal) => client.enrolmentKeys.disable(orgId, id, { signal }),
      many: (client, orgId, ids, signal) => client.enrolmentKeys.disableMany(orgId, ids, { signal }),
    },
  });
