import type { UnapprovedSystem } from '../api/types';
import type { ItemView } from './itemView';
import { field, tooltip } from './markdown';
import { keyReference, systemLabel, tagsText } from './presentSystem';
import { durationText, parseTime, whenText } from './time';
import { platformText, systemTypeText } from './words';

/** "waiting 2 days · key Workstations". */
export function pendingDescription(system: UnapprovedSystem, now: Date): string {
  const enrolled = parseTime(system.enrolledAt);
  const waiting = enrolled ? `waiting ${durationText(now.getTime() - enrolled.getTime())}` : undefined;
  const reference = keyReference(system.enrolmentKeyDescription, system.enrolmentKeyId, system.enrolmentKeyIsDeleted);
  const key = reference === undefined ? undefined : `key ${reference}`;
  return [waiting, key].filter(Boolean).join(' · ');
}

export function presentPending(system: UnapprovedSystem, now: Date): ItemView {
  const os = [platformText(system.platformType), system.osVersion?.trim()].filter(Boolean).join(' · ');
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
      field('OS', os),
      field('Enclave version', system.enclaveVersion),
      field('Type', systemTypeText(system.systemType)),
      field('Tags', tagsText(system.tags)),
      field('Enrolment key', keyReference(system.enrolmentKeyDescription, system.enrolmentKeyId, system.enrolmentKeyIsDeleted)),
      field('Enrolled', whenText(system.enrolledAt, now)),
    ]),
  };
}
