// GET / PATCH /org/{orgId} (reference §2.2, §3.3). Patch fields: name, website, phone.
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
    const p = ctx.org.properties;
    if (typeof b.name === 'string') p.name = b.name.trim();
    if ('website' in b) p.website = b.website as string | null;
    if ('phone' in b) p.phone = b.phone as string | null;
    ctx.store.changed(ctx.org);
    return ok(p);
  });
}
