// Delete Enrolment Key(s): permanent, confirmed in a modal whose button says "Delete".
import { KEY, WAS_NOT, keyName } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction } from './mutate';

export const handler: CommandHandler = (ctx, node, selected) =>
  runEntityAction(ctx, node, selected, {
    kind: 'key',
    noun: KEY,
    verb: 'Delete',
    verbing: 'Deleting',
    participle: 'deleted',
    notDone: WAS_NOT('deleted'),
    nothing: 'no enrolment keys to delete',
    confirmDetail: (n) =>
      `This cannot be undone: installers using ${n === 1 ? 'the key' : 'these keys'} will no longer enrol systems. ` +
      'Systems already enrolled with it stay enrolled.',
    affects: ['enrolmentKeys'],
    idOf: (key) => key.id,
    nameOf: keyName,
    one: (client, orgId, id, signal) => client.enrolmentKeys.delete(orgId, id, { signal }),
    many: (client, orgId, ids, signal) => client.enrolmentKeys.deleteMany(orgId, ids, { signal }),
    readBack: { get: (client, orgId, id, signal) => client.enrolmentKeys.get(orgId, id, { signal }) },
  });
