import type { CommandHandler } from './context';
import type { EnclaveNode, ListKind } from '../tree/nodes';

/** The scope a node stands for: everything, an organisation, or one list. */
export function refreshScope(node: EnclaveNode | undefined): { orgId?: string; kinds?: ListKind[] } {
  if (!node) return {};
  switch (node.type) {
    case 'org':
      return { orgId: node.org.orgId };
    case 'list':
    case 'group':
    case 'loadMore':
      return { orgId: node.orgId, kinds: [node.kind] };
    case 'system':
      return { orgId: node.orgId, kinds: ['systems'] };
    case 'key':
      return { orgId: node.orgId, kinds: ['enrolmentKeys'] };
    case 'pending':
      return { orgId: node.orgId, kinds: ['pending'] };
    case 'message':
      // An error row retries what failed; a root row (unreachable API) retries everything.
      return { orgId: node.retry?.orgId, kinds: node.retry?.kind ? [node.retry.kind] : undefined };
  }
}

/**
 * Enclave: Refresh. From the view title or palette: every list that was loaded, and the
 * organisations; from a row: that row's scope. Failures become error rows in the tree (the
 * store keeps them per list), so nothing is thrown at the user here.
 */
export const handler: CommandHandler = async (ctx, node) => {
  const { orgId, kinds } = refreshScope(node);
  await ctx.store.invalidate(orgId, kinds);
};
