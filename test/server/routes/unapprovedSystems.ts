// Pending systems awaiting approval (reference §2.4, §3.6).
import type { UnapprovedSystem } from '../../../src/api/types';
import { readIds } from '../bulk';
import { systemView, unapprovedView } from '../entities';
import { HttpError, OrgContext, ok } from '../http';
import { listReply } from '../list';
import { readQueryInt } from '../paging';
import { notFound } from '../problems';
import type { Router } from '../router';
import { checkTags, checkText, LIMITS } from '../rules';
import { names, UNAPPROVED_SEARCH_KEYS } from '../search-keys';
import { unapprovedPredicate } from '../search-match';
import { UNAPPROVED_SORTS } from '../sorting';
import type { UnapprovedChanges } from '../store';
import { bind, Errors, readJsonObject } from '../validation';

function find(ctx: OrgContext): UnapprovedSystem {
  const u = ctx.org.unapproved.get(ctx.params.systemId.toUpperCase());
  if (!u) throw new HttpError(notFound('unapproved-system', ctx.params.systemId));
  return u;
}

const listItem = (u: UnapprovedSystem): UnapprovedSystem => unapprovedView(u, false);

export function registerUnapprovedSystems(router: Router): void {
  // No include_disabled and no dns here (reference §2.4).
  router.org('GET', '/unapproved-systems', (ctx) => listReply(ctx, {
    collection: ctx.org.unapproved, modes: UNAPPROVED_SORTS, id: (u) => u.systemId,
    searchKeys: names(UNAPPROVED_SEARCH_KEYS), search: unapprovedPredicate, view: listItem,
    filters: (errors) => {
      const keyId = readQueryInt(ctx.query, 'enrolment_key', errors);
      return [keyId === undefined ? undefined : (u) => u.enrolmentKeyId === keyId];
    },
  }));

  router.org('GET', '/unapproved-systems/meta/search-keys', () => ok(UNAPPROVED_SEARCH_KEYS));
  router.org('GET', '/unapproved-systems/:systemId', (ctx) => ok(unapprovedView(find(ctx), true)));

  router.org('PATCH', '/unapproved-systems/:systemId', (ctx) => {
    const u = find(ctx);
    const errors = new Errors();
    const b = bind(readJsonObject(ctx), {
      description: { kind: 'string', nullable: true }, tags: { kind: 'string[]', nullable: true }, notes: { kind: 'string', nullable: true },
    }, errors);
    checkText(b.description, 'description', errors, LIMITS.description);
    checkText(b.notes, 'notes', errors, LIMITS.notes);
    const tags = (b.tags as string[] | null | undefined) ?? [];
    checkTags(tags, errors);
    errors.throwIfAny();
    const changes: UnapprovedChanges = {};
    if ('description' in b) changes.description = b.description as string | null;
    if ('notes' in b) changes.notes = b.notes as string | null;
    if ('tags' in b) changes.tags = ctx.store.usedTags(ctx.org, tags);
    return ok(unapprovedView(ctx.store.updateUnapproved(ctx.org, u, changes), true));
  });

  router.org('DELETE', '/unapproved-systems/:systemId', (ctx) => {
    const u = find(ctx);
    ctx.store.declineSystem(ctx.org, u.systemId);
    return ok(unapprovedView(u, true));
  });

  router.org('DELETE', '/unapproved-systems', (ctx) => {
    const ids = readIds(ctx, 'systemIds', 'string');
    return ok({ systemsDeclined: ids.filter((id) => ctx.store.declineSystem(ctx.org, id)).length });
  });

  // The response body is not documented (open question 14): the mock returns the new system.
  router.org('PUT', '/unapproved-systems/:systemId/approve', (ctx) => {
    const u = find(ctx);
    const s = ctx.store.approveSystem(ctx.org, u.systemId);
    return ok(s ? systemView(s, true) : undefined);
  });

  router.org('PUT', '/unapproved-systems/approve', (ctx) => {
    const ids = readIds(ctx, 'systemIds', 'string');
    return ok({ systemsApproved: ids.filter((id) => ctx.store.approveSystem(ctx.org, id)).length });
  });
}
