// Every API route the mock serves.
import { Router } from '../router';
import { registerAccount } from './account';
import { registerEnrolmentKeys } from './enrolmentKeys';
import { registerLogs } from './logs';
import { registerOrganisations } from './organisations';
import { registerSystems } from './systems';
import { registerTags } from './tags';
import { registerUnapprovedSystems } from './unapprovedSystems';

export function buildRouter(): Router {
  const router = new Router();
  registerAccount(router);
  registerOrganisations(router);
  registerSystems(router);
  registerUnapprovedSystems(router);
  registerEnrolmentKeys(router);
  registerTags(router);
  registerLogs(router);
  return router;
}
