// How each kind of document reaches the API: load, save (PATCH), its name in messages and which
// lists of the tree a save changes.
import type { EnclaveClient } from '../../api';
import type { EnclaveSystem, EnrolmentKey, EnrolmentKeyPatch, OrganisationPatch, OrganisationProperties, SystemPatch } from '../../api/types';
import type { ListKind } from '../../tree/nodes';
import { systemLabel } from '../../tree/presentSystem';
import { keyName } from '../../ui/promptsText';
import type { JsonObject } from './documents';
import type { DocKind, DocTarget } from './uris';

export interface KindSpec {
  /** "system", "enrolment key", "organisation". */
  readonly noun: string;
  readonly affects: readonly ListKind[];
  load(client: EnclaveClient, target: DocTarget): Promise<unknown>;
  save(client: EnclaveClient, target: DocTarget, patch: JsonObject, signal: AbortSignal): Promise<unknown>;
  nameOf(entity: unknown): string;
  /** A new name shows in the tree's roots: the organisation list reloads. */
  readonly changesOrgList?: (changed: readonly string[]) => boolean;
}

export const KINDS: Record<DocKind, KindSpec> = {
  system: {
    noun: 'system',
    affects: ['systems'],
    load: (client, t) => client.systems.get(t.orgId, t.id),
    save: (client, t, patch, signal) => client.systems.patch(t.orgId, t.id, patch as unknown as SystemPatch, { signal }),
    nameOf: (e) => systemLabel(e as EnclaveSystem),
  },
  key: {
    noun: 'enrolment key',
    affects: ['enrolmentKeys'],
    load: (client, t) => client.enrolmentKeys.get(t.orgId, Number(t.id)),
    save: (client, t, patch, signal) => client.enrolmentKeys.patch(t.orgId, Number(t.id), patch as unknown as EnrolmentKeyPatch, { signal }),
    nameOf: (e) => keyName(e as EnrolmentKey),
  },
  org: {
    noun: 'organisation',
    affects: [],
    load: (client, t) => client.organisations.get(t.orgId),
    save: (client, t, patch, signal) => client.organisations.patch(t.orgId, patch as unknown as OrganisationPatch, { signal }),
    nameOf: (e) => (e as OrganisationProperties).name,
    changesOrgList: (changed) => changed.includes('name'),
  },
};
