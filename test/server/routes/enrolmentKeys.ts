// Enrolment keys (reference §2.5, §3.7). Bodies and their rules: key-bodies.ts.
import type { EnrolmentKey } from '../../../src/api/types';
import { readIds } from '../bulk';
import { keyView } from '../entities';
import { HttpError, OrgContext, ok } from '../http';
import { readKeyCreate, readKeyPatch } from '../key-bodies';
import { listReply } from '../list';
import { readQueryBool } from '../paging';
import { notFound } from '../problems';
import type { Router } from '../router';
import { AUTO_EXPIRE, checkAutoExpire } from '../rules';
import { KEY_SEARCH_KEYS, names } from '../search-keys';
import { keyPredicate } from '../search-match';
import { KEY_SORTS } from '../sorting';
import { bind, Errors, readJsonObject } from '../validation';

function find(ctx: OrgContext): EnrolmentKey {
  const raw = ctx.params.keyId;
  if (!/^\d+$/.test(raw)) Errors.fail('enrolmentKeyId', `The value '${raw}' is not valid.`);
  const k = ctx.org.keys.get(Number(raw));
  if (!k) throw new HttpError(notFound('enrolment-key', raw));
  return k;
}

const detail = (k: EnrolmentKey): EnrolmentKey => keyView(k, true);
const listItem = (k: EnrolmentKey): EnrolmentKey => keyView(k, false);

export function registerEnrolmentKeys(router: Router): void {
  router.org('GET', '/enrolment-keys', (ctx) => listReply(ctx, {
    collection: ctx.org.keys, modes: KEY_SORTS, id: (k) => k.id,
    searchKeys: names(KEY_SEARCH_KEYS), search: keyPredicate, view: listItem,
    filters: (errors) => [readQueryBool(ctx.query, 'include_disabled', errors) ? undefined : (k) => k.isEnabled],
  }));

  router.org('GET', '/enrolment-keys/meta/search-keys', () => ok(KEY_SEARCH_KEYS));
  router.org('POST', '/enrolment-keys', (ctx) => ok(detail(ctx.store.createKey(ctx.org, readKeyCreate(ctx)))));
  router.org('GET', '/enrolment-keys/:keyId', (ctx) => ok(detail(find(ctx))));

  router.org('PATCH', '/enrolment-keys/:keyId', (ctx) => {
    const k = find(ctx);
    return ok(detail(ctx.store.updateKey(ctx.org, k, readKeyPatch(ctx, k))));
  });

  router.org('DELETE', '/enrolment-keys/:keyId', (ctx) => {
    const k = find(ctx);
    ctx.store.deleteKey(ctx.org, k.id);
    return ok(detail(k));
  });

  router.org('DELETE', '/enrolment-keys', (ctx) => {
    const ids = readIds(ctx, 'keyIds', 'integer');
    return ok({ keysDeleted: ids.filter((id) => ctx.store.deleteKey(ctx.org, id)).length });
  });

  for (const [action, enabled] of [['enable', true], ['disable', false]] as const) {
    router.org('PUT', `/enrolment-keys/:keyId/${action}`, (ctx) => {
      const k = find(ctx);
      ctx.store.setKeyEnabled(ctx.org, k, enabled);
      return ok(detail(k));
    });
    router.org('PUT', `/enrolment-keys/${action}`, (ctx) => {
      const ids = readIds(ctx, 'keyIds', 'integer');
      const keysModified = ids.filter((id) => {
        const k = ctx.org.keys.get(id);
        return k !== undefined && ctx.store.setKeyEnabled(ctx.org, k, enabled);
      }).length;
      return ok({ keysModified });
    });
  }

  router.org('PUT', '/enrolment-keys/:keyId/enable-until', (ctx) => {
    const k = find(ctx);
    const errors = new Errors();
    const expire = checkAutoExpire(bind(readJsonObject(ctx), AUTO_EXPIRE, errors), '$', errors, ctx.store.now());
    errors.throwIfAny();
    ctx.store.setKeyEnabled(ctx.org, k, true, expire ?? null);
    return ok(detail(k));
  });
}
