// Enable Enrolment Key For…: enabled until a time, then disabled or deleted.
import { KEY, keyName } from '../ui/promptsText';
import type { CommandHandler } from '../commands/context';
import { runEnableFor } from './timed/runEnableFor';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEnableFor(ctx, node, selected, {
    kind: 'key',
    noun: KEY,
    titleNoun: 'Enrolment Keys',
    list: 'enrolmentKeys',
    deleted: 'deleted',
    deleteVerb: 'Delete',
    deleteDetail: 'the key is deleted; systems enrolled with it stay enrolled, but nothing new can enrol with it.',
    nameOf: keyName,
    send: (client, orgId, key, body, signal) => client.enrolmentKeys.enableUntil(orgId, key.id, body, { signal }),
  });
