/**
 * What to warn about before handing out a key for a machine: a key that cannot enrol anything now
 * (disabled, no uses left), and an Ephemeral key for a machine that is not a container (its
 * systems are removed soon after they disconnect, which suits containers, not a laptop). And the
 * one thing worth saying afterwards: a Manual-approval key's systems wait for approval. No `vscode`.
 */
import type { EnrolmentKey } from '../api/types';
import { keyState } from '../tree/presentKey';
import { keyName } from '../ui/promptsText';
import type { PlatformInfo } from './setupCommands';

type KeyFacts = Pick<EnrolmentKey, 'id' | 'description' | 'isEnabled' | 'status' | 'usesRemaining' | 'type' | 'approvalMode' | 'disconnectedRetentionMinutes'>;

/** The warnings for this key on this platform, each one sentence; empty when it is fine. */
export function keyWarnings(key: KeyFacts, platform: Pick<PlatformInfo, 'container' | 'label'> | undefined): string[] {
  const name = `Enrolment key '${keyName(key)}'`;
  const warnings: string[] = [];
  const state = keyState(key);
  if (state === 'disabled') warnings.push(`${name} is disabled: nothing can enrol with it until it is enabled again.`);
  else if (state === 'nouses') warnings.push(`${name} has no uses left: nothing can enrol with it until its uses are raised.`);
  if (key.type === 'Ephemeral' && platform && !platform.container) {
    const minutes = key.disconnectedRetentionMinutes;
    const after = typeof minutes === 'number' ? `${minutes} minute${minutes === 1 ? '' : 's'}` : 'a short while';
    warnings.push(`${name} is Ephemeral: a system enrolled with it is removed ${after} after it disconnects, which suits containers rather than ${platform.label}.`);
  }
  return warnings;
}

/** Said after the command is copied, or undefined. */
export function approvalNote(key: Pick<EnrolmentKey, 'approvalMode'>): string | undefined {
  return key.approvalMode === 'Manual' ? 'Systems enrolled with this key wait for your approval (Pending approval in the tree).' : undefined;
}
