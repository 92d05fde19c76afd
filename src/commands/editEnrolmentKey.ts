// Edit Enrolment Key: description, approval, uses, tags, notes and IP constraints (retention for
// ephemeral keys); only what changed is sent.
import type { EnrolmentKey } from '../api/types';
import { KEY_FIELDS, keyForm, promptKeyEdit, withConstraints, type KeyForm } from '../ui/promptsKeyEdit';
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
    // The ranges the key had keep their portal descriptions (`base`: the key as loaded for the edit).
    save: (client, patch, signal, base) => client.enrolmentKeys.patch(orgId, keyId, withConstraints(patch, base), { signal }),
    affects: ['enrolmentKeys'],
    specs: KEY_FIELDS,
    form: keyForm,
  });
};
