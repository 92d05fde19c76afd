import type { EnclaveSystem, UnapprovedSystem, UsedTag } from '../api/types';
import type { ItemView } from './itemView';
import { field, tooltip } from './markdown';
import { expiryDescription, expiryTooltip, nextExpiryChange } from './expiry';
import { whenText } from './time';
import { countOf, platformText, systemTypeText } from './words';

/** Description, else hostname, else the system ID: what the portal calls the system. Messages and quick picks name it so too. */
export function systemLabel(system: { systemId: string; description?: string | null; hostname?: string | null }): string {
  return system.description?.trim() || system.hostname?.trim() || system.systemId;
}

/** "Disabled" wins over the connection state: a disabled system cannot connect. */
export function systemStateText(system: EnclaveSystem): string {
  if (system.isEnabled === false || system.state === 'Disabled') return 'Disabled';
  return system.state?.trim() || 'Unknown state';
}

// Shape tells the state apart (filled, outline, crossed out); colour only adds to it.
function systemIcon(system: EnclaveSystem): ItemView['icon'] {
  const state = systemStateText(system);
  if (state === 'Disabled') return { id: 'circle-slash', color: 'disabledForeground' };
  if (state === 'Connected') return { id: 'vm-active', color: 'charts.green' };
  if (state === 'Disconnected') return { id: 'vm-outline' };
  return { id: 'vm' };
}

export function tagsText(tags: readonly UsedTag[] | null | undefined): string | undefined {
  const names = (tags ?? []).map((t) => t.tag).filter((t) => typeof t === 'string' && t.trim() !== '');
  return names.length > 0 ? names.join(', ') : undefined;
}

/** The key a system enrolled with; undefined when the answer names none. */
export function keyReference(description: string | null | undefined, id: number | undefined, deleted: boolean | undefined): string | undefined {
  const name = description?.trim() ? description.trim() : countOf(id) !== undefined ? `#${id}` : undefined;
  if (name === undefined) return undefined;
  return deleted ? `${name} (deleted)` : name;
}

/** The tooltip lines an enrolled and a pending system share, in the order both show them. */
export function agentFields(system: EnclaveSystem | UnapprovedSystem, now: Date): (string | undefined)[] {
  return [
    field('OS', [platformText(system.platformType), system.osVersion?.trim()].filter(Boolean).join(' · ')),
    field('Enclave version', system.enclaveVersion),
    field('Type', systemTypeText(system.systemType)),
    field('Tags', tagsText(system.tags)),
    field('Enrolment key', keyReference(system.enrolmentKeyDescription, system.enrolmentKeyId, system.enrolmentKeyIsDeleted)),
    field('Enrolled', whenText(system.enrolledAt, now)),
  ];
}

export function presentSystem(system: EnclaveSystem, now: Date): ItemView {
  const state = systemStateText(system);
  const platform = platformText(system.platformType);
  const address = system.virtualAddress && system.virtualNetwork ? `${system.virtualAddress} (${system.virtualNetwork})` : system.virtualAddress;
  const enabled = state !== 'Disabled';
  const expiry = expiryTooltip(system.autoExpire, enabled, 'revoked', now);
  return {
    label: systemLabel(system),
    description: [state, platform, expiryDescription(system.autoExpire, enabled, 'revoked', now)].filter(Boolean).join(' · '),
    icon: systemIcon(system),
    contextValue: state === 'Disabled' ? 'system.disabled' : 'system.enabled',
    collapsible: 'none',
    changesAt: nextExpiryChange(system.autoExpire, enabled, now.getTime()),
    tooltip: tooltip(`${systemLabel(system)} — ${state}`, [
      field('ID', system.systemId),
      field('Hostname', system.hostname),
      field('Virtual address', address),
      field('Connected from', system.connectedFrom),
      ...agentFields(system, now),
      field('Connected since', state === 'Connected' ? whenText(system.connectedAt, now) : undefined),
      field('Last seen', whenText(system.lastSeen, now)),
      expiry && field(...expiry),
    ]),
  };
}
