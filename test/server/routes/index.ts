// Every API route the mock serves.
import { Router } from '../router';
import { registerAccount } from './account';
import { registerEnrolmentKeys } from './enrolmentKeys';
import { registerOrganisations } from './organisations';
import { registerSystems } from './systems';
import { registerUnapprovedSystems } from './unapprovedSystems';

export function buildRouter(): Router {
  const router = new Router();
  registerAccount(router);
  registerOrganisations(router);
  registerSystems(router);
  registerUnapprovedSystems(router);
  registerEnrolmentKeys(router);
  return router;
}
