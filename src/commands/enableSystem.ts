// Enable System(s): no confirmation — enabling only lets a system connect again.
import { systemLabel } from '../tree/presentSystem';
import { SYSTEM, DID_NOT_CHANGE } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'system',
    noun: SYSTEM,
    verb: 'Enable',
    verbing: 'Enabling',
    participle: 'enabled',
    notDone: DID_NOT_CHANGE,
    applies: (system) => !system.isEnabled,
    nothing: 'no disabled systems to enable',
    affects: ['systems'],
    idOf: (system) => system.systemId,
    nameOf: systemLabel,
    one: (client, orgId, id, signal) => client.systems.enable(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.systems.enableMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.systems.get(orgId, id, { signal }), isDone: (system) => system.isEnabled },
    // Undo: the opposite call, for the items that changed.
    undo: {
      verbing: 'Disabling',
      participle: 'disabled',
      one: (client, orgId, id, signal) => client.systems.disable(orgId, id, { signal }),
      many: (client, orgId, ids, signal) => client.systems.disableMany(orgId, ids, { signal }),
    },
  });
