// GET /org/{orgId}/logs (reference §2.10): the activity log, newest first, `page` and `per_page`
// only (other parameters are ignored, as ASP.NET ignores what it does not bind).
import { OrgContext, Reply } from '../http';
import { pageOf, readPaging } from '../paging';
import type { Router } from '../router';
import { Errors } from '../validation';

function logPage(ctx: OrgContext): Reply {
  const errors = new Errors();
  const paging = readPaging(ctx.query, errors);
  errors.throwIfAny();
  return { status: 200, body: pageOf(ctx.org.log.newestFirst(), paging, { baseUrl: ctx.baseUrl, path: ctx.path, query: ctx.query }, (e) => e) };
}

export function registerLogs(router: Router): void {
  router.org('GET', '/logs', logPage);
}
