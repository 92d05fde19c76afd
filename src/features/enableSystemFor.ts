// Enable System For…: enabled until a time, then disabled or revoked (the API's "Delete").
import { systemLabel } from '../tree/presentSystem';
import { SYSTEM } from '../ui/promptsText';
import type { CommandHandler } from '../commands/context';
import { runEnableFor } from './timed/runEnableFor';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEnableFor(ctx, node, selected, {
    kind: 'system',
    noun: SYSTEM,
    titleNoun: 'Systems',
    list: 'systems',
    deleted: 'revoked',
    deleteVerb: 'Revoke',
    deleteDetail: 'the system is removed from the organisation and has to enrol again to come back.',
    nameOf: systemLabel,
    send: (client, orgId, system, body, signal) => client.systems.enableUntil(orgId, system.systemId, body, { signal }),
  });
