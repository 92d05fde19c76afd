// Drives the extension's real store and tree provider the way VS Code does: ask for a node's
// children, and when they include "Loading…", ask again after the provider says that node (or
// the whole tree) changed. Requires vscodeStub (imported first by run.ts).
import type { SessionApi } from '../../src/commands/context';
import { EnclaveStore } from '../../src/model/store';
import { EnclaveTreeProvider } from '../../src/tree/provider';
import type { EnclaveNode, ListKind } from '../../src/tree/nodes';
import { quietLog } from './clientSession';

type Node<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

const isLoading = (rows: readonly EnclaveNode[]): boolean => rows.some((r) => r.type === 'message' && r.severity === 'loading');

export class TreeDriver {
  readonly store: EnclaveStore;
  readonly provider: EnclaveTreeProvider;

  constructor(readonly session: SessionApi) {
    this.store = new EnclaveStore(session, quietLog);
    this.provider = new EnclaveTreeProvider(this.store, session);
  }

  /** The rows under `node` (the root when omitted) once they are no longer "Loading…". */
  async expand(node?: EnclaveNode): Promise<EnclaveNode[]> {
    for (;;) {
      const changed = new Promise<void>((resolve) => {
        const subscription = this.provider.onDidChangeTreeData((n) => {
          if (n === undefined || n === node) {
            subscription.dispose();
            resolve();
          }
        });
      });
      const rows = (await this.provider.getChildren(node)) ?? [];
      if (!isLoading(rows)) return rows;
      await changed;
    }
  }

  async org(orgId: string): Promise<Node<'org'>> {
    const org = (await this.expand()).find((r): r is Node<'org'> => r.type === 'org' && r.org.orgId === orgId);
    if (!org) throw new Error(`organisation ${orgId} is not in the tree`);
    return org;
  }

  async list(org: Node<'org'>, kind: ListKind): Promise<Node<'list'>> {
    const list = (await this.expand(org)).find((r): r is Node<'list'> => r.type === 'list' && r.kind === kind);
    if (!list) throw new Error(`no ${kind} row under ${org.org.orgName}`);
    return list;
  }

  dispose(): void {
    this.provider.dispose();
    this.store.dispose();
  }
}
