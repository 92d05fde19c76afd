// Edit Organisation: name, website and phone, pre-filled from the organisation as just fetched.
import type { OrganisationProperties } from '../api/types';
import type { FieldSpecs } from './promptsChanges';
import { promptEdit, type EditFlow, type EditResult } from './promptsEdit';
import { andRefusal, type Refusal } from './promptsRefused';
import { textStep } from './promptsSteps';
import { validateOrgName, validatePhone, validateWebsite } from './validation';

export type OrgForm = { name: string; website: string; phone: string };

export const ORG_FIELDS: FieldSpecs<OrgForm> = {
  name: { label: 'Name', kind: 'text' },
  website: { label: 'Website', kind: 'clearable' },
  phone: { label: 'Phone', kind: 'clearable' },
};

export function orgForm(org: OrganisationProperties): OrgForm {
  return { name: org.name, website: org.website ?? '', phone: org.phone ?? '' };
}

export function promptOrgEdit(org: OrganisationProperties, start?: OrgForm, refusal?: Refusal): Promise<EditResult<OrgForm>> {
  const flow: EditFlow<OrgForm> = {
    title: `Edit Organisation '${org.name}'`,
    specs: ORG_FIELDS,
    before: orgForm(org),
    steps: [
      textStep('name', { prompt: 'Name of the organisation', validate: andRefusal(validateOrgName, 'name', refusal) }),
      textStep('website', {
        prompt: 'Website (optional; leave empty to remove it)',
        placeholder: 'https://example.com',
        validate: andRefusal(validateWebsite, 'website', refusal),
      }),
      textStep('phone', {
        prompt: 'Phone number (optional; leave empty to remove it)',
        placeholder: '+44 20 7946 0000',
        validate: andRefusal(validatePhone, 'phone', refusal),
      }),
    ],
  };
  return promptEdit(flow, start ?? flow.before);
}
