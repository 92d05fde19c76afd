// What an entity's JSON document holds: its patchable fields (reference §5), named and shaped as
// the PATCH body takes them (tags by name, IP constraints and gateway routes as objects), then a
// `readOnly` section of context from the server. The key's secret and the token are never in it.
// No `vscode` here: unit-tested in plain Node.
import type { EnclaveSystem, EnrolmentKey, OrganisationProperties } from '../../api/types';
import type { DocKind } from './uris';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The section that is shown but never sent. */
export const READ_ONLY = 'readOnly';

/** The patchable fields of each document, in the order they are written. */
export const FIELDS: Record<DocKind, readonly string[]> = {
  system: ['description', 'isEnabled', 'tags', 'notes', 'gatewayRoutes'],
  key: ['description', 'isEnabled', 'approvalMode', 'usesRemaining', 'tags', 'ipConstraints', 'disconnectedRetentionMinutes', 'notes', 'autoExpire'],
  org: ['name', 'website', 'phone'],
};

/** Fields a document of this entity holds: retention belongs to ephemeral keys only. */
export function fieldsOf(kind: DocKind, entity: unknown): readonly string[] {
  if (kind === 'key' && (entity as EnrolmentKey).type !== 'Ephemeral') return FIELDS.key.filter((f) => f !== 'disconnectedRetentionMinutes');
  return FIELDS[kind];
}

/** Drops undefined (JSON.stringify would anyway) so that documents compare as they read. */
function clean(values: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as JsonObject;
}

export function systemDoc(s: EnclaveSystem): JsonObject {
  return {
    description: s.description ?? null,
    isEnabled: s.isEnabled,
    tags: s.tags.map((t) => t.tag),
    notes: s.notes ?? null,
    gatewayRoutes: s.gatewayRoutes.map((r) => ({ subnet: r.subnet, userEntered: r.userEntered, weight: r.weight, name: r.name ?? null })),
    [READ_ONLY]: clean({
      systemId: s.systemId, hostname: s.hostname ?? null, state: s.state, systemType: s.systemType,
      platformType: s.platformType ?? null, osVersion: s.osVersion ?? null, enclaveVersion: s.enclaveVersion ?? null,
      virtualAddress: s.virtualAddress ?? null, enrolledAt: s.enrolledAt, lastSeen: s.lastSeen ?? null,
      enrolmentKeyId: s.enrolmentKeyId, enrolmentKeyDescription: s.enrolmentKeyDescription ?? null,
    }),
  };
}

export function keyDoc(k: EnrolmentKey): JsonObject {
  const doc: JsonObject = {
    description: k.description,
    isEnabled: k.isEnabled,
    approvalMode: k.approvalMode,
    usesRemaining: k.usesRemaining,
    tags: k.tags.map((t) => t.tag),
    ipConstraints: (k.ipConstraints ?? []).map((c) => ({ range: c.range, description: c.description ?? null })),
  };
  if (k.type === 'Ephemeral') doc.disconnectedRetentionMinutes = k.disconnectedRetentionMinutes ?? null;
  doc.notes = k.notes ?? null;
  doc.autoExpire = k.autoExpire
    ? { timeZoneId: k.autoExpire.timeZoneId ?? null, expiryDateTime: k.autoExpire.expiryDateTime, expiryAction: k.autoExpire.expiryAction }
    : null;
  // Deliberately no `key`: the enrolment secret stays out of documents (they can be saved as files).
  doc[READ_ONLY] = clean({
    id: k.id, type: k.type, status: k.status, created: k.created, lastUsed: k.lastUsed ?? null,
    enrolledCount: k.enrolledCount, unapprovedCount: k.unapprovedCount,
  });
  return doc;
}

export function orgDoc(o: OrganisationProperties): JsonObject {
  return {
    name: o.name,
    website: o.website ?? null,
    phone: o.phone ?? null,
    [READ_ONLY]: clean({
      id: o.id, plan: o.plan, created: o.created, maxSystems: o.maxSystems,
      enrolledSystems: o.enrolledSystems, unapprovedSystems: o.unapprovedSystems,
    }),
  };
}

export function docOf(kind: DocKind, entity: unknown): JsonObject {
  if (kind === 'system') return systemDoc(entity as EnclaveSystem);
  if (kind === 'key') return keyDoc(entity as EnrolmentKey);
  return orgDoc(entity as OrganisationProperties);
}

/** Pretty-printed as the editor shows it, with a final newline. */
export function render(doc: JsonObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type Parsed = { readonly ok: true; readonly doc: JsonObject } | { readonly ok: false; readonly message: string };

/** The document's text as an object, or what is wrong with it (with the line, when known). */
export function parse(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    return { ok: false, message: `the document is not valid JSON${line ? ` (line ${line})` : ''}: ${message.replace(/\s*in JSON at position \d+.*$/, '')}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'the document must be one JSON object, as it was opened' };
  return { ok: true, doc: value as JsonObject };
}
