// Create Enrolment Key: description, type, approval, uses, tags, the retention time for
// ephemeral keys, and the IP ranges systems may enrol from. The answers live in a draft of plain strings, so Back, Retry and Edit Again all
// work from exactly what was typed.
import type { EnrolmentKeyCreate } from '../api/types';
import { toWire } from './promptsChanges';
import { andRefusal, type Refusal } from './promptsRefused';
import { choiceStep, runSteps, textStep } from './promptsSteps';
import { parseIpRanges, parseTags, parseUses, validateDescription, validateIpRanges, validateRetentionMinutes, validateTags, validateUses } from './validation';

export type KeyDraft = {
  description: string;
  type: string;
  approvalMode: string;
  usesRemaining: string;
  tags: string;
  disconnectedRetentionMinutes: string;
  /** Comma-separated ranges; empty: systems may enrol from anywhere. */
  ipConstraints: string;
};

/** The portal's default retention for ephemeral systems. */
export const DEFAULT_RETENTION_MINUTES = 30;

export function newKeyDraft(): KeyDraft {
  // Manual approval by default, as the API does: a leaked key then cannot add systems unseen.
  return { description: '', type: 'GeneralPurpose', approvalMode: 'Manual', usesRemaining: '', tags: '', disconnectedRetentionMinutes: String(DEFAULT_RETENTION_MINUTES), ipConstraints: '' };
}

export const isEphemeral = (draft: { type: string }): boolean => draft.type === 'Ephemeral';

export const TYPE_CHOICES = [
  { label: 'General purpose', value: 'GeneralPurpose', detail: 'For long-lived systems: servers, workstations, laptops' },
  { label: 'Ephemeral', value: 'Ephemeral', detail: 'For short-lived systems (containers, CI runners): removed automatically after they disconnect' },
];

export const APPROVAL_CHOICES = [
  { label: 'Manual approval', value: 'Manual', detail: 'Each system enrolled with the key waits under Pending approval' },
  { label: 'Automatic approval', value: 'Automatic', detail: 'Systems join as soon as they enrol' },
];

/**
 * The POST body. An ephemeral key always approves automatically and has unlimited uses (the
 * API's rule, which the portal follows), so those two are not asked for it; the retention time
 * is sent for ephemeral keys only, as the API refuses it on general-purpose ones.
 */
export function createBody(draft: KeyDraft): EnrolmentKeyCreate {
  const body: EnrolmentKeyCreate = {
    description: draft.description.trim(),
    type: draft.type,
    approvalMode: isEphemeral(draft) ? 'Automatic' : draft.approvalMode,
    usesRemaining: isEphemeral(draft) ? -1 : parseUses(draft.usesRemaining),
    tags: parseTags(draft.tags),
  };
  if (isEphemeral(draft)) body.disconnectedRetentionMinutes = toWire('minutes', draft.disconnectedRetentionMinutes) as number;
  const ranges = parseIpRanges(draft.ipConstraints);
  if (ranges.length > 0) body.ipConstraints = ranges.map((range) => ({ range }));
  return body;
}

export const IP_PROMPT =
  'Addresses systems may enrol from, comma-separated (optional): CIDR blocks, single addresses or ranges such as 203.0.113.10 - 203.0.113.20. Empty: from anywhere.';
export const IP_PLACEHOLDER = 'e.g. 203.0.113.0/24, 2001:db8::1';

/** Fills `draft` in place; resolves false when the person cancelled. */
export function promptKeyCreate(orgName: string, draft: KeyDraft, refusal?: Refusal): Promise<boolean> {
  const general = (d: KeyDraft) => !isEphemeral(d);
  return runSteps(`Create Enrolment Key in ${orgName}`, draft, [
    textStep('description', {
      prompt: 'Describe what the key is for: it is shown in the portal and on every system enrolled with it',
      placeholder: 'e.g. Build agents',
      validate: andRefusal(validateDescription, 'description', refusal),
    }),
    choiceStep('type', { placeholder: 'What kind of systems will enrol with this key?', choices: TYPE_CHOICES }),
    choiceStep('approvalMode', { when: general, placeholder: 'Approve new systems automatically?', choices: APPROVAL_CHOICES }),
    textStep('usesRemaining', {
      when: general,
      prompt: 'How many systems may enrol with this key? Leave empty for unlimited.',
      placeholder: 'unlimited',
      validate: andRefusal(validateUses, 'usesRemaining', refusal),
    }),
    textStep('tags', {
      prompt: 'Tags applied to systems enrolled with this key, comma-separated (optional)',
      placeholder: 'e.g. build-agents, linux',
      validate: andRefusal(validateTags, 'tags', refusal),
    }),
    textStep('disconnectedRetentionMinutes', {
      when: (d) => isEphemeral(d),
      prompt: 'Minutes to keep a disconnected ephemeral system before it is removed',
      validate: andRefusal(validateRetentionMinutes, 'disconnectedRetentionMinutes', refusal),
    }),
    textStep('ipConstraints', {
      prompt: IP_PROMPT,
      placeholder: IP_PLACEHOLDER,
      validate: andRefusal(validateIpRanges, 'ipConstraints', refusal),
    }),
  ]);
}
