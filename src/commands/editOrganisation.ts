// Edit Organisation: name, website and phone; only what changed is sent. A new name shows in the
// tree's roots, so only then is the organisation list reloaded.
import type { OrganisationPatch, OrganisationProperties } from '../api/types';
import { ORG_FIELDS, orgForm, promptOrgEdit, type OrgForm } from '../ui/promptsOrgEdit';
import type { CommandHandler } from './context';
import { runEdit } from './mutate';
import { resolveOrg } from './pickers';

export const handler: CommandHandler = async (ctx, node) => {
  const org = await resolveOrg(ctx, node, 'Edit Organisation');
  if (!org) return;
  const { orgId } = org;
  await runEdit<OrganisationProperties, OrgForm>(ctx, {
    noun: 'organisation',
    orgId,
    load: (client) => client.organisations.get(orgId),
    nameOf: (properties) => properties.name,
    prompt: promptOrgEdit,
    save: (client, patch, signal) => client.organisations.patch(orgId, patch as OrganisationPatch, { signal }),
    affects: [],
    specs: ORG_FIELDS,
    form: orgForm,
    changesOrgList: (changed) => changed.includes('name'),
  });
};
