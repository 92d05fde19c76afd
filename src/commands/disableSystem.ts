// Disable System(s): confirmed in a modal, since a disabled system drops off the network.
import { systemLabel } from '../tree/presentSystem';
import { SYSTEM, DID_NOT_CHANGE } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'system',
    noun: SYSTEM,
    verb: 'Disable',
    verbing: 'Disabling',
    participle: 'disabled',
    notDone: DID_NOT_CHANGE,
    applies: (system) => system.isEnabled,
    nothing: 'no enabled systems to disable',
    confirmDetail: (n) =>
      `${n === 1 ? 'It' : 'They'} will lose ${n === 1 ? 'its' : 'their'} connections to other systems until enabled again. Nothing is deleted.`,
    affects: ['systems'],
    idOf: (system) => system.systemId,
    nameOf: systemLabel,
    one: (client, orgId, id, signal) => client.systems.disable(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.systems.disableMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.systems.get(orgId, id, { signal }), isDone: (system) => !system.isEnabled },
    // Undo: the opposite call, for the items that changed.
    undo: {
      verbing: 'Enabling',
      participle: 'enabled',
      one: (client, orgId, id, signal) => client.systems.enable(orgId, id, { signal }),
      many: (client, orgId, ids, signal) => client.systems.enableMany(orgId, ids, { signal }),
    },
  });
