import type { ListState, SessionApi, StoreApi, StoreChange } from '../commands/context';
import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';
import type { ListKind } from '../tree/nodes';
import { compareOrgs } from '../tree/words';
import type { Log } from '../ui/log';
import type { ConnectionState } from './connection';
import { fetchedPage, LIST_KINDS, LIST_KIND_NAMES, type ListItemOf } from './listKinds';
import { ListSlot } from './listSlot';
import { EMPTY_LIST, totalsOf, type OrgTotals } from './storeTotals';
import { StoreEmitter } from './storeEmitter';

export { PAGE_SIZE, PENDING_PAGE_SIZE } from './listKinds';
export type { OrgTotals } from './storeTotals';

/** What the tree and the load-more command need beyond StoreApi. */
export interface PagedStoreApi extends StoreApi {
  loadOrgs(): Promise<void>;
  load(orgId: string, kind: ListKind): Promise<void>;
  loadMore(orgId: string, kind: ListKind): Promise<void>;
}

/**
 * The cache between the API and the tree: organisations, and per organisation three paged
 * lists, loaded on demand through the session. It never patches entities by hand — commands
 * invalidate a scope after a mutation and the lists are fetched again. No `vscode` import, so
 * its logic runs in plain unit tests.
 */
export class EnclaveStore implements PagedStoreApi {
  private readonly changes = new StoreEmitter<StoreChange>();
  readonly onDidChange = this.changes.event;
  private orgSlot: ListSlot<AccountOrganisation> | undefined;
  private readonly slots = new Map<string, ListSlot<ListItemOf[ListKind]>>();
  private lastState: ConnectionState['kind'];
  private readonly subscription: { dispose(): void };

  constructor(private readonly session: SessionApi, private readonly log: Log) {
    this.lastState = session.state.kind;
    this.subscription = session.onDidChangeState((state) => this.onSessionState(state));
  }

  orgs(): ListState<AccountOrganisation> { return this.orgSlot ?? EMPTY_LIST; }
  systems(orgId: string): ListState<EnclaveSystem> { return this.list(orgId, 'systems'); }
  enrolmentKeys(orgId: string): ListState<EnrolmentKey> { return this.list(orgId, 'enrolmentKeys'); }
  pending(orgId: string): ListState<UnapprovedSystem> { return this.list(orgId, 'pending'); }

  list<K extends ListKind>(orgId: string, kind: K): ListState<ListItemOf[K]> {
    return (this.slots.get(slotKey(orgId, kind)) as ListSlot<ListItemOf[K]> | undefined) ?? EMPTY_LIST;
  }

  /** True while any fetch is in flight (the auto-refresh skips a tick then). */
  get busy(): boolean {
    return (this.orgSlot?.loading ?? false) || [...this.slots.values()].some((slot) => slot.loading);
  }

  /**
   * Connecting already fetched the organisations (GET /account/orgs): the first load adopts
   * that answer instead of repeating the request. Refreshes fetch them anew.
   */
  loadOrgs(): Promise<void> {
    const slot = this.orgList();
    const state = this.session.state;
    if (!slot.requested && state.kind === 'connected') slot.prime(sortOrgs(state.orgs));
    return slot.load();
  }
  load(orgId: string, kind: ListKind): Promise<void> { return this.slot(orgId, kind).load(); }
  loadMore(orgId: string, kind: ListKind): Promise<void> { return this.slot(orgId, kind).loadMore(); }

  /** Re-fetches only lists that were loaded, keeping their page count. Never rejects. */
  async invalidate(orgId?: string, kinds?: readonly ListKind[]): Promise<void> {
    // The token was turned away: every list would be turned away the same way. One request (the
    // organisations) is enough to learn whether it works again; if it does, the session turns
    // connected and refreshIdle reloads the rest.
    if (this.session.state.kind === 'rejected') return this.orgList().refresh();
    const work: Promise<void>[] = [];
    if (orgId === undefined) work.push(this.orgList().refresh());
    for (const [key, slot] of this.slots) {
      const [slotOrg, kind] = splitKey(key);
      if (orgId !== undefined && slotOrg !== orgId) continue;
      if (kinds && !kinds.includes(kind)) continue;
      if (slot.requested) work.push(slot.refresh());
    }
    await Promise.all(work);
  }

  /** Counts for the status bar, from what is loaded. */
  totals(orgId: string): OrgTotals {
    return totalsOf(this.systems(orgId), this.enrolmentKeys(orgId), this.pending(orgId));
  }

  dispose(): void {
    this.subscription.dispose();
    this.clear(false);
    this.changes.dispose();
  }

  private onSessionState(state: ConnectionState): void {
    const previous = this.lastState;
    this.lastState = state.kind;
    if (state.kind === previous) return;
    // Signing out, or a new token or URL being validated: the cached data may belong to
    // another account or server, so nothing of it may be shown.
    if (state.kind === 'signedOut' || state.kind === 'connecting') this.clear(true);
    // The API answers again: what was on screen may be stale or shown as an error.
    else if (state.kind === 'connected' && (previous === 'unreachable' || previous === 'rejected')) this.refreshIdle();
  }

  /** Lists with a fetch in flight get fresh data from it anyway (often it is the very call
   *  that brought the connection back), so only the idle ones are fetched again. */
  private refreshIdle(): void {
    if (this.orgSlot?.requested && !this.orgSlot.loading) void this.orgSlot.refresh();
    for (const slot of this.slots.values()) if (slot.requested && !slot.loading) void slot.refresh();
  }

  private clear(announce: boolean): void {
    this.orgSlot?.dispose();
    this.orgSlot = undefined;
    for (const slot of this.slots.values()) slot.dispose();
    this.slots.clear();
    if (announce) this.changes.fire({});
  }

  private orgList(): ListSlot<AccountOrganisation> {
    this.orgSlot ??= new ListSlot<AccountOrganisation>({
      fetch: async () => {
        const sorted = sortOrgs(await this.session.call((client) => client.getOrgs()));
        this.dropVanishedOrgs(sorted);
        return { items: sorted, total: sorted.length, nextPage: null, lastPage: 0 };
      },
      perPage: Number.MAX_SAFE_INTEGER,
      idOf: (org) => org.orgId,
      onChange: () => this.changes.fire({}),
      onError: (error) => this.log.warn(`Loading organisations failed: ${error.message}`),
    });
    return this.orgSlot;
  }

  private slot(orgId: string, kind: ListKind): ListSlot<ListItemOf[ListKind]> {
    const key = slotKey(orgId, kind);
    let slot = this.slots.get(key);
    if (!slot) {
      const spec = LIST_KINDS[kind] as (typeof LIST_KINDS)['systems'];
      slot = new ListSlot<ListItemOf[ListKind]>({
        fetch: async (page, perPage) => fetchedPage(await this.session.call((client) => spec.fetch(client, orgId, page, perPage))),
        perPage: spec.perPage,
        idOf: spec.idOf as (item: ListItemOf[ListKind]) => string,
        onChange: () => this.changes.fire({ orgId, kind }),
        onError: (error) => this.log.warn(`Loading ${kind} of organisation ${orgId} failed: ${error.message}`),
      });
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** An organisation the token no longer sees takes its cached lists with it. */
  private dropVanishedOrgs(orgs: readonly AccountOrganisation[]): void {
    const present = new Set(orgs.map((o) => o.orgId));
    for (const [key, slot] of this.slots) {
      if (present.has(splitKey(key)[0])) continue;
      slot.dispose();
      this.slots.delete(key);
    }
  }
}

/** By name as the tree shows it: an organisation that came without a name goes by its ID. */
function sortOrgs(orgs: readonly AccountOrganisation[]): AccountOrganisation[] {
  return [...orgs].sort(compareOrgs);
}

function slotKey(orgId: string, kind: ListKind): string {
  return `${orgId}/${kind}`;
}

function splitKey(key: string): [string, ListKind] {
  const slash = key.lastIndexOf('/');
  const kind = key.slice(slash + 1) as ListKind;
  return [key.slice(0, slash), LIST_KIND_NAMES.includes(kind) ? kind : 'systems'];
}
