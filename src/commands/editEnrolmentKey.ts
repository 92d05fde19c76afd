// Edit Enrolment Key: description, approval, uses, tags and notes (retention for ephemeral
// keys); only what changed is sent.
import type { EnrolmentKey, EnrolmentKeyPatch } from '../api/types';
import { promptKeyEdit, type KeyForm } from '../ui/promptsKeyEdit';
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
  await runEdit<EnrolmentKey, KeyForm>(ctx, {
    noun: 'enrolment key',
    orgId,
    load: (client) => client.enrolmentKeys.get(orgId, keyId),
    nameOf: keyName,
    prompt: promptKeyEdit,
    save: (client, patch, signal) => client.enrolmentKeys.patch(orgId, keyId, patch as EnrolmentKeyPatch, { signal }),
    affects: ['enrolmentKeys'],
  });
};
