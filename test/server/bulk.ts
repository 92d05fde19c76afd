// Bulk bodies: `{ "systemIds": [...] }` / `{ "keyIds": [...] }`, at most 200 IDs (reference §5).
import type { RequestContext } from './http';
import { LIMITS } from './rules';
import { bind, Errors, pascal, readJsonObject } from './validation';

export function readIds(ctx: RequestContext, field: 'systemIds', kind: 'string'): string[];
export function readIds(ctx: RequestContext, field: 'keyIds', kind: 'integer'): number[];
export function readIds(ctx: RequestContext, field: string, kind: 'string' | 'integer'): Array<string | number> {
  const errors = new Errors();
  const body = bind(readJsonObject(ctx), { [field]: { kind: kind === 'string' ? 'string[]' : 'integer[]' } }, errors);
  errors.throwIfAny();
  const ids = body[field] as Array<string | number> | undefined;
  if (!ids) Errors.fail(pascal(field), `'${pascal(field)}' must be sent.`);
  if (ids.length > LIMITS.bulkIds) {
    Errors.fail(pascal(field), `At most ${LIMITS.bulkIds} IDs may be sent in one call; ${ids.length} were sent.`);
  }
  // The same ID twice is one item: counts only count what actually changed.
  return [...new Set(ids.map((id) => (typeof id === 'string' ? id.toUpperCase() : id)))];
}
