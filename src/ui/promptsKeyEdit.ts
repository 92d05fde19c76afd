// Edit Enrolment Key: description, approval mode, uses, tags, notes and IP constraints, pre-filled from the key as
// just fetched. Ephemeral keys always approve automatically with unlimited uses (see
// promptsKeyCreate.ts), so for them the retention time is offered instead of those two.
import type { EnrolmentKey, EnrolmentKeyPatch, IpConstraint } from '../api/types';
import type { FieldSpecs } from './promptsChanges';
import { promptEdit, type EditFlow, type EditResult } from './promptsEdit';
import { APPROVAL_CHOICES, IP_PLACEHOLDER, IP_PROMPT, isEphemeral } from './promptsKeyCreate';
import { andRefusal, type Refusal } from './promptsRefused';
import { choiceStep, textStep } from './promptsSteps';
import { usesText, validateDescription, validateIpRanges, validateNotes, validateRetentionMinutes, validateTags, validateUsesLeft } from './validation';

export type KeyForm = {
  description: string;
  approvalMode: string;
  usesRemaining: string;
  disconnectedRetentionMinutes: string;
  tags: string;
  notes: string;
  ipConstraints: string;
};

export const KEY_FIELDS: FieldSpecs<KeyForm> = {
  description: { label: 'Description', kind: 'text' },
  approvalMode: { label: 'Approval', kind: 'choice' },
  usesRemaining: { label: 'Uses', kind: 'uses' },
  // Asked for ephemeral keys only; for the others both sides stay equal, so it is never sent.
  disconnectedRetentionMinutes: { label: 'Retention (minutes)', kind: 'minutes' },
  tags: { label: 'Tags', kind: 'tags' },
  notes: { label: 'Notes', kind: 'clearable' },
  ipConstraints: { label: 'IP constraints', kind: 'ranges' },
};

export function keyForm(key: EnrolmentKey): KeyForm {
  return {
    description: key.description,
    approvalMode: key.approvalMode,
    usesRemaining: usesText(key.usesRemaining),
    disconnectedRetentionMinutes: key.disconnectedRetentionMinutes == null ? '' : String(key.disconnectedRetentionMinutes),
    tags: key.tags.map((t) => t.tag).join(', '),
    notes: key.notes ?? '',
    ipConstraints: (key.ipConstraints ?? []).map((c) => c.range).join(', '),
  };
}

export function promptKeyEdit(key: EnrolmentKey, start?: KeyForm, refusal?: Refusal): Promise<EditResult<KeyForm>> {
  const general = () => !isEphemeral(key);
  const flow: EditFlow<KeyForm> = {
    title: `Edit Enrolment Key '${key.description}'`,
    specs: KEY_FIELDS,
    before: keyForm(key),
    steps: [
      textStep('description', { prompt: 'Description of the key', validate: andRefusal(validateDescription, 'description', refusal) }),
      choiceStep('approvalMode', { when: general, placeholder: 'Approve new systems automatically?', choices: APPROVAL_CHOICES, markCurrent: true }),
      textStep('usesRemaining', {
        when: general,
        prompt: 'Uses remaining: how many more systems may enrol with it (0 uses it up). Leave empty for unlimited.',
        placeholder: 'unlimited',
        validate: andRefusal(validateUsesLeft, 'usesRemaining', refusal),
      }),
      textStep('disconnectedRetentionMinutes', {
        when: () => isEphemeral(key),
        prompt: "Minutes to keep a disconnected ephemeral system before it is removed (empty: the API's default)",
        validate: andRefusal((v) => (v.trim() === '' ? undefined : validateRetentionMinutes(v)), 'disconnectedRetentionMinutes', refusal),
      }),
      textStep('tags', {
        prompt: 'Tags applied to systems enrolled from now on, comma-separated (the list replaces the current tags)',
        placeholder: 'e.g. build-agents, linux',
        validate: andRefusal(validateTags, 'tags', refusal),
      }),
      textStep('notes', { prompt: 'Notes (optional; leave empty to remove them)', validate: andRefusal(validateNotes, 'notes', refusal) }),
      textStep('ipConstraints', { prompt: IP_PROMPT, placeholder: IP_PLACEHOLDER, validate: andRefusal(validateIpRanges, 'ipConstraints', refusal) }),
    ],
  };
  return promptEdit(flow, start ?? flow.before);
}

/**
 * The boxes edit ranges only; the API takes `{ range, description }`. A range the key already
 * had keeps the description it was given in the portal.
 */
export function withConstraints(patch: Record<string, unknown>, key: EnrolmentKey | undefined): EnrolmentKeyPatch {
  if (!Array.isArray(patch.ipConstraints)) return patch as EnrolmentKeyPatch;
  const described = new Map((key?.ipConstraints ?? []).map((c) => [c.range, c.description]));
  const ipConstraints: IpConstraint[] = (patch.ipConstraints as string[]).map((range) =>
    described.get(range) ? { range, description: described.get(range) } : { range },
  );
  return { ...patch, ipConstraints } as EnrolmentKeyPatch;
}
