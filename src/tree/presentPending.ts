import type { UnapprovedSystem } from '../api/types';
import type { ItemView } from './itemView';
import { field, tooltip } from './markdown';
import { agentFields, keyReference, systemLabel } from './presentSystem';
import { durationText, parseTime } from './time';

/** "waiting 2 days · key Workstations". */
export function pendingDescription(system: UnapprovedSystem, now: Date): string {
  const enrolled = parseTime(system.enrolledAt);
  const waiting = enrolled ? `waiting ${durationText(now.getTime() - enrolled.getTime())}` : undefined;
  const reference = keyReference(system.enrolmentKeyDescription, system.enrolmentKeyId, system.enrolmentKeyIsDeleted);
  const key = reference === undefined ? undefined : `key ${reference}`;
  return [waiting, key].filter(Boolean).join(' · ');
}

export function presentPending(system: UnapprovedSystem, now: Date): ItemView {
  return {
    label: systemLabel(system),
    description: pendingDescription(system, now),
    icon: { id: 'clock', color: 'list.warningForeground' },
    contextValue: 'pending',
    collapsible: 'none',
    tooltip: tooltip(`${systemLabel(system)} — waiting for approval`, [
      field('ID', system.systemId),
      field('Hostname', system.hostname),
      field('Enrolled from', system.enrolledFrom ?? system.connectedFrom),
      ...agentFields(system, now),
    ]),
  };
}
