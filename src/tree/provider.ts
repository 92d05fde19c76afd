import * as vscode from 'vscode';
import { reasonFor } from '../commands/describeError';
import type { SessionApi, StoreChange } from '../commands/context';
import type { EnclaveStore } from '../model/store';
import { isFiltered } from '../model/listQuery';
import { briefWait } from './briefWait';
import { entityNode, groupChildren, listChildren, orgChildren, rootNodes, showsPending } from './children';
import { ExpiryTicker } from './expiryTicker';
import { NodeCache, parseNodeId } from './nodeCache';
import { nodeId, type EnclaveNode, type KeyNode, type ListKind } from './nodes';
import { presentSafely } from './present';
import { toTreeItem } from './treeItem';

/**
 * The adapter between the store and VS Code's tree: it maps store state to rows and store
 * changes to refreshes of the one row that changed. It never fetches over HTTP itself (the
 * store does, through the session), never shows a pop-up and registers no command.
 */
export class EnclaveTreeProvider implements vscode.TreeDataProvider<EnclaveNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EnclaveNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly cache = new NodeCache();
  /** Per organisation: whether its last rendered children included "Pending approval". */
  private readonly pendingShown = new Map<string, boolean>();
  private readonly subscriptions: vscode.Disposable[];
  private stateKind: string;
  /** Re-renders lists whose rows show a remaining time when that text changes. */
  private readonly ticker = new ExpiryTicker<EnclaveNode>((lists) => {
    for (const list of lists) this.changed.fire(list);
  });

  constructor(private readonly store: EnclaveStore, private readonly session: SessionApi) {
    this.stateKind = session.state.kind;
    this.subscriptions = [
      this.changed,
      this.ticker,
      store.onDidChange((change) => this.onStoreChange(change)),
      session.onDidChangeState((state) => {
        if (state.kind === this.stateKind) return;
        this.stateKind = state.kind;
        this.changed.fire(undefined);
      }),
    ];
  }

  getTreeItem(node: EnclaveNode): vscode.TreeItem {
    const view = presentSafely(node, this.store, new Date());
    if (view.changesAt !== undefined) {
      const list = this.getParent(node);
      if (list) this.ticker.note(list, view.changesAt);
    }
    return toTreeItem(node, view);
  }

  /** Remaining times count down only while the view is visible (no timer while it is hidden). */
  followVisibility(view: vscode.TreeView<EnclaveNode>): vscode.Disposable {
    this.ticker.setVisible(view.visible);
    return view.onDidChangeVisibility((e) => this.ticker.setVisible(e.visible));
  }

  async getChildren(node?: EnclaveNode): Promise<EnclaveNode[]> {
    const state = this.session.state;
    if (!node) {
      // While connecting, the session is fetching the organisations itself; the store adopts
      // that answer once connected (the state change refreshes the root).
      if (state.kind === 'connected' || state.kind === 'unreachable') await briefWait(this.store.loadOrgs());
      return rootNodes(this.session.state, this.store.orgs(), this.cache, this.describe);
    }
    if (state.kind === 'signedOut' || state.kind === 'rejected') return [];
    if (node.type === 'org') {
      // Whether "Pending approval" is shown depends on its count: wait for it so the rows
      // appear once instead of jumping when the count arrives.
      await this.store.load(node.org.orgId, 'pending');
      const pending = this.store.pending(node.org.orgId);
      const filtered = isFiltered(this.store.filter(node.org.orgId, 'pending'));
      this.pendingShown.set(node.org.orgId, showsPending(pending, filtered));
      return orgChildren(node.org.orgId, pending, this.cache, filtered);
    }
    const filtered = (orgId: string, kind: ListKind): boolean => isFiltered(this.store.filter(orgId, kind));
    if (node.type === 'list' && node.kind === 'systems' && this.store.grouping()) {
      await briefWait(this.store.loadGroups(node.orgId));
      return groupChildren(node.orgId, node.kind, this.store.groups(node.orgId), this.cache, this.describe);
    }
    if (node.type === 'list') {
      await briefWait(this.store.load(node.orgId, node.kind));
      return listChildren(node.orgId, node.kind, this.store.list(node.orgId, node.kind), this.describe, undefined, filtered(node.orgId, node.kind));
    }
    if (node.type === 'group') {
      await briefWait(this.store.load(node.orgId, node.kind, node.group));
      return listChildren(node.orgId, node.kind, this.store.list(node.orgId, node.kind, node.group), this.describe, node.group, filtered(node.orgId, node.kind));
    }
    return [];
  }

  getParent(node: EnclaveNode): EnclaveNode | undefined {
    if (node.type === 'org') return undefined;
    if (node.type === 'list') return this.orgNode(node.orgId);
    if (node.type === 'group') return this.cache.list(node.orgId, node.kind);
    if (node.type === 'message') {
      const group = this.cache.knownGroup(node.id.slice(0, node.id.lastIndexOf('/')));
      if (group) return group;
      const parsed = parseNodeId(node.id);
      return parsed?.kind ? this.cache.list(parsed.orgId, parsed.kind) : undefined;
    }
    const kind: ListKind = node.type === 'system' ? 'systems' : node.type === 'key' ? 'enrolmentKeys' : node.type === 'pending' ? 'pending' : node.kind;
    if (node.group) return this.cache.group(node.orgId, kind, node.group);
    return this.cache.list(node.orgId, kind);
  }

  /** The node with this id, from what is loaded (for `reveal`); undefined if not loaded. */
  findNode(id: string): EnclaveNode | undefined {
    const parsed = parseNodeId(id);
    if (!parsed) return undefined;
    if (!parsed.kind) return this.orgNode(parsed.orgId);
    if (parsed.rest === undefined) return this.cache.list(parsed.orgId, parsed.kind);
    if (parsed.rest === 'more') return { type: 'loadMore', id, orgId: parsed.orgId, kind: parsed.kind };
    const items = this.store.list(parsed.orgId, parsed.kind).items as readonly Parameters<typeof entityNode>[2][];
    return items.map((item) => entityNode(parsed.orgId, parsed.kind as ListKind, item)).find((n) => n.id === id);
  }

  /**
   * A key's node, ready for `reveal`: loads what the tree needs above it (organisations, the
   * pending count, the key list's first page) so VS Code can walk down to it. Undefined when
   * the key is not among the loaded pages.
   */
  async nodeForKey(orgId: string, keyId: number): Promise<KeyNode | undefined> {
    await this.store.loadOrgs();
    await Promise.all([this.store.load(orgId, 'pending'), this.store.load(orgId, 'enrolmentKeys')]);
    return this.findNode(nodeId.key(orgId, keyId)) as KeyNode | undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private readonly describe = (error: Error): string => reasonFor(error, this.session.apiUrl);

  private orgNode(orgId: string): EnclaveNode | undefined {
    const org = this.store.orgs().items.find((o) => o.orgId === orgId);
    return org ? this.cache.org(org) : this.cache.knownOrg(orgId);
  }

  private onStoreChange(change: StoreChange): void {
    if (change.orgId === undefined) {
      // The whole tree is rendered again, organisations' children included.
      this.pendingShown.clear();
      return this.changed.fire(undefined);
    }
    const org = this.cache.knownOrg(change.orgId);
    if (!change.kind) return org ? this.changed.fire(org) : undefined;
    if (change.group !== undefined) {
      const group = this.cache.knownGroup(nodeId.groupByKey(change.orgId, change.kind, change.group));
      return group ? this.changed.fire(group) : undefined;
    }
    if (change.kind === 'pending') {
      const rendered = this.pendingShown.get(change.orgId);
      if (rendered === undefined) return; // the org's children are still being fetched
      // The row appears or disappears: the organisation's children change; else only the row.
      if (org && rendered !== showsPending(this.store.pending(change.orgId), isFiltered(this.store.filter(change.orgId, 'pending')))) return this.changed.fire(org);
      if (!rendered) return;
    }
    this.changed.fire(this.cache.list(change.orgId, change.kind));
  }
}
