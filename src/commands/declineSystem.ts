// Decline pending system(s): confirmed, since the machine then has to enrol again to ask anew.
import { systemLabel } from '../tree/presentSystem';
import { SYSTEM, WAS_NOT } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'pending',
    noun: SYSTEM,
    verb: 'Decline',
    verbing: 'Declining',
    participle: 'declined',
    notDone: WAS_NOT('declined'),
    nothing: 'no systems are waiting for approval',
    confirmDetail: (n) =>
      `${n === 1 ? 'Its enrolment is' : 'Their enrolments are'} rejected and removed. To join later, the machine must enrol again with an enrolment key.`,
    affects: ['pending'],
    idOf: (system) => system.systemId,
    nameOf: systemLabel,
    one: (client, orgId, id, signal) => client.unapprovedSystems.decline(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.unapprovedSystems.declineMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.unapprovedSystems.get(orgId, id, { signal }) },
  });
