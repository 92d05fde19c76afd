// GET /account/orgs (reference §2.1).
import type { AccountOrganisationList } from '../../../src/api/types';
import { visibleOrgs } from '../auth';
import { HttpError, ok } from '../http';
import { problem } from '../problems';
import type { Router } from '../router';

export function registerAccount(router: Router): void {
  router.add('GET', '/account/orgs', (ctx) => {
    if (ctx.grant.noOrgList) {
      throw new HttpError(problem(403, "This token lacks the 'ReadOrgList' scope needed to list organisations."));
    }
    const list: AccountOrganisationList = {
      orgs: visibleOrgs(ctx.grant, ctx.store).map((o) => ({
        orgId: o.id, orgName: o.properties.name, role: o.role, partnerAccess: o.partnerAccess,
      })),
    };
    return ok(list);
  });
}
