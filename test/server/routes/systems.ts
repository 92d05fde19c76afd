// Enrolled systems (reference §2.3, §3.5).
import type { EnclaveSystem } from '../../../src/api/types';
import { readIds } from '../bulk';
import { systemView } from '../entities';
import { HttpError, OrgContext, ok } from '../http';
import { listReply } from '../list';
import { readQueryBool, readQueryInt } from '../paging';
import { notFound } from '../problems';
import type { Router } from '../router';
import { AUTO_EXPIRE, checkAutoExpire, checkGatewayRoutes, checkTags, checkText, GATEWAY_ROUTE, LIMITS } from '../rules';
import { names, SYSTEM_SEARCH_KEYS } from '../search-keys';
import { systemPredicate } from '../search-match';
import { SYSTEM_SORTS } from '../sorting';
import type { SystemChanges } from '../store';
import { Bound, bind, Errors, readJsonObject } from '../validation';

const PATCH = {
  description: { kind: 'string', nullable: true }, isEnabled: { kind: 'boolean' },
  gatewayRoutes: { kind: 'object[]', nullable: true, fields: GATEWAY_ROUTE }, tags: { kind: 'string[]', nullable: true },
  notes: { kind: 'string', nullable: true },
} as const;

function find(ctx: OrgContext): EnclaveSystem {
  const s = ctx.org.systems.get(ctx.params.systemId.toUpperCase());
  if (!s) throw new HttpError(notFound('system', ctx.params.systemId));
  return s;
}

const detail = (s: EnclaveSystem): EnclaveSystem => systemView(s, true);
const listItem = (s: EnclaveSystem): EnclaveSystem => systemView(s, false);

export function registerSystems(router: Router): void {
  router.org('GET', '/systems', (ctx) => listReply(ctx, {
    collection: ctx.org.systems, modes: SYSTEM_SORTS, id: (s) => s.systemId,
    searchKeys: names(SYSTEM_SEARCH_KEYS), search: systemPredicate, view: listItem,
    filters: (errors) => {
      const includeDisabled = readQueryBool(ctx.query, 'include_disabled', errors);
      const keyId = readQueryInt(ctx.query, 'enrolment_key', errors);
      const dns = ctx.query.get('dns')?.toLowerCase().replace(/\.$/, '');
      return [
        includeDisabled ? undefined : (s) => s.isEnabled,
        keyId === undefined ? undefined : (s) => s.enrolmentKeyId === keyId,
        dns ? (s) => (s.dns ?? []).some((d) => d.fqdn.toLowerCase().replace(/\.$/, '') === dns) : undefined,
      ];
    },
  }));

  router.org('GET', '/systems/meta/search-keys', () => ok(SYSTEM_SEARCH_KEYS));
  router.org('GET', '/systems/:systemId', (ctx) => ok(detail(find(ctx))));

  router.org('PATCH', '/systems/:systemId', (ctx) => {
    const s = find(ctx);
    const errors = new Errors();
    const b = bind(readJsonObject(ctx), PATCH, errors);
    checkText(b.description, 'description', errors, LIMITS.description);
    checkText(b.notes, 'notes', errors, LIMITS.notes);
    const tags = (b.tags as string[] | null | undefined) ?? [];
    checkTags(tags, errors);
    const routes = checkGatewayRoutes((b.gatewayRoutes as Bound[] | null | undefined) ?? [], errors);
    errors.throwIfAny();
    const changes: SystemChanges = {};
    if ('description' in b) changes.description = b.description as string | null;
    if ('notes' in b) changes.notes = b.notes as string | null;
    if ('isEnabled' in b) changes.isEnabled = b.isEnabled as boolean;
    if ('tags' in b) changes.tags = ctx.store.usedTags(ctx.org, tags);
    if ('gatewayRoutes' in b) changes.gatewayRoutes = routes;
    return ok(detail(ctx.store.updateSystem(ctx.org, s, changes)));
  });

  router.org('DELETE', '/systems/:systemId', (ctx) => {
    const s = find(ctx);
    ctx.store.revokeSystem(ctx.org, s.systemId);
    return ok(detail(s));
  });

  router.org('DELETE', '/systems', (ctx) => {
    const ids = readIds(ctx, 'systemIds', 'string');
    const systemsRevoked = ids.filter((id) => ctx.store.revokeSystem(ctx.org, id)).length;
    return ok({ systemsRevoked });
  });

  for (const [action, enabled] of [['enable', true], ['disable', false]] as const) {
    router.org('PUT', `/systems/:systemId/${action}`, (ctx) => {
      const s = find(ctx);
      ctx.store.setSystemEnabled(ctx.org, s, enabled);
      return ok(detail(s));
    });
    router.org('PUT', `/systems/${action}`, (ctx) => {
      const ids = readIds(ctx, 'systemIds', 'string');
      const systemsUpdated = ids.filter((id) => {
        const s = ctx.org.systems.get(id);
        return s !== undefined && ctx.store.setSystemEnabled(ctx.org, s, enabled);
      }).length;
      return ok({ systemsUpdated });
    });
  }

  // Enabled until a time; expiryAction Delete means "revoke then" (applied by store-expiry.ts).
  router.org('PUT', '/systems/:systemId/enable-until', (ctx) => {
    const s = find(ctx);
    const errors = new Errors();
    const expire = checkAutoExpire(bind(readJsonObject(ctx), AUTO_EXPIRE, errors), '$', errors, ctx.store.now());
    errors.throwIfAny();
    ctx.store.setSystemEnabled(ctx.org, s, true, expire ?? null);
    return ok(detail(s));
  });
}
