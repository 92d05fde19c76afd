// Approve pending system(s): they move from Pending approval to Systems, so both lists reload.
import { systemLabel } from '../tree/presentSystem';
import { SYSTEM, WAS_NOT } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'pending',
    noun: SYSTEM,
    verb: 'Approve',
    verbing: 'Approving',
    participle: 'approved',
    notDone: WAS_NOT('approved'),
    nothing: 'no systems are waiting for approval',
    affects: ['pending', 'systems'],
    idOf: (system) => system.systemId,
    nameOf: systemLabel,
    one: (client, orgId, id, signal) => client.unapprovedSystems.approve(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.unapprovedSystems.approveMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.unapprovedSystems.get(orgId, id, { signal }) },
  });
