// Edit Enrolment Key: description, approval, uses, tags, notes and IP constraints (retention for
// ephemeral keys); only what changed is sent.
import type { EnrolmentKey } from '../api/types';
import { promptKeyEdit, withConstraints, type KeyForm } from '../ui/promptsKeyEdit';
import { keyName } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEdit } from './mutate';
import { resolveTargets } from './pickers';

export const handler: CommandHandler = async (ctx, node) => {
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'key',
    many: false,
    title: 'Edit Enrolment Key',
    placeholder: 'Pick the enrolment key to edit',
    nothing: 'no enrolment keys to edit',
  });
  if (!targets) return;
  const { orgId } = targets;
  const keyId = targets.items[0].id;
  let loaded: EnrolmentKey | undefined;
  await runEdit<EnrolmentKey, KeyForm>(ctx, {
    noun: 'enrolment key',
    orgId,
    load: async (client) => (loaded = await client.enrolmentKeys.get(orgId, keyId)),
    nameOf: keyName,
    prompt: promptKeyEdit,
    save: (client, patch, signal) => client.enrolmentKeys.patch(orgId, keyId, withConstraints(patch, loaded), { signal }),
    affects: ['enrolmentKeys'],
  });
};
