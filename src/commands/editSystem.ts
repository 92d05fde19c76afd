// Edit System: description, notes and tags; only what changed is sent.
import type { EnclaveSystem, SystemPatch } from '../api/types';
import { systemLabel } from '../tree/presentSystem';
import { promptSystemEdit, SYSTEM_FIELDS, systemForm, type SystemForm } from '../ui/promptsSystemEdit';
import type { CommandHandler } from './context';
import { runEdit } from './mutate';
import { resolveTargets } from './pickers';

export const handler: CommandHandler = async (ctx, node) => {
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'system',
    many: false,
    title: 'Edit System',
    placeholder: 'Pick the system to edit',
    nothing: 'no systems to edit',
  });
  if (!targets) return;
  const { orgId } = targets;
  const { systemId } = targets.items[0];
  await runEdit<EnclaveSystem, SystemForm>(ctx, {
    noun: 'system',
    orgId,
    load: (client) => client.systems.get(orgId, systemId),
    nameOf: systemLabel,
    prompt: (system, start, refusal) => promptSystemEdit(system, systemLabel(system), start, refusal),
    save: (client, patch, signal) => client.systems.patch(orgId, systemId, patch as SystemPatch, { signal }),
    affects: ['systems'],
    specs: SYSTEM_FIELDS,
    form: systemForm,
  });
};
