import type { EnrolmentKey } from '../api/types';
import type { ItemView } from './itemView';
import { field, tooltip } from './markdown';
import { tagsText } from './presentSystem';
import { expiryDescription, expiryTooltip, nextExpiryChange } from './expiry';
import { whenText } from './time';
import { approvalText, countOf, countText, systemTypeText, usesText } from './words';

type KeyState = 'disabled' | 'nouses' | 'enabled' | 'other';

/** Whether a key can enrol now: the tree's state and the setup commands' warnings both ask this. */
export function keyState(key: Pick<EnrolmentKey, 'isEnabled' | 'status' | 'usesRemaining'>): KeyState {
  if (key.isEnabled === false || key.status === 'Disabled') return 'disabled';
  if (key.status === 'NoUsesRemaining' || key.usesRemaining === 0) return 'nouses';
  return key.status === 'Enabled' ? 'enabled' : 'other';
}

export function keyLabel(key: EnrolmentKey): string {
  return key.description?.trim() || `Enrolment key #${key.id}`;
}

/**
 * "General purpose · Automatic approval · 12 uses left"; a key that cannot enrol says so first
 * ("Disabled · …", "No uses remaining · …"). The secret `key` value is never shown: the tree
 * is visible to anyone looking at the screen, and copying it is an explicit command.
 */
export function keyDescription(key: EnrolmentKey, now: Date): string {
  const state = keyState(key);
  const lead = state === 'disabled' ? 'Disabled' : state === 'nouses' ? 'No uses remaining' : state === 'other' ? key.status?.trim() || undefined : undefined;
  const uses = state === 'nouses' || countOf(key.usesRemaining) === undefined ? undefined : usesText(key.usesRemaining);
  const expiry = expiryDescription(key.autoExpire, state !== 'disabled', 'deleted', now);
  return [lead, systemTypeText(key.type), approvalText(key.approvalMode), uses, expiry].filter(Boolean).join(' · ');
}

function ipConstraintsText(key: EnrolmentKey): string | undefined {
  const ranges = (key.ipConstraints ?? []).map((c) => (c.description?.trim() ? `${c.range} (${c.description.trim()})` : c.range));
  return ranges.length > 0 ? ranges.join(', ') : undefined;
}

export function presentKey(key: EnrolmentKey, now: Date): ItemView {
  const state = keyState(key);
  const known = countOf(key.usesRemaining);
  const uses = known === undefined ? undefined : known < 0 ? 'Unlimited' : countText(known);
  const count = (value: unknown): string | undefined => (countOf(value) === undefined ? undefined : countText(value as number));
  const expiry = expiryTooltip(key.autoExpire, state !== 'disabled', 'deleted', now);
  return {
    label: keyLabel(key),
    description: keyDescription(key, now),
    icon: { id: 'key', color: state === 'disabled' || state === 'nouses' ? 'disabledForeground' : undefined },
    // Menus match `^key\.enabled` for "Disable" and `^key\.disabled` for "Enable".
    contextValue: state === 'disabled' ? 'key.disabled' : state === 'nouses' ? 'key.enabled.nouses' : 'key.enabled',
    collapsible: 'none',
    changesAt: nextExpiryChange(key.autoExpire, state !== 'disabled', now.getTime()),
    tooltip: tooltip(`${keyLabel(key)} — ${state === 'disabled' ? 'Disabled' : state === 'nouses' ? 'No uses remaining' : key.status?.trim() || 'Unknown status'}`, [
      field('ID', key.id),
      field('Type', systemTypeText(key.type)),
      field('Approval', approvalText(key.approvalMode)),
      field('Uses remaining', uses),
      field('Enrolled systems', count(key.enrolledCount)),
      field('Waiting for approval', count(key.unapprovedCount)),
      field('Tags', tagsText(key.tags)),
      field('IP constraints', ipConstraintsText(key)),
      field('Created', whenText(key.created, now)),
      field('Last used', whenText(key.lastUsed, now) ?? 'never'),
      expiry && field(...expiry),
    ]),
  };
}
