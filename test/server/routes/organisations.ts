// GET / PATCH /org/{orgId} (reference §2.2, §3.3). Patch fields: name, website, phone.
import type { OrganisationPatch } from '../../../src/api/types';
import { ok } from '../http';
import type { Router } from '../router';
import { checkText, LIMITS } from '../rules';
import { bind, Errors, readJsonObject } from '../validation';

export function registerOrganisations(router: Router): void {
  router.org('GET', '', (ctx) => ok(ctx.org.properties));

  router.org('PATCH', '', (ctx) => {
    const errors = new Errors();
    const b = bind(readJsonObject(ctx), {
      name: { kind: 'string' }, website: { kind: 'string', nullable: true }, phone: { kind: 'string', nullable: true },
    }, errors);
    if ('name' in b) checkText(b.name, 'name', errors, LIMITS.orgName, true);
    checkText(b.website, 'website', errors, LIMITS.website);
    checkText(b.phone, 'phone', errors, LIMITS.phone);
    errors.throwIfAny();
    const changes: OrganisationPatch = {};
    if (typeof b.name === 'string') changes.name = b.name.trim();
    if ('website' in b) changes.website = b.website as string | null;
    if ('phone' in b) changes.phone = b.phone as string | null;
    return ok(ctx.store.updateOrganisation(ctx.org, changes));
  });
}
