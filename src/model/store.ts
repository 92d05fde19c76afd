import type { ListState, SessionApi, StoreApi, StoreChange } from '../commands/context';
import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';
import type { ListKind } from '../tree/nodes';
import { compareOrgs } from '../tree/words';
import type { Log } from '../ui/log';
import type { ConnectionState } from './connection';
import { fetchedPage, LIST_KINDS, type ListItemOf } from './listKinds';
import { ListSlot, wholeListSlot } from './listSlot';
import { inMemoryFilters, inMemoryGrouping, type FilterMemory, type GroupingMemory, type StoreMemory } from './storeMemory';
import { groupKey, NO_FILTER, queryFor, sameFilter, type GroupBy, type ListFilter, type ListGroup } from './listQuery';
import { EMPTY_LIST, totalsOf, type OrgTotals } from './storeTotals';
import { StoreEmitter } from './storeEmitter';
import { StoreGroups } from './storeGroups';

export { PAGE_SIZE, PENDING_PAGE_SIZE } from './listKinds';
export type { OrgTotals } from './storeTotals';
export type { FilterMemory, GroupingMemory, StoreMemory } from './storeMemory';

/** What the tree and the load-more command need beyond StoreApi. */
export interface PagedStoreApi extends StoreApi {
  loadOrgs(): Promise<void>;
  load(orgId: string, kind: ListKind, group?: ListGroup): Promise<void>;
  loadMore(orgId: string, kind: ListKind, group?: ListGroup): Promise<void>;
}

/** One list of one organisation: the whole list (no group) or one group of a grouped list. */
interface SlotEntry {
  readonly orgId: string;
  readonly kind: ListKind;
  readonly group?: ListGroup;
  readonly slot: ListSlot<ListItemOf[ListKind]>;
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
  private readonly slots = new Map<string, SlotEntry>();
  /** Per organisation: the groups of its Systems list under the grouping in force. */
  private readonly groupLists: StoreGroups;
  private readonly filters: FilterMemory;
  private readonly groupingMemory: GroupingMemory;
  private lastState: ConnectionState['kind'];
  private readonly subscription: { dispose(): void };

  constructor(private readonly session: SessionApi, private readonly log: Log, memory: StoreMemory = {}) {
    this.filters = memory.filters ?? inMemoryFilters();
    this.groupingMemory = memory.grouping ?? inMemoryGrouping();
    this.groupLists = new StoreGroups(session, log, (orgId) => this.changes.fire({ orgId, kind: 'systems' }));
    this.lastState = session.state.kind;
    this.subscription = session.onDidChangeState((state) => this.onSessionState(state));
  }

  orgs(): ListState<AccountOrganisation> { return this.orgSlot ?? EMPTY_LIST; }
  systems(orgId: string): ListState<EnclaveSystem> { return this.list(orgId, 'systems'); }
  enrolmentKeys(orgId: string): ListState<EnrolmentKey> { return this.list(orgId, 'enrolmentKeys'); }
  pending(orgId: string): ListState<UnapprovedSystem> { return this.list(orgId, 'pending'); }

  /** A list, or one group of it, as loaded so far. */
  list<K extends ListKind>(orgId: string, kind: K, group?: ListGroup): ListState<ListItemOf[K]> {
    return (this.slots.get(slotKey(orgId, kind, group))?.slot as ListSlot<ListItemOf[K]> | undefined) ?? EMPTY_LIST;
  }

  /** The filter in force for a list (none unless the user set one). */
  filter(orgId: string, kind: ListKind): ListFilter {
    return this.filters.get(orgId, kind) ?? NO_FILTER;
  }

  /**
   * Sets (or, with NO_FILTER / undefined, clears) a list's filter and remembers it. The list and
   * its groups start again from their first page; only lists that were shown are fetched again.
   */
  setFilter(orgId: string, kind: ListKind, filter: ListFilter | undefined): Promise<void> {
    const next = filter ?? NO_FILTER;
    if (sameFilter(next, this.filter(orgId, kind))) return Promise.resolve();
    this.filters.set(orgId, kind, sameFilter(next, NO_FILTER) ? undefined : { search: next.search.trim(), showDisabled: next.showDisabled });
    const reload: Promise<void>[] = [];
    // Collected first: loading makes new slots, which the loop must not visit.
    const stale = [...this.slots].filter(([, entry]) => entry.orgId === orgId && entry.kind === kind);
    for (const [key, entry] of stale) {
      entry.slot.dispose();
      this.slots.delete(key);
    }
    // Groups are found again below (the Disabled group depends on the filter).
    for (const [, entry] of stale) if (entry.slot.requested && !entry.group) reload.push(this.slot(orgId, kind).load());
    if (kind === 'systems' && this.groupLists.forget(orgId)) reload.push(this.loadGroups(orgId));
    this.changes.fire({ orgId, kind });
    return Promise.all(reload).then(() => undefined);
  }

  /** How Systems lists are grouped; undefined: not grouped. */
  grouping(): GroupBy | undefined {
    return this.groupingMemory.get();
  }

  /** Groups (or ungroups) every Systems list and remembers it; the tree shows it at once. */
  setGrouping(by: GroupBy | undefined): void {
    if (by === this.grouping()) return;
    this.groupingMemory.set(by);
    this.groupLists.clear();
    for (const [key, entry] of this.slots) {
      if (!entry.group) continue;
      entry.slot.dispose();
      this.slots.delete(key);
    }
    this.changes.fire({});
  }

  /** The groups of an organisation's Systems list under the grouping in force. */
  groups(orgId: string): ListState<ListGroup> {
    return this.groupLists.get(orgId);
  }

  loadGroups(orgId: string): Promise<void> {
    const by = this.grouping();
    return by ? this.groupLists.load(orgId, by, this.filter(orgId, 'systems').showDisabled) : Promise.resolve();
  }

  /** True while any fetch is in flight (the auto-refresh skips a tick then). */
  get busy(): boolean {
    return (this.orgSlot?.loading ?? false) || [...this.slots.values()].some((entry) => entry.slot.loading)
      || this.groupLists.busy;
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
  load(orgId: string, kind: ListKind, group?: ListGroup): Promise<void> { return this.slot(orgId, kind, group).load(); }
  loadMore(orgId: string, kind: ListKind, group?: ListGroup): Promise<void> { return this.slot(orgId, kind, group).loadMore(); }

  /** Re-fetches only lists that were loaded, keeping their page count. Never rejects. */
  async invalidate(orgId?: string, kinds?: readonly ListKind[]): Promise<void> {
    // The token was turned away: every list would be turned away the same way. One request (the
    // organisations) is enough to learn whether it works again; if it does, the session turns
    // connected and refreshIdle reloads the rest.
    if (this.session.state.kind === 'rejected') return this.orgList().refresh();
    const work: Promise<void>[] = [];
    if (orgId === undefined) work.push(this.orgList().refresh());
    for (const { orgId: slotOrg, kind, slot } of this.slots.values()) {
      if (orgId !== undefined && slotOrg !== orgId) continue;
      if (kinds && !kinds.includes(kind)) continue;
      if (slot.requested) work.push(slot.refresh());
    }
    // A change to systems may add or empty a tag's or key's group.
    if (!kinds || kinds.includes('systems')) work.push(...this.groupLists.refresh(orgId));
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
    for (const { slot } of this.slots.values()) if (slot.requested && !slot.loading) void slot.refresh();
    this.groupLists.refreshIdle();
  }

  private clear(announce: boolean): void {
    this.orgSlot?.dispose();
    this.orgSlot = undefined;
    for (const { slot } of this.slots.values()) slot.dispose();
    this.slots.clear();
    this.groupLists.clear();
    if (announce) this.changes.fire({});
  }

  private orgList(): ListSlot<AccountOrganisation> {
    this.orgSlot ??= wholeListSlot(async () => {
      const sorted = sortOrgs(await this.session.call((client) => client.getOrgs()));
      this.dropVanishedOrgs(sorted);
      return sorted;
    }, {
      idOf: (org) => org.orgId,
      onChange: () => this.changes.fire({}),
      onError: (error) => this.log.warn(`Loading organisations failed: ${error.message}`),
    });
    return this.orgSlot;
  }

  private slot(orgId: string, kind: ListKind, group?: ListGroup): ListSlot<ListItemOf[ListKind]> {
    const key = slotKey(orgId, kind, group);
    let entry = this.slots.get(key);
    if (!entry) {
      const spec = LIST_KINDS[kind] as (typeof LIST_KINDS)['systems'];
      // The query is fixed for the slot's life: a new filter makes new slots (setFilter).
      const query = queryFor(kind, this.filter(orgId, kind), group);
      const what = group ? `${kind} (${group.label}) of organisation ${orgId}` : `${kind} of organisation ${orgId}`;
      const slot = new ListSlot<ListItemOf[ListKind]>({
        fetch: async (page, perPage) => fetchedPage(await this.session.call((client) => spec.fetch(client, orgId, page, perPage, query))),
        perPage: spec.perPage,
        idOf: spec.idOf as (item: ListItemOf[ListKind]) => string,
        onChange: () => this.changes.fire(group ? { orgId, kind, group: groupKey(group) } : { orgId, kind }),
        onError: (error) => this.log.warn(`Loading ${what} failed: ${error.message}`),
      });
      entry = { orgId, kind, group, slot };
      this.slots.set(key, entry);
    }
    return entry.slot;
  }

  /** An organisation the token no longer sees takes its cached lists with it. */
  private dropVanishedOrgs(orgs: readonly AccountOrganisation[]): void {
    const present = new Set(orgs.map((o) => o.orgId));
    for (const [key, entry] of this.slots) {
      if (present.has(entry.orgId)) continue;
      entry.slot.dispose();
      this.slots.delete(key);
    }
    this.groupLists.clear(present);
  }
}

/** By name as the tree shows it: an organisation that came without a name goes by its ID. */
function sortOrgs(orgs: readonly AccountOrganisation[]): AccountOrganisation[] {
  return [...orgs].sort(compareOrgs);
}

function slotKey(orgId: string, kind: ListKind, group?: ListGroup): string {
  return `${orgId}\n${kind}\n${groupKey(group)}`;
}
