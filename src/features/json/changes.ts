// Which fields an edit changes, compared with a copy of the entity's document, and the PATCH that
// sends exactly those. Lists are sent whole (the API replaces them, reference §5); tags compare
// as a set, since their order means nothing. The readOnly section never counts.
// No `vscode` here: unit-tested in plain Node.
import { READ_ONLY, type Json, type JsonObject } from './documents';

function comparable(key: string, value: Json | undefined): string {
  if (key === 'tags' && Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  return JSON.stringify(value ?? null);
}

/** The patchable fields whose values differ between the two documents, in `from`'s order. */
export function changedFields(from: JsonObject, to: JsonObject): string[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => k !== READ_ONLY);
  return keys.filter((k) => comparable(k, from[k]) !== comparable(k, to[k]));
}

/** The PATCH body: the changed fields with their values in `to`. */
export function patchOf(to: JsonObject, fields: readonly string[]): JsonObject {
  return Object.fromEntries(fields.map((k) => [k, to[k] ?? null]));
}

/** True when the server's copy differs from the one the document was opened from (in what can be edited). */
export function conflicts(opened: JsonObject, serverNow: JsonObject): boolean {
  return changedFields(opened, serverNow).length > 0;
}
