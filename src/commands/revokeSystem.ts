// Revoke System(s): permanent removal from the organisation, so the modal says exactly that.
import { systemLabel } from '../tree/presentSystem';
import { SYSTEM, WAS_NOT } from '../ui/promptsText';
import type { CommandHandler } from './context';
import { runEntityAction, type EntityAction } from './mutate';

/** Revoking systems, described once: this command and the clean-up of stale systems use it. */
export const REVOKE_SYSTEMS: EntityAction<'system', string> = {
  kind: 'system',
  noun: SYSTEM,
  verb: 'Revoke',
  verbing: 'Revoking',
  participle: 'revoked',
  notDone: WAS_NOT('revoked'),
  nothing: 'no systems to revoke',
  confirmDetail: (n) =>
    `This is permanent: ${n === 1 ? 'the system is' : 'the systems are'} removed from the organisation and cannot be restored. ` +
    `To join again, ${n === 1 ? 'the machine' : 'each machine'} must re-enrol with an enrolment key.`,
  affects: ['systems'],
  idOf: (system) => system.systemId,
  nameOf: systemLabel,
  one: (client, orgId, id, signal) => client.systems.revoke(orgId, id, { signal }),
  many: (client, orgId, ids, signal) => client.systems.revokeMany(orgId, ids, { signal }),
  readBack: { get: (client, orgId, id, signal) => client.systems.get(orgId, id, { signal }) },
};

export const handler: CommandHandler = (ctx, node, selected) => runEntityAction(ctx, node, selected, REVOKE_SYSTEMS);
