// Edit System: description, notes and tags, pre-filled from the system as just fetched.
import type { EnclaveSystem } from '../api/types';
import type { FieldSpecs } from './promptsChanges';
import { promptEdit, type EditFlow, type EditResult } from './promptsEdit';
import { andRefusal, type Refusal } from './promptsRefused';
import { textStep } from './promptsSteps';
import { validateNotes, validateOptionalDescription, validateTags } from './validation';

export type SystemForm = { description: string; notes: string; tags: string };

export const SYSTEM_FIELDS: FieldSpecs<SystemForm> = {
  description: { label: 'Description', kind: 'clearable' },
  notes: { label: 'Notes', kind: 'clearable' },
  tags: { label: 'Tags', kind: 'tags' },
};

export function systemForm(system: EnclaveSystem): SystemForm {
  return {
    description: system.description ?? '',
    notes: system.notes ?? '',
    tags: system.tags.map((t) => t.tag).join(', '),
  };
}

/** `start`: the values typed before a failed save (Edit Again); else the system's own. */
export function promptSystemEdit(system: EnclaveSystem, name: string, start?: SystemForm, refusal?: Refusal): Promise<EditResult<SystemForm>> {
  const flow: EditFlow<SystemForm> = {
    title: `Edit System '${name}'`,
    specs: SYSTEM_FIELDS,
    before: systemForm(system),
    steps: [
      textStep('description', {
        prompt: 'Description of the system (leave empty to show its hostname instead)',
        validate: andRefusal(validateOptionalDescription, 'description', refusal),
      }),
      textStep('notes', {
        prompt: 'Notes (optional; leave empty to remove them)',
        validate: andRefusal(validateNotes, 'notes', refusal),
      }),
      textStep('tags', {
        prompt: 'Tags, comma-separated (the list replaces the current tags; empty removes them all)',
        placeholder: 'e.g. web-servers, production',
        validate: andRefusal(validateTags, 'tags', refusal),
      }),
    ],
  };
  return promptEdit(flow, start ?? flow.before);
}
