// The store's group lists: per organisation, which groups its Systems list has under the grouping
// in force (state, platform, tag, key), each found by one discovery call. The items of each group
// are ordinary list slots in the store; this holds only the lists of groups. No `vscode`.
import type { ListState, SessionApi } from '../commands/context';
import type { Log } from '../ui/log';
import { discoverGroups } from './groups';
import { groupKey, type GroupBy, type ListGroup } from './listQuery';
import { wholeListSlot, type ListSlot } from './listSlot';
import { EMPTY_LIST } from './storeTotals';

export class StoreGroups {
  private readonly slots = new Map<string, ListSlot<ListGroup>>();

  constructor(
    private readonly session: SessionApi,
    private readonly log: Log,
    /** Called when an organisation's groups change (loaded, refreshed, failed). */
    private readonly onChange: (orgId: string) => void,
  ) {}

  /** The groups of an organisation's Systems list, as loaded so far. */
  get(orgId: string): ListState<ListGroup> {
    return this.slots.get(orgId) ?? EMPTY_LIST;
  }

  /** Loads an organisation's groups under `by`; `showDisabled` adds the Disabled state group. */
  load(orgId: string, by: GroupBy, showDisabled: boolean): Promise<void> {
    let slot = this.slots.get(orgId);
    if (!slot) {
      slot = wholeListSlot(() => this.session.call((client) => discoverGroups(client, orgId, by, showDisabled)), {
        idOf: (group) => groupKey(group),
        onChange: () => this.onChange(orgId),
        onError: (error) => this.log.warn(`Loading the ${by} groups of organisation ${orgId} failed: ${error.message}`),
      });
      this.slots.set(orgId, slot);
    }
    return slot.load();
  }

  /** Forgets one organisation's groups; true when they had been asked for (so are shown). */
  forget(orgId: string): boolean {
    const slot = this.slots.get(orgId);
    if (!slot) return false;
    slot.dispose();
    this.slots.delete(orgId);
    return slot.requested;
  }

  /** Forgets every organisation's groups, or those of organisations not in `keep`. */
  clear(keep?: ReadonlySet<string>): void {
    for (const orgId of [...this.slots.keys()]) if (!keep?.has(orgId)) this.forget(orgId);
  }

  /** Re-fetches the groups that were asked for: of one organisation, or all. */
  refresh(orgId?: string): Promise<void>[] {
    return [...this.slots].filter(([slotOrg, slot]) => (orgId === undefined || slotOrg === orgId) && slot.requested).map(([, slot]) => slot.refresh());
  }

  /** Re-fetches the groups asked for that have no fetch in flight (after the API came back). */
  refreshIdle(): void {
    for (const slot of this.slots.values()) if (slot.requested && !slot.loading) void slot.refresh();
  }

  get busy(): boolean {
    return [...this.slots.values()].some((slot) => slot.loading);
  }
}
